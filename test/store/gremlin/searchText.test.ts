import { describe, expect, it } from 'vitest';
import type { PropertyElement } from '../../../src/graph/elements.ts';
import { filterTokens, queryWords, scoreLiteral, searchTextOf } from '../../../src/store/gremlin/searchText.ts';

const label = 'http://www.w3.org/2000/01/rdf-schema#label';
const comment = 'http://www.w3.org/2000/01/rdf-schema#comment';
const literal = (predicate: string, lexical: string): PropertyElement => ({ kind: 'property', subject: 'http://x', predicate, inferred: false, doc: 0, value: { lexical, datatype: 'http://www.w3.org/2001/XMLSchema#string' } });

describe('search text', () => {
  it('folds case and diacritics and treats the last word as a prefix', () => {
    const words = queryWords('Crème piz');
    expect(words).toEqual(['creme', 'piz']);
    expect(scoreLiteral('Crème piz', words, literal(label, 'Pizza Crème Fraîche'))?.highlight).toBe('<b>Pizza</b> <b>Crème</b> Fraîche');
    expect(scoreLiteral('cre pizza', queryWords('cre pizza'), literal(label, 'Pizza Crème'))).toBeUndefined();
  });

  it('ranks exact label matches first and labels above other text', () => {
    const words = queryWords('margherita');
    const exact = scoreLiteral('Margherita', words, literal(label, 'Margherita'))!;
    const inLabel = scoreLiteral('Margherita', words, literal(label, 'Pizza Margherita'))!;
    const inComment = scoreLiteral('Margherita', words, literal(comment, 'Pizza Margherita'))!;
    expect(exact.score).toBeGreaterThan(inLabel.score);
    expect(inLabel.score).toBeGreaterThan(inComment.score);
  });

  it('escapes markup in highlights and indexes only text predicates', () => {
    expect(scoreLiteral('a', ['a'], literal(label, '<a> & b'))?.highlight).toBe('&#60;<b>a</b>&#62; &#38; b');
    expect(searchTextOf(literal('http://example.org/code', 'X1'))).toBeUndefined();
    expect(searchTextOf(literal(label, ' Äpfel  Birnen '))).toBe('apfel birnen');
    expect(filterTokens(['a', 'abc', 'ab', 'abc'])).toEqual(['abc', 'ab', 'a']);
  });
});
