import { describe, expect, it } from 'vitest';
import { appendToBase, plainLiteral, RDF_LANG_STRING, resolveIri, XSD_STRING } from '../../../src/rdf/owl/readerTerms.ts';

describe('plainLiteral', () => {
  it('splits text@language at the last @, keeping any @ in the text', () => {
    expect(plainLiteral('a@b.org@en-GB')).toEqual({ type: 'literal', value: 'a@b.org', datatype: RDF_LANG_STRING, language: 'en-GB' });
  });

  it('is xsd:string when the language is empty', () => {
    expect(plainLiteral('Margherita@')).toEqual({ type: 'literal', value: 'Margherita', datatype: XSD_STRING });
  });

  it('takes a form without any @ as the text itself (not as a language)', () => {
    expect(plainLiteral('Margherita')).toEqual({ type: 'literal', value: 'Margherita', datatype: XSD_STRING });
  });
});

describe('resolveIri', () => {
  it('resolves a fragment against the base as RDF/XML does, without percent-encoding non-ASCII letters', () => {
    expect(resolveIri('#Café', 'http://example.org/pizza.owl')).toBe('http://example.org/pizza.owl#Café');
    expect(new URL('#Café', 'http://example.org/pizza.owl').href).not.toBe('http://example.org/pizza.owl#Café');
  });

  it('leaves an absolute IRI as written', () => {
    expect(resolveIri('HTTP://Example.org/a/../b', 'http://example.org/')).toBe('HTTP://Example.org/a/../b');
  });
});

describe('appendToBase', () => {
  it('appends a relative IRI to the base as the OWL API reads OWL/XML, where RFC 3986 resolution gives another IRI', () => {
    expect(appendToBase('serialisation-html', 'https://w3id.org/dpv/owl#')).toBe('https://w3id.org/dpv/owl#serialisation-html');
    expect(resolveIri('serialisation-html', 'https://w3id.org/dpv/owl#')).toBe('https://w3id.org/dpv/serialisation-html');
    expect(appendToBase('/examples', 'https://w3id.org/dpv')).toBe('https://w3id.org/dpv/examples');
    expect(appendToBase('#America', 'http://example.org/pizza.owl')).toBe(resolveIri('#America', 'http://example.org/pizza.owl'));
  });

  it('leaves an absolute IRI as written', () => {
    expect(appendToBase('urn:x:y', 'https://w3id.org/dpv/owl#')).toBe('urn:x:y');
  });
});
