/**
 * Write planning on real data (pizza.owl): every fact of a batch lands in exactly one request, a new
 * vertex carries its batch's literals, and every rendered request stays within the limits Cosmos DB
 * sets (400 steps, 64 KB of script) and the binding and byte budgets, in both dialects.
 */
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphElement, PropertyElement } from '../../../src/graph/elements.ts';
import { defaultLimits, type StoreLimits } from '../../../src/store/gremlin/context.ts';
import { cosmosDialect, tinkerpopDialect, type Dialect } from '../../../src/store/gremlin/dialect.ts';
import { decodeEdgeKey, decodeLiterals, encodeLiteral } from '../../../src/store/gremlin/factCodec.ts';
import { IdScheme } from '../../../src/store/gremlin/ids.ts';
import { planWrites, VertexKeys, type WritePlan } from '../../../src/store/gremlin/writePlan.ts';
import { WriteScripts } from '../../../src/store/gremlin/writeScripts.ts';
import { pizzaPath, readRdfXml } from '../../graph/fixtureQuads.ts';
import { elementBatches } from './loadGraph.ts';

const ids = new IdScheme('t');
const keys = new VertexKeys(ids, ids.versionScope('pizza', 1, 16));
let quads: Quad[];
beforeAll(async () => {
  quads = await readRdfXml(pizzaPath);
});

/** Every request of a plan, rendered. */
function render(plan: WritePlan, dialect: Dialect) {
  const scripts = new WriteScripts(dialect, 'pk', ids);
  return [...plan.vertices.map((r) => scripts.addVertices(r)), ...plan.appends.map((r) => scripts.appendLiterals(r)), ...plan.edges.map((r) => scripts.addEdges(r))];
}

/** Steps the way Cosmos counts them: every step call, nested ones included. */
const steps = (text: string) => text.match(/[A-Za-z_]\w*\(/g)?.length ?? 0;

/** The facts a plan writes, as comparable strings. */
function plannedFacts(plan: WritePlan): string[] {
  const literal = (node: string, value: string) => decodeLiterals(node, value).map((f) => `${node} ${encodeLiteral(f)}`);
  return [
    ...plan.vertices.flat().flatMap((v) => (v.literal ? literal(v.node, v.literal.value) : [])),
    ...plan.appends.flat().flatMap((a) => literal(ids.nodeOf(a.vertex.id)!, a.literal.value)),
    ...plan.edges.flat().flatMap((g) => g.edges.map((e) => JSON.stringify(decodeEdgeKey(ids.edgeKeyOf(e.id)!)))),
  ].sort();
}

const batchFacts = (batch: readonly GraphElement[]) => [...new Set(batch.flatMap((e) => {
  if (e.kind === 'vertex') return [];
  if (e.kind === 'property') return [`${e.subject} ${encodeLiteral(e)}`];
  const { kind, subject, predicate, object, inferred, doc, graph } = e;
  return [JSON.stringify(graph === undefined ? { kind, subject, predicate, object, inferred, doc } : { kind, subject, predicate, object, graph, inferred, doc })];
}))].sort();

describe('write plans', () => {
  it('writes every fact of a batch once, new vertices with the literals of their batch', () => {
    const batches = elementBatches('pizza', quads, 400);
    let merged = 0;
    let appended = 0;
    for (const batch of batches) {
      const plan = planWrites([...batch, ...batch], keys, defaultLimits); // duplicates are dropped
      expect(plannedFacts(plan)).toEqual(batchFacts(batch));
      expect(plan.vertices.flat().map((v) => v.node)).toEqual(batch.filter((e) => e.kind === 'vertex').map((e) => e.id));
      merged += plan.vertices.flat().reduce((n, v) => n + (v.literal?.count ?? 0), 0);
      appended += plan.appends.flat().reduce((n, a) => n + a.literal.count, 0);
    }
    expect(merged).toBeGreaterThan(appended);
  });

  it('keeps every request within Cosmos DB limits and the binding budget, in both dialects, also with tight limits', () => {
    const batch = elementBatches('pizza', quads, quads.length)[0]!;
    const tight: StoreLimits = { ...defaultLimits, maxSteps: 60, maxBindings: 40, maxBatchElements: 25 };
    for (const limits of [defaultLimits, tight]) {
      const plan = planWrites(batch, keys, limits);
      expect(plannedFacts(plan)).toEqual(batchFacts(batch));
      for (const dialect of [cosmosDialect, tinkerpopDialect('gremlin-lang')]) {
        for (const script of render(plan, dialect)) {
          expect(steps(script.text)).toBeLessThanOrEqual(limits.maxSteps);
          expect(Object.keys(script.bindings).length).toBeLessThanOrEqual(limits.maxBindings);
          expect(script.text.length).toBeLessThan(64 * 1024);
          expect(script.bytes).toBeLessThanOrEqual(limits.maxRequestBytes);
        }
      }
    }
    // A source with more edges than one request holds goes on in the next request.
    const sources = planWrites(batch, keys, tight).edges.flat().map((g) => g.source.id);
    expect(new Set(sources).size).toBeLessThan(sources.length);
  });

  it('writes a vertex with many large literals in values of at most 64 KB, the first with the vertex', () => {
    const node = 'http://example.org/big';
    const big = (i: number): PropertyElement => ({ kind: 'property', subject: node, predicate: 'http://www.w3.org/2000/01/rdf-schema#comment', inferred: false, doc: 0, value: { lexical: `${i} ${'x'.repeat(30_000)}`, datatype: 'http://www.w3.org/2001/XMLSchema#string' } });
    const plan = planWrites([{ kind: 'vertex', id: node, blank: false }, big(1), big(2), big(3), big(4), big(5)], keys, defaultLimits);
    const vertex = plan.vertices.flat()[0]!;
    expect(vertex.literal?.count).toBe(2);
    expect(plan.appends.flat().map((a) => a.literal.count)).toEqual([2, 1]);
    expect(plan.appends.flat().every((a) => a.vertex.id === vertex.id && Buffer.byteLength(a.literal.value) <= 64 * 1024)).toBe(true);
  });

  it('refuses a literal over the store limit, naming its subject', () => {
    const fact: PropertyElement = { kind: 'property', subject: 'http://example.org/s', predicate: 'http://p', inferred: false, doc: 0, value: { lexical: 'x'.repeat(2000), datatype: 'http://www.w3.org/2001/XMLSchema#string' } };
    expect(() => planWrites([fact], keys, { ...defaultLimits, maxValueBytes: 1000 })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', location: { term: 'http://example.org/s' } }));
  });
});
