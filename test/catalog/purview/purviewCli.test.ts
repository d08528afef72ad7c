/**
 * `ontomesh purview sync` as a process: with --atlas against the stand-in's Apache Atlas routes (basic
 * auth, basic search), the JSON summary and a `versions purview` after it; a catalog that refuses the
 * credentials (exit 1, UNAUTHENTICATED, nothing written); usage errors (exit 2). Purview's own routes
 * need an Entra ID token, which the client takes from DefaultAzureCredential: syncPurview.test.ts covers
 * them with the same client given a token.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../load/helpers.ts';
import { runOntomesh } from '../../cli/runOntomesh.ts';
import { standInEntities, startPurviewStandIn, type StandIn } from './purviewStandIn.ts';

let cwd: string;
let remove: () => Promise<void>;
let standIn: StandIn;
beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  standIn = await startPurviewStandIn({ token: 'unused', basic: 'admin:secret' });
});
afterAll(async () => {
  await standIn.close();
  await remove();
});

const atlasEnv = { ATLAS_USER: 'admin', ATLAS_PASSWORD: 'secret' };

describe('ontomesh purview sync', () => {
  it('syncs an Atlas server into graph purview and prints the summary as JSON', async () => {
    const store = `sqlite:${join(cwd, 'atlas.db')}`;
    const result = await runOntomesh(['purview', 'sync', '--atlas', '--endpoint', standIn.endpoint, '--store', store, '--json'], { cwd, env: atlasEnv });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    const datasets = [...standInEntities().values()].filter((e) => e.typeName === 'hive_table' || e.typeName === 'azure_datalake_gen2_path');
    expect(summary).toMatchObject({ graphId: 'purview', version: 1, counts: { datasets: datasets.length } });
    const versions = await runOntomesh(['versions', 'purview', '--store', store, '--json'], { cwd });
    expect(JSON.parse(versions.stdout)).toMatchObject([{ version: 1, active: true }]);
  });

  it('exits 1 with UNAUTHENTICATED when the catalog refuses the credentials, and writes nothing', async () => {
    const store = `sqlite:${join(cwd, 'refused.db')}`;
    const result = await runOntomesh(['purview', 'sync', '--atlas', '--endpoint', standIn.endpoint, '--store', store], { cwd, env: { ATLAS_USER: 'admin', ATLAS_PASSWORD: 'wrong' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^UNAUTHENTICATED the catalog refused the credentials: 401 from http:\/\/127\.0\.0\.1:\d+\/api\/atlas\/v2\/search\/basic \(Unauthorized: Token is missing or invalid\)/);
    const versions = await runOntomesh(['versions', 'purview', '--store', store, '--json'], { cwd });
    expect(JSON.parse(versions.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it.each([
    [['purview'], /expected a sub-command: purview sync/],
    [['purview', 'sync'], /--endpoint is required/],
    [['purview', 'sync', '--endpoint', 'https://a.purview.azure.com', '--depth', 'x'], /--depth must be an integer/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await runOntomesh(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
