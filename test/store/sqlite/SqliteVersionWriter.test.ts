/**
 * The SQLite writer's row path as a load drives it (asserted batches, then the closure subject by
 * subject, listed in `closure_out` as it comes) and as others may (closure batches out of subject
 * order, duplicates, an asserted edge stated again as inferred): whatever the order, every edge is
 * stored exactly once, with its first occurrence's flags, and reads the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import type { FactElement } from '../../../src/graph/elements.ts';
import { edgeWidth, FactRowsToElements, type FactRows } from '../../../src/graph/FactRows.ts';
import type { GraphStore, VersionWriter } from '../../../src/graph/GraphStore.ts';
import { RdfToGraph } from '../../../src/graph/RdfToGraph.ts';
import { Entailment } from '../../../src/ontology/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { metaOf, statsOf } from '../../contract/contractData.ts';
import { pizzaPath, readRdfXml } from '../../graph/fixtureQuads.ts';

const folder = mkdtempSync(join(tmpdir(), 'ontomesh-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const { literal, namedNode, quad } = DataFactory;
const quads = await readRdfXml(pizzaPath);

/** pizza.owl as a load makes it: asserted batches of 500 quads, then the closure in batches of ~10 facts. */
function pizzaRows(): { mapper: RdfToGraph; asserted: FactRows[]; inferred: FactRows[] } {
  const mapper = new RdfToGraph('pizza');
  const entailment = new Entailment(mapper.terms);
  const asserted: FactRows[] = [];
  for (let i = 0; i < quads.length; i += 500) {
    const rows = mapper.mapRows(quads.slice(i, i + 500), 0, pizzaPath);
    for (let at = 0; at < rows.edges.length; at += edgeWidth) entailment.addEdgeIds(rows.edges[at]!, rows.edges[at + 1]!, rows.edges[at + 2]!);
    asserted.push(rows);
  }
  const inferred = [...entailment.inferredIds(10)].map((triples) => mapper.inferredRows(triples));
  expect(inferred.length).toBeGreaterThan(3);
  return { mapper, asserted, inferred };
}

/** Every fact of the active version, inferred ones included, as sorted lines. */
async function storedLines(store: GraphStore, graphId: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of store.exportFacts(graphId, { includeInferred: true })) lines.push(...batch.map(line));
  return lines.sort();
}

function line(fact: FactElement): string {
  const object = fact.kind === 'edge' ? fact.object : JSON.stringify(fact.value);
  return `${fact.subject} ${fact.predicate} ${object} ${fact.graph ?? ''} ${fact.inferred} ${fact.doc}`;
}

async function written(name: string, write: (writer: VersionWriter) => Promise<void>): Promise<{ store: GraphStore; lines: string[] }> {
  const store = await openSqliteStore(join(folder, `${name}.db`));
  const writer = await store.beginVersion('pizza', metaOf(pizzaPath));
  await write(writer);
  await writer.commit(statsOf([]));
  return { store, lines: await storedLines(store, 'pizza') };
}

describe('SqliteVersionWriter rows', () => {
  it('stores what a load hands it (the closure as lists, subject by subject) exactly like the elements', async () => {
    const { asserted, inferred } = pizzaRows();
    const viaRows = await written('rows', async (writer) => {
      for (const batch of asserted) await writer.writeRows!(batch);
      await writer.assertedWritten!();
      for (const batch of inferred) await writer.writeRows!(batch);
    });
    const db = new DatabaseSync(join(folder, 'rows.db'), { readOnly: true });
    const count = (sql: string) => db.prepare(sql).get()!.n as number;
    expect(count('SELECT count(*) AS n FROM v1_out WHERE inferred = 1') + count('SELECT count(*) AS n FROM v1_in WHERE inferred = 1')).toBe(0);
    expect(count('SELECT count(*) AS n FROM v1_closure_out')).toBeLessThan(count('SELECT sum(json_array_length(os)) AS n FROM v1_closure_out'));
    expect(count('SELECT sum(json_array_length(ss)) AS n FROM v1_closure_in')).toBe(count('SELECT sum(json_array_length(os)) AS n FROM v1_closure_out'));
    db.close();
    const toElements = new FactRowsToElements();
    const facts = [...asserted, ...inferred].flatMap((rows) => toElements.elements(rows)).filter((e): e is FactElement => e.kind !== 'vertex');
    // pizza.owl states some triples more than once: a version holds each once.
    expect(viaRows.lines).toEqual([...new Set(facts.map(line))].sort());
    expect(viaRows.lines.filter((l) => l.endsWith(' true -1')).length).toBe(inferred.reduce((n, rows) => n + rows.edges.length / edgeWidth, 0));
    const snapshot = await viaRows.store.snapshot();
    const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';
    const query = { predicate: 'http://www.w3.org/2000/01/rdf-schema#subClassOf', direction: 'in' } as const;
    const assertedBelow = (await viaRows.store.neighbours(snapshot, [`${pizza}Pizza`], query)).get(`${pizza}Pizza`)!;
    const below = (await viaRows.store.neighbours(snapshot, [`${pizza}Pizza`], { ...query, includeInferred: true })).get(`${pizza}Pizza`)!;
    expect(assertedBelow).toContain(`${pizza}NamedPizza`);
    // The intersections pizza.owl defines classes by (CheeseyPizza ≡ Pizza ⊓ ∃hasTopping.CheeseTopping, …) lie below Pizza by entailment.
    expect(below).toEqual(expect.arrayContaining(assertedBelow));
    expect(below.length).toBeGreaterThan(assertedBelow.length);
    await viaRows.store.close();
  });

  it('takes closure batches out of subject order and duplicates, keeping each edge once with its first flags', async () => {
    const { asserted, inferred } = pizzaRows();
    const inOrder = await written('ordered', async (writer) => {
      for (const batch of [...asserted, ...inferred]) await writer.writeRows!(batch);
    });
    // The same closure with its batches after the first reversed, then an asserted edge stated again as inferred.
    const [first, ...rest] = inferred;
    expect(rest.every((rows) => rows.terms.length === 0)).toBe(true);
    const again: FactRows = { ...rest[0]!, edges: asserted[0]!.edges.slice(0, edgeWidth) };
    again.edges[4] = 1;
    again.edges[5] = -1;
    const shuffled = await written('shuffled', async (writer) => {
      for (const batch of [...asserted, first!, ...[...rest].reverse(), again]) await writer.writeRows!(batch);
    });
    expect(shuffled.lines).toEqual(inOrder.lines);
    await inOrder.store.close();
    await shuffled.store.close();
  });

  it('indexes literals that come after the closure has started for search too', async () => {
    const { mapper, asserted, inferred } = pizzaRows();
    const store = await openSqliteStore(join(folder, 'late-literal.db'));
    const writer = await store.beginVersion('pizza', metaOf(pizzaPath));
    for (const batch of [...asserted, inferred[0]!]) await writer.writeRows!(batch);
    const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';
    const late = mapper.mapRows([quad(namedNode(`${pizza}American`), namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal('Zzyzx pie', 'en'))], 0, pizzaPath);
    await writer.writeRows!(late);
    await writer.commit(statsOf([]));
    const hits = await store.search(await store.snapshot(), 'zzyzx');
    expect(hits.map((hit) => hit.id)).toEqual([`${pizza}American`]);
    await store.close();
  });

  it('is given rows or elements, not both', async () => {
    const store = await openSqliteStore(join(folder, 'both.db'));
    const writer = await store.beginVersion('pizza', metaOf(pizzaPath));
    const mapper = new RdfToGraph('pizza');
    await writer.writeRows!(mapper.mapRows(quads.slice(0, 10), 0, pizzaPath));
    await expect(writer.write(new RdfToGraph('pizza').map(quads.slice(10, 20), 0, pizzaPath))).rejects.toMatchObject({ code: 'INTERNAL' });
    await writer.abort();
    await store.close();
  });
});
