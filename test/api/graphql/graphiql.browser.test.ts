/**
 * GraphiQL in a real browser: Debian's Chromium, driven by playwright-core, opens GET /graphql on the
 * demo mesh, a discovery query is typed into the editor and run, and the answer the page shows is the
 * one the same query gets over POST. The page must work offline (every request it makes goes to this
 * server) and log no console error. Chromium is found at $CHROMIUM_PATH or /usr/bin/chromium (.ci/run
 * installs it); without it the test fails in CI and is skipped, saying so, elsewhere.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOntologies, readDescriptorFiles, registerProducts } from '../../../src/load/index.ts';
import { repoRoot, tempStore } from '../../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from '../graphqlClient.ts';
import { c } from '../meshFixture.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFound = existsSync(chromiumPath);
const skipHere = !chromiumFound && !process.env.CI;
if (skipHere) console.warn(`skipping the GraphiQL browser test: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);

const discoveryQuery = `{
  dataProducts(filter: { concept: "${c.party}" }, first: 10) {
    totalCount
    edges { node { id name domain { id name } concepts { iri label } } }
  }
  search(text: "customer", first: 5) { totalCount edges { node { __typename ... on Concept { iri label } ... on DataProduct { id name } } } }
}`;

let server: GraphqlServer;
let browser: Browser;
let dispose: () => Promise<void>;
beforeAll(async () => {
  if (skipHere) return;
  if (!chromiumFound) throw new Error(`no Chromium at ${chromiumPath}: CI needs it for the GraphiQL browser test (.ci/run installs Debian's chromium package)`);
  const temp = await tempStore();
  dispose = temp.dispose;
  // The demo mesh as `ontomesh serve` seeds it.
  await loadOntologies(temp.store, [join(repoRoot, 'ontology')], { id: 'mesh', missingImports: 'warn', allowRemoteImports: [] });
  await registerProducts(temp.store, await readDescriptorFiles([join(repoRoot, 'mesh')]));
  server = await serveGraphql(temp.store);
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dispose?.();
});

/** The text of the CodeMirror editor inside `selector` (read from the editor: its DOM holds only the lines in view). */
const editorText = (page: Page, selector: string) =>
  page.locator(`${selector} .CodeMirror`).first().evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

describe.skipIf(skipHere)('GraphiQL in Chromium', () => {
  it('runs a discovery query typed into the editor, shows what POST /graphql answers, offline and without console errors', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));

    const response = await page.goto(`${server.running.url}/graphql`);
    expect(response?.status()).toBe(200);
    const queryEditor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await queryEditor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText, as a paste would: typed key by key, CodeMirror would close every bracket a second time.
    await page.keyboard.insertText(discoveryQuery);
    expect(await editorText(page, '.graphiql-query-editor')).toBe(discoveryQuery);

    const answered = page.waitForResponse((r) => r.url() === `${server.running.url}/graphql` && r.request().method() === 'POST' && r.request().postData()?.includes('dataProducts') === true);
    await page.locator('.graphiql-execute-button').click();
    await answered;
    await expect.poll(() => editorText(page, '.result-window')).not.toBe('');
    const shown = JSON.parse(await editorText(page, '.result-window')) as unknown;

    const posted = await server.query(discoveryQuery);
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.dataProducts.totalCount).toBeGreaterThan(1);
    expect(posted.data!.search.totalCount).toBeGreaterThan(0);
    expect(shown).toEqual(posted);

    const origin = new URL(server.running.url).origin;
    expect(requested.length).toBeGreaterThan(4);
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
