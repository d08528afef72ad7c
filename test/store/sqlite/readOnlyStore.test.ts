/**
 * A store opened read-only (`readOnly: true`, as when this process may not write the file or its
 * folder): reads answer as on a writable store, every write is FORBIDDEN naming the file and changes
 * nothing, and a file that holds no current store is refused at open. Real permission denial (a
 * read-only file or folder, SQLite's immutable mode) is covered through the command in
 * test/cli/readOnlyStore.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { OntomeshError } from '../../../src/errors/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { dqv, dqvPath, exportAll, mapTurtle, metaOf, statsOf, writeVersion } from '../../contract/contractData.ts';

const folder = mkdtempSync(join(tmpdir(), 'ontomesh-sqlite-ro-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const dqvDoc = mapTurtle('vocab', dqvPath);
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A store file with two versions of graph `vocab` (the second, all of DQV, active), closed (checkpointed). */
async function preparedStore(name: string): Promise<string> {
  const path = join(folder, `${name}.db`);
  const store = await openSqliteStore(path);
  await writeVersion(store, 'vocab', dqvDoc.elements.slice(0, 100), metaOf(dqvPath));
  await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
  await store.close();
  return path;
}

async function withStore<T>(path: string, options: { readOnly?: boolean }, use: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(path, options);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** What a reader sees: versions, the active snapshot, a resource, search hits, an export of each version. */
const readings = (store: GraphStore) => async () => {
  const snapshot = await store.snapshot();
  return {
    versions: await store.versions('vocab'),
    snapshot,
    metric: await store.getResource(snapshot, `${dqv}Metric`),
    search: await store.search(snapshot, 'quality'),
    active: await exportAll(store, 'vocab'),
    first: await exportAll(store, 'vocab', { version: 1 }),
  };
};

describe('a read-only SQLite store', () => {
  it('reads what a writable one reads', async () => {
    const path = await preparedStore('reads');
    const writable = await withStore(path, {}, (store) => readings(store)());
    const readOnly = await withStore(path, { readOnly: true }, (store) => {
      expect(store.description).toBe(`sqlite:${path} (read-only)`);
      return readings(store)();
    });
    expect(readOnly).toEqual(writable);
    expect(readOnly.versions.map((v) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
    expect(readOnly.active).toHaveLength(statsOf(dqvDoc.elements).triples);
    expect(readOnly.metric?.out.length).toBeGreaterThan(0);
    expect(readOnly.search.length).toBeGreaterThan(0);
  });

  it('refuses every write with FORBIDDEN naming the file, and changes nothing', async () => {
    const path = await preparedStore('writes');
    const before = digest(path);
    const refused = expect.objectContaining({ code: 'FORBIDDEN', message: `the store ${path} is read-only (this process may not write the file or its folder): nothing was changed` });
    await withStore(path, { readOnly: true }, async (store) => {
      await expect(store.beginVersion('vocab', metaOf(dqvPath))).rejects.toEqual(refused as OntomeshError);
      await expect(store.beginVersion('other', metaOf(dqvPath))).rejects.toEqual(refused as OntomeshError);
      await expect(store.activate('vocab', 1)).rejects.toEqual(refused as OntomeshError);
      expect((await store.versions('vocab')).map((v) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
      expect(await store.graphIds()).toEqual(['vocab']);
      expect(await store.ready()).toBe(true);
    });
    expect(digest(path)).toBe(before);
    // Opened writable again, the same store takes the write that was refused.
    await withStore(path, {}, async (store) => {
      await store.activate('vocab', 1);
      expect((await store.versions('vocab')).find((v) => v.active)?.version).toBe(1);
    });
  });

  it('is refused at open when the file holds no store of the current layout, or is missing', async () => {
    const empty = join(folder, 'empty.db');
    writeFileSync(empty, '');
    const older = await preparedStore('older');
    const db = new DatabaseSync(older);
    db.exec('PRAGMA user_version = 1');
    db.close();
    for (const path of [empty, older]) {
      await expect(openSqliteStore(path, { readOnly: true })).rejects.toEqual(expect.objectContaining({
        code: 'STORE_UNAVAILABLE',
        message: `${path} is read-only and holds no ontomesh store of layout 2: open it once with write access to create or upgrade it`,
      }) as OntomeshError);
    }
    expect(readFileSync(empty)).toHaveLength(0);
    const missing = join(folder, 'missing', 'store.db');
    await expect(openSqliteStore(missing, { readOnly: true })).rejects.toEqual(expect.objectContaining({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining(`cannot open SQLite store ${missing}`),
    }) as OntomeshError);
    expect(existsSync(join(folder, 'missing'))).toBe(false);
  });
});
