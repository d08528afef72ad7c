import { describe, expect, it } from 'vitest';
import { checkGraphId, graphIdFromIri, graphIdFromPath } from '../../src/load/graphId.ts';

describe('graphIdFromIri', () => {
  it.each([
    ['http://purl.obolibrary.org/obo/ro.owl', 'ro'],
    ['https://spec.industrialontologies.org/ontology/core/Core/', 'Core'],
    ['http://www.w3.org/ns/dcat', 'dcat'],
    ['http://www.w3.org/ns/prov#', 'prov'],
    ['https://w3id.org/ontomesh/demo/customer#', 'customer'],
    ['urn:example:mesh', 'mesh'],
  ])('names %s after its last segment: %s', (iri, id) => {
    expect(graphIdFromIri(iri)).toBe(id);
  });

  it.each([
    ['http://example.org/a.b.c/1.0.0', 'a.b.c'],
    ['https://w3id.org/example/sales/v2/', 'sales'],
    ['http://purl.example.org/onto/2023-02-22/onto.owl', 'onto'],
    ['http://example.org/releases/20240101', 'releases'],
  ])('skips release numbers: %s is %s', (iri, id) => {
    expect(graphIdFromIri(iri)).toBe(id);
  });

  it('replaces characters outside the id alphabet and gives nothing for an IRI with no usable segment', () => {
    expect(graphIdFromIri('http://example.org/my%20onto')).toBe('my-20onto');
    expect(graphIdFromIri('http://example.org/---/')).toBeUndefined();
  });
});

describe('graphIdFromPath and checkGraphId', () => {
  it('names a file after its name without an RDF extension', () => {
    expect(graphIdFromPath('ontology/pizza.owl')).toBe('pizza');
    expect(graphIdFromPath('mesh/sales/')).toBe('sales');
  });

  it('refuses ids outside the alphabet with BAD_REQUEST', () => {
    expect(checkGraphId('sales-2')).toBe('sales-2');
    expect(() => checkGraphId('../x')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
