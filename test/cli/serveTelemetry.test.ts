/**
 * APPLICATIONINSIGHTS_CONNECTION_STRING as `ontomesh serve` reads it: a connection string it cannot use
 * stops serve before it opens the store or forks a worker, with one BAD_REQUEST line (exit 2), as every
 * other setting does. A worker refusing it on its own had stayed in the cluster, and serve never ended.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tempDir } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(() => remove());

test.each(['1', '2'])('serve --workers %s refuses a connection string without an InstrumentationKey before it starts (exit 2)', async (workers) => {
  const neverOpened = join(cwd, `never-opened-${workers}.db`);
  const env = { ONTOMESH_STORE: `sqlite:${neverOpened}`, APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/' };
  const { code, stdout, stderr } = await runOntomesh(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', workers], { cwd, env });
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toBe('BAD_REQUEST APPLICATIONINSIGHTS_CONNECTION_STRING has no InstrumentationKey: copy the whole connection string from the Application Insights resource\nRun `ontomesh serve --help` for usage.\n');
  expect(existsSync(neverOpened)).toBe(false);
});
