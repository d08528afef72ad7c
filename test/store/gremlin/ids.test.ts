import { describe, expect, it } from 'vitest';
import { decodeIdPart, encodeIdPart, IdScheme } from '../../../src/store/gremlin/ids.ts';

describe('Cosmos-safe ids', () => {
  const iris = [
    'http://www.w3.org/2002/07/owl#Thing',
    'https://example.org/a?b=c#d',
    'urn:x-skolem:pizza/0/b12',
    'file:///C:\\data\\100%.ttl',
    'http://example.org/ünïcødé/名前|@:',
    'tab\there\u0000nul',
  ];

  it('escapes the characters Cosmos forbids (/ \\ ? #) and the separators, reversibly', () => {
    for (const iri of iris) {
      const encoded = encodeIdPart(iri);
      expect(encoded).not.toMatch(/[/\\?#|@:~\u0000-\u001f]/);
      expect(decodeIdPart(encoded)).toBe(iri);
    }
  });

  it('keeps vertex ids under 1023 bytes and partition keys under 101 bytes, whatever the input', () => {
    const ids = new IdScheme('t1');
    const longGraph = `http://example.org/${'g'.repeat(300)}`;
    const scope = ids.versionScope(longGraph, 12, 16);
    const longIri = `http://example.org/${'é'.repeat(2000)}`;
    const vertexId = ids.vertexId(scope, longIri);
    expect(Buffer.byteLength(vertexId)).toBeLessThanOrEqual(1023);
    expect(vertexId).toBe(ids.vertexId(scope, longIri));
    expect(vertexId).not.toBe(ids.vertexId(scope, `${longIri}x`));
    expect(Buffer.byteLength(ids.partitionOf(scope, longIri))).toBeLessThanOrEqual(101);
    expect(ids.partitions(scope)).toContain(ids.partitionOf(scope, longIri));
    expect(Buffer.byteLength(ids.versionId(longGraph, 12))).toBeLessThanOrEqual(1023);
  });

  it('vertex and edge ids hold the IRI and the fact, unless too long for an id (then a digest)', () => {
    const ids = new IdScheme('t1');
    const scope = ids.versionScope('g', 3, 16);
    for (const iri of iris) expect(ids.nodeOf(ids.vertexId(scope, iri))).toBe(iri);
    expect(ids.nodeOf(ids.vertexId(scope, `http://example.org/${'x'.repeat(1200)}`))).toBeUndefined();
    expect(ids.edgeKeyOf(ids.edgeId(scope, 'a|b|c||0|0'))).toBe('a|b|c||0|0');
    const long = ids.edgeId(scope, `${'k'.repeat(1200)}|b|c||0|0`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(1023);
    expect(ids.edgeKeyOf(long)).toBeUndefined();
  });

  it('never lets two graphs, versions or namespaces share an id', () => {
    const a = new IdScheme('a');
    const none = new IdScheme('');
    const node = 'http://example.org/x';
    const scopes = [a.versionScope('g', 1, 4), a.versionScope('g', 2, 4), a.versionScope('g@1', 2, 4), a.versionScope('h', 1, 4)];
    const vertexIds = new Set(scopes.map((scope) => a.vertexId(scope, node)));
    vertexIds.add(none.vertexId(none.versionScope('a:g', 1, 4), node));
    expect(vertexIds.size).toBe(5);
    expect(a.metaPartition).not.toBe(none.metaPartition);
  });

  it('refuses namespaces that could break ids', () => {
    expect(() => new IdScheme('a/b')).toThrow(/namespace/);
    expect(() => new IdScheme('x'.repeat(17))).toThrow(/namespace/);
  });
});
