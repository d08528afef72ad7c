/**
 * A prepared store this process may not write (the file read-only, its folder, or both, as on a
 * read-only volume): `versions`, `export` and `serve`'s queries read it; `load`, `activate` and
 * `mesh register` fail with FORBIDDEN naming the file and change nothing; a store whose `-wal` still
 * holds commits, in a folder it may not write, is refused at open. chmod does not deny root, so these
 * commands run as nobody, and are skipped where nobody cannot reach the checkout.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmod, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { fixture, repoRoot, tempDir } from '../load/helpers.ts';
import { canRunUnprivileged, runOntomesh, startServe } from './runOntomesh.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');
const orders = join(repoRoot, 'mesh/sales/orders.odps.yaml');

let cwd: string;
let remove: () => Promise<void>;
let source: string;
/** What `versions pizza --json` and `export pizza` print for the writable store. */
let expected: { versions: string; export: string };

const digest = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const unprivileged = (...args: string[]) => runOntomesh(args, { cwd, unprivileged: true });

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  await chmod(cwd, 0o755);
  source = join(cwd, 'source.db');
  expect((await runOntomesh(['load', pizza, '--id', 'pizza', '--store', `sqlite:${source}`], { cwd })).code).toBe(0);
  expected = {
    versions: (await runOntomesh(['versions', 'pizza', '--json', '--store', `sqlite:${source}`], { cwd })).stdout,
    export: (await runOntomesh(['export', 'pizza', '--store', `sqlite:${source}`], { cwd })).stdout,
  };
});
afterAll(() => remove());

/** A copy of the prepared store in a folder of its own, with the given modes. */
async function readOnlyCopy(name: string, modes: { file: number; folder: number }): Promise<string> {
  const folder = join(cwd, name);
  await mkdir(folder);
  const path = join(folder, 'store.db');
  await copyFile(source, path);
  await chmod(path, modes.file);
  await chmod(folder, modes.folder);
  return path;
}

describe.skipIf(!canRunUnprivileged)('a store this process may not write', () => {
  test.each([
    ['the file', { file: 0o444, folder: 0o777 }],
    ['the folder', { file: 0o666, folder: 0o555 }],
    ['the file and the folder', { file: 0o444, folder: 0o555 }],
  ])('(%s read-only) is read, and every write is FORBIDDEN naming the file (exit 1), changing nothing', async (name, modes) => {
    const path = await readOnlyCopy(name.replaceAll(' ', '-'), modes);
    const store = `sqlite:${path}`;
    const before = { file: await digest(path), folder: await readdir(join(path, '..')) };

    expect(await unprivileged('versions', 'pizza', '--json', '--store', store)).toMatchObject({ code: 0, stdout: expected.versions });
    expect(await unprivileged('export', 'pizza', '--store', store)).toMatchObject({ code: 0, stdout: expected.export });

    const refusal = `FORBIDDEN the store ${path} is read-only (this process may not write the file or its folder): nothing was changed`;
    for (const write of [['load', pizza, '--id', 'other'], ['activate', 'pizza', '1'], ['mesh', 'register', orders]]) {
      const { code, stderr } = await unprivileged(...write, '--store', store);
      expect([code, stderr.trim()], write[0]).toEqual([1, refusal]);
    }
    expect(await digest(path)).toBe(before.file);
    // A writable folder gets SQLite's -wal and -shm files (empty) from the reader; a read-only one nothing.
    if (modes.folder === 0o555) expect(await readdir(join(path, '..'))).toEqual(before.folder);
    expect(await unprivileged('versions', 'pizza', '--json', '--store', store)).toMatchObject({ code: 0, stdout: expected.versions });
  });

  test('is served: readiness and queries work, a write endpoint answers 403 FORBIDDEN as JSON', async () => {
    const path = await readOnlyCopy('served', { file: 0o444, folder: 0o555 });
    const { child, waitFor } = startServe(['--store', `sqlite:${path}`, '--workers', '1'], { cwd, unprivileged: true });
    try {
      const listening = await waitFor('listening');
      expect(listening.store).toBe(`sqlite:${path} (read-only)`);
      const url = String(listening.url);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const query = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ontologies { id } }' }) });
      expect(await query.json()).toEqual({ data: { ontologies: [{ id: 'pizza' }] } });
      const put = await fetch(`${url}/ontologies/other`, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n' });
      expect(put.status).toBe(403);
      expect(await put.json()).toEqual({ error: { code: 'FORBIDDEN', message: `the store ${path} is read-only (this process may not write the file or its folder): nothing was changed` } });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('whose -wal still holds commits, in a folder it may not write, is refused at open (STORE_UNAVAILABLE, exit 3)', async () => {
    const writable = join(cwd, 'pending-source.db');
    await copyFile(source, writable);
    const writer = await openSqliteStore(writable);
    // While the store is open, the commit that begins a version stays in the -wal (checkpointed at close).
    const version = await writer.beginVersion('pending', { documents: [], prefixes: {}, missingImports: [] });
    try {
      const folder = join(cwd, 'pending');
      await mkdir(folder);
      const path = join(folder, 'store.db');
      await copyFile(writable, path);
      await copyFile(`${writable}-wal`, `${path}-wal`);
      await chmod(folder, 0o555);
      const { code, stderr } = await unprivileged('versions', 'pizza', '--store', `sqlite:${path}`);
      expect([code, stderr.trim()]).toEqual([3, `STORE_UNAVAILABLE ${path}-wal holds commits not yet written into ${path}, and this process may not write ${folder} to read them: ` +
        'open the store once with write access (any ontomesh command, e.g. ontomesh versions ID) to checkpoint it, then mount it read-only']);
    } finally {
      await version.abort();
      await writer.close();
    }
  });
});
