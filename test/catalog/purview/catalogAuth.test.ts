/**
 * entraAuthorization loads @azure/identity on its first token, not when imported: the load and API
 * layers export the Purview sync, and every `ontomesh load` and `serve` imports them.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from '../../load/helpers.ts';

const moduleUrl = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href);

it('imports @azure/identity only when a Purview token is first asked for', async () => {
  // A child process with a resolve hook recording when @azure/identity is imported.
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    let stage = 'import';
    registerHooks({ resolve(specifier, context, next) { if (specifier === '@azure/identity') seen.push(stage); return next(specifier, context); } });
    await import(${moduleUrl('src/load/index.ts')});
    await import(${moduleUrl('src/api/index.ts')});
    const { entraAuthorization } = await import(${moduleUrl('src/catalog/purview/index.ts')});
    const authorization = entraAuthorization();
    stage = 'token';
    // The token itself is not waited for (no Azure sign-in is reachable here): only for the import.
    void authorization().catch(() => undefined);
    const waitUntil = Date.now() + 5000;
    while (!seen.includes('token') && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 10));
    console.log(JSON.stringify(seen));
    process.exit(0);`;
  const { stdout } = await promisify(execFile)(join(repoRoot, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH }, timeout: 60_000 });
  expect(JSON.parse(stdout)).toEqual(['token']);
});
