/**
 * GraphiQL works offline: the page a browser gets on GET /graphql loads nothing from another host,
 * and every script and style sheet it names is served here from the installed npm packages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

let server: GraphqlServer;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempStore();
  dispose = temp.dispose;
  server = await serveGraphql(temp.store);
});
afterAll(async () => {
  await server?.close();
  await dispose?.();
});

describe('GraphiQL', () => {
  it('is a page whose scripts and styles all come from this server', async () => {
    const response = await fetch(`${server.running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('GraphiQL.createFetcher({ url: "/graphql" })');
    expect(html).toContain('<link rel="icon" href="data:,">');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((url) => url !== 'data:,');
    expect(urls.map((url) => url.replace(/\?v=.*$/, ''))).toEqual(['/graphql/graphiql/graphiql.css', '/graphql/graphiql/react.js', '/graphql/graphiql/react-dom.js', '/graphql/graphiql/graphiql.js']);
    expect(html).not.toMatch(/https?:\/\/(?!w3id\.org)/);
    for (const url of urls) {
      const asset = await fetch(`${server.running.url}${url}`);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type'), url).toMatch(url.includes('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.headers.get('cache-control'), url).toBe('public, max-age=86400');
      const text = await asset.text();
      expect(text.length, url).toBeGreaterThan(10_000);
    }
    const bundle = await (await fetch(`${server.running.url}/graphql/graphiql/graphiql.js`)).text();
    expect(bundle).toContain('createFetcher');
  });

  it('NOT_FOUND for anything else under the asset path', async () => {
    const response = await fetch(`${server.running.url}/graphql/graphiql/secrets.json`);
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
