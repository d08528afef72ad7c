/**
 * Building a large read model lets the event loop have turns: a serving worker keeps answering
 * /healthz and other requests while it builds (asserted by order of events, not by time).
 */
import { describe, expect, it } from 'vitest';
import type { FactElement } from '../../../src/graph/elements.ts';
import { buildReadModel } from '../../../src/api/readModel/buildReadModel.ts';
import { FactIndex } from '../../../src/api/readModel/FactIndex.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL_CLASS = 'http://www.w3.org/2002/07/owl#Class';
const SUB_CLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';

/** A class tree of `count` labelled classes, as a store's scan gives its facts. */
function classTree(count: number): FactIndex {
  const facts: FactElement[] = [];
  const iri = (i: number) => `https://example.org/tree#C${i}`;
  for (let i = 0; i < count; i++) {
    facts.push({ kind: 'edge', subject: iri(i), predicate: RDF_TYPE, object: OWL_CLASS, inferred: false, doc: 0 });
    if (i > 0) facts.push({ kind: 'edge', subject: iri(i), predicate: SUB_CLASS_OF, object: iri((i - 1) >> 1), inferred: false, doc: 0 });
    facts.push({ kind: 'property', subject: iri(i), predicate: LABEL, value: { lexical: `class number ${i}`, datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'en' }, inferred: false, doc: 0 });
  }
  const index = new FactIndex();
  index.add(facts);
  return index;
}

describe('buildReadModel', () => {
  it('gives the event loop turns while it builds a large model, and builds it whole', async () => {
    const count = 100_000;
    const facts = classTree(count);
    // Counts the turns the event loop gets before the model is built (none when the build never yields).
    let built = false;
    let turns = 0;
    const turn = () => {
      if (built) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const model = await buildReadModel({ versions: [{ graphId: 'tree', version: 1 }] }, facts);
    built = true;
    expect(turns).toBeGreaterThan(0);
    expect(model.counts.concepts).toBe(count);
    expect(model.conceptsUnder('https://example.org/tree#C0', true).map((concept) => concept.iri)).toHaveLength(count);
    expect(model.text.size).toBeGreaterThanOrEqual(count);
  });
});
