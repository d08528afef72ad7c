import { describe, expect, it } from 'vitest';
import type { EdgeElement, PropertyElement } from '../../../src/graph/elements.ts';
import { decodeEdge, decodeEdgeKey, decodeLiteral, decodeLiterals, edgeKey, encodeEdge, encodeLiteral, encodeLiterals } from '../../../src/store/gremlin/factCodec.ts';

describe('fact encoding', () => {
  it('keeps every part of a literal fact: lexical form, datatype, language, direction, graph, document, inferred', () => {
    const facts: PropertyElement[] = [
      { kind: 'property', subject: 's', predicate: 'http://p', inferred: false, doc: 0, value: { lexical: 'x', datatype: 'http://www.w3.org/2001/XMLSchema#string' } },
      { kind: 'property', subject: 's', predicate: 'http://p', inferred: true, doc: -1, graph: 'http://g', value: { lexical: '\u05e9\u05dc\u05d5\u05dd "q"\n', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString', language: 'he', direction: 'rtl' } },
    ];
    for (const fact of facts) expect(decodeLiteral('s', encodeLiteral(fact))).toEqual(fact);
    // The literals of one write share one value; one literal alone is encoded as above.
    expect(decodeLiterals('s', encodeLiterals(facts))).toEqual(facts);
    expect(encodeLiterals([facts[1]!])).toBe(encodeLiteral(facts[1]!));
    expect(decodeLiterals('s', encodeLiteral(facts[1]!))).toEqual([facts[1]]);
  });

  it('keeps every part of an edge fact and encodes equal facts equally', () => {
    const edge: EdgeElement = { kind: 'edge', subject: 'http://s', predicate: 'http://p', object: 'urn:x-skolem:g/0/b1', graph: 'http://g', inferred: false, doc: 3 };
    expect(decodeEdge(encodeEdge(edge))).toEqual(edge);
    expect(encodeEdge({ ...edge })).toBe(encodeEdge(edge));
    expect(encodeEdge({ ...edge, graph: undefined })).not.toBe(encodeEdge(edge));
  });

  it('writes an edge fact as an id part (no character Cosmos forbids in ids) and reads it back', () => {
    const edges: EdgeElement[] = [
      { kind: 'edge', subject: 'http://s/a?b#c', predicate: 'http://p|q', object: 'urn:x-skolem:g/0/b1', graph: 'http://g/ü', inferred: true, doc: -1 },
      { kind: 'edge', subject: 'file:///C:\\x~y', predicate: 'http://p', object: 'http://o', inferred: false, doc: 12 },
    ];
    for (const edge of edges) {
      const key = edgeKey(edge);
      expect(key).not.toMatch(/[/\\?#~]/);
      expect(decodeEdgeKey(key)).toEqual(edge);
    }
    expect(edgeKey(edges[1]!)).not.toBe(edgeKey({ ...edges[1]!, doc: 13 }));
  });
});
