/**
 * What the contract cannot see from the port: the file layout (a version is a set of tables, gone when
 * pruned or aborted), other processes on the same file (crashed writers, a reader beside a load), and
 * SQLite-specific refusals. The port's behaviour itself is in test/contract.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { OntomeshError } from '../../../src/errors/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { dqv, dqvPath, mapTurtle, metaOf, provInversesPath, schemaOrgPath, statsOf, writeVersion } from '../../contract/contractData.ts';

const folder = mkdtempSync(join(tmpdir(), 'ontomesh-sqlite-'));
let files = 0;
const newPath = () => join(folder, `store-${++files}.db`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const opened: GraphStore[] = [];
async function open(path: string, options?: { keepVersions?: number; lockTimeoutMs?: number }): Promise<GraphStore> {
  const store = await openSqliteStore(path, options);
  opened.push(store);
  return store;
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** The version tables present in the file, by version key. */
function versionTableKeys(path: string): number[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'v[0-9]*_term'`).all();
    return names.map((r) => Number(/^v(\d+)_/.exec(r.name as string)![1])).sort((a, b) => a - b);
  } finally {
    db.close();
  }
}

/** Starts otherProcess.ts and hands out its report lines as they come. */
function otherProcess(action: string, path: string) {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'otherProcess.ts'), action, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    next: async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>,
    exited,
  };
}

const dqvDoc = mapTurtle('vocab', dqvPath);
const provDoc = mapTurtle('vocab', provInversesPath);

describe('SqliteGraphStore files', () => {
  it('keeps one set of tables per kept version and drops pruned and aborted ones', async () => {
    const path = newPath();
    const store = await open(path, { keepVersions: 2 });
    for (let i = 0; i < 3; i++) await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    expect(versionTableKeys(path)).toEqual([2, 3]);
    const writer = await store.beginVersion('vocab', metaOf(provInversesPath));
    await writer.write(provDoc.elements);
    expect(versionTableKeys(path)).toEqual([2, 3, 4]);
    await writer.abort();
    expect(versionTableKeys(path)).toEqual([2, 3]);
  });

  it('reads a store of layout 1, whose versions kept the closure in the edge tables', async () => {
    const path = newPath();
    const store = await open(path);
    await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    await store.close();
    // What layout 1 wrote: no closure tables, an inferred edge in both edge tables.
    const db = new DatabaseSync(path);
    const id = (iri: string) => db.prepare('SELECT id FROM v1_term WHERE iri = ?').get(iri)!.id as number;
    const [s, p, o] = [id(`${dqv}Metric`), id('http://www.w3.org/2000/01/rdf-schema#subClassOf'), id(`${dqv}Dimension`)];
    db.exec('DROP TABLE v1_closure_out; DROP TABLE v1_closure_in; PRAGMA user_version = 1');
    db.prepare('INSERT INTO v1_out (s, p, o, g, inferred, doc) VALUES (?, ?, ?, 0, 1, -1)').run(s, p, o);
    db.prepare('INSERT INTO v1_in (o, p, s, g, inferred, doc) VALUES (?, ?, ?, 0, 1, -1)').run(o, p, s);
    db.close();

    const reopened = await open(path);
    const snapshot = await reopened.snapshot();
    const metric = await reopened.getResource(snapshot, `${dqv}Metric`);
    expect(metric?.out.filter((e) => e.inferred).map((e) => e.object)).toEqual([`${dqv}Dimension`]);
    const above = await reopened.neighbours(snapshot, [`${dqv}Dimension`], { predicate: 'http://www.w3.org/2000/01/rdf-schema#subClassOf', direction: 'in', includeInferred: true });
    expect(above.get(`${dqv}Dimension`)).toContain(`${dqv}Metric`);
    const raw = new DatabaseSync(path, { readOnly: true });
    expect(raw.prepare('PRAGMA user_version').get()!.user_version).toBe(2);
    raw.close();
  });

  it('collects a version whose writer process died, on the next open', async () => {
    const path = newPath();
    await writeVersion(await open(path), 'vocab', provDoc.elements, metaOf(provInversesPath));
    const crashing = otherProcess('crash', path);
    expect(await crashing.next()).toEqual({ step: 'written', version: 2 });
    expect(await crashing.exited).toBe(1);

    const store = await open(path);
    expect(versionTableKeys(path)).toEqual([1]);
    expect((await store.versions('vocab')).map((v) => v.version)).toEqual([1]);
    const info = await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    expect(info.version).toBe(3);
  });

  it('lets another process read while a load writes, and makes its writes wait for the load', async () => {
    const path = newPath();
    const store = await open(path);
    await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    const writer = await store.beginVersion('vocab', metaOf(provInversesPath));
    await writer.write(provDoc.elements); // the write transaction stays open between batches

    const reader = otherProcess('read-then-activate', path);
    expect(await reader.next()).toEqual({ step: 'read', versions: [{ graphId: 'vocab', version: 1 }], found: true });
    await writer.commit(statsOf(provDoc.elements));
    expect(await reader.next()).toEqual({ step: 'activated' });
    expect(await reader.exited).toBe(0);
    // The rollback came after the commit, so it won.
    expect((await store.versions('vocab')).map((v) => [v.version, v.active])).toEqual([[2, false], [1, true]]);
  });

  it('gives up waiting for a write lock held too long with STORE_UNAVAILABLE, changing nothing, and writes once it is free', async () => {
    const path = newPath();
    const store = await open(path, { lockTimeoutMs: 300 });
    await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      for (const write of [() => store.beginVersion('vocab', metaOf(provInversesPath)), () => store.activate('vocab', 1)]) {
        await expect(write()).rejects.toMatchObject({
          code: 'STORE_UNAVAILABLE',
          message: `${path} stayed locked by another process's write (a load, activate or mesh register) for more than 0.3 s: nothing was changed; retry once that write is done`,
        });
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.versions('vocab')).map((v) => [v.version, v.active])).toEqual([[1, true]]);
    expect((await writeVersion(store, 'vocab', provDoc.elements, metaOf(provInversesPath))).version).toBe(2);
  });

  it('waits to open a new store file while another connection holds it locked, as a second load into a store being created must', async () => {
    const path = newPath();
    // The first opener of a new file holds it locked while it sets WAL and creates the catalog.
    const other = new DatabaseSync(path);
    other.exec('BEGIN EXCLUSIVE; CREATE TABLE creating (x)');
    const release = setTimeout(() => {
      other.exec('ROLLBACK');
      other.close();
    }, 200);
    try {
      const store = await open(path, { lockTimeoutMs: 10_000 });
      expect((await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath))).version).toBe(1);
    } finally {
      clearTimeout(release);
      if (other.isOpen) other.close();
    }
  });

  it('answers NOT_FOUND for a snapshot whose version another store pruned meanwhile', async () => {
    const path = newPath();
    const reading = await open(path);
    await writeVersion(reading, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    const snapshot = await reading.snapshot();
    const writing = await open(path, { keepVersions: 1 });
    await writeVersion(writing, 'vocab', provDoc.elements, metaOf(provInversesPath));
    await expect(reading.getResource(snapshot, `${dqv}QualityMeasurement`)).rejects.toEqual(expect.objectContaining({ code: 'NOT_FOUND' }) as OntomeshError);
  });

  it('shares one snapshot within an event-loop turn, and sees a new version in the next turn or at once after its own publish', async () => {
    const path = newPath();
    const reading = await open(path);
    await writeVersion(reading, 'vocab', dqvDoc.elements, metaOf(dqvPath));
    const first = await reading.snapshot();
    expect(await reading.snapshot()).toBe(first);
    const writing = await open(path);
    await writeVersion(writing, 'vocab', provDoc.elements, metaOf(provInversesPath));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await reading.snapshot()).versions).toEqual([{ graphId: 'vocab', version: 2 }]);
    const own = await reading.snapshot();
    await writeVersion(reading, 'other', dqvDoc.elements, metaOf(dqvPath));
    const after = await reading.snapshot();
    expect(after).not.toBe(own);
    expect(after.versions.map((v) => v.graphId)).toEqual(['other', 'vocab']);
    await reading.activate('vocab', 1);
    expect((await reading.snapshot()).versions).toEqual([{ graphId: 'other', version: 1 }, { graphId: 'vocab', version: 1 }]);
  });

  it('lets the event loop run between the pages of a scan and of an export, so a server reading a large version still answers', async () => {
    const store = await open(newPath());
    const schema = mapTurtle('schema', schemaOrgPath);
    await writeVersion(store, 'schema', schema.elements, metaOf(schemaOrgPath), 5_000);
    const snapshot = await store.snapshot();
    const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    const label = 'http://www.w3.org/2000/01/rdf-schema#label';
    for (const pages of [store.scanFacts(snapshot, { predicates: [rdfType, label] }), store.exportFacts('schema')]) {
      // How many event-loop turns have passed when each page arrives.
      let turns = 0;
      let counting = true;
      const count = () => {
        turns++;
        if (counting) setImmediate(count);
      };
      setImmediate(count);
      const turnAtPage: number[] = [];
      let facts = 0;
      for await (const page of pages) {
        turnAtPage.push(turns);
        facts += page.length;
      }
      counting = false;
      expect(facts).toBeGreaterThan(0);
      expect(turnAtPage.length).toBeGreaterThan(1);
      expect(turnAtPage.every((turn, i) => i === 0 || turn > turnAtPage[i - 1]!)).toBe(true);
    }
  });

  it('refuses a file written by a newer layout', async () => {
    const path = newPath();
    await (await open(path)).close();
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    await expect(openSqliteStore(path)).rejects.toEqual(expect.objectContaining({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('newer ontomesh') }) as OntomeshError);
  });

  it('is not ready once closed, and a writer cannot be used after commit', async () => {
    const store = await open(newPath());
    const writer = await store.beginVersion('vocab', metaOf(dqvPath));
    await writer.write(dqvDoc.elements);
    await writer.commit(statsOf(dqvDoc.elements));
    await expect(writer.write(dqvDoc.elements)).rejects.toEqual(expect.objectContaining({ code: 'INTERNAL' }) as OntomeshError);
    await writer.abort(); // after commit: nothing to discard
    expect((await store.versions('vocab')).map((v) => v.version)).toEqual([1]);
    await store.close();
    expect(await store.ready()).toBe(false);
  });
});
