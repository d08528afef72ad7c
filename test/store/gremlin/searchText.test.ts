import { describe, expect, it } from 'vitest';
import type { PropertyElement } from '../../../src/graph/elements.ts';
import { filterTokens, parseQuery, scoreLiteral, scoreSearchTexts, searchTextOf, searchTextsOf } from '../../../src/store/gremlin/searchText.ts';

const label = 'http://www.w3.org/2000/01/rdf-schema#label';
const comment = 'http://www.w3.org/2000/01/rdf-schema#comment';
const literal = (predicate: string, lexical: string): PropertyElement => ({ kind: 'property', subject: 'http://x', predicate, inferred: false, doc: 0, value: { lexical, datatype: 'http://www.w3.org/2001/XMLSchema#string' } });

describe('search text', () => {
  it('folds case and diacritics and treats the last word as a prefix', () => {
    const query = parseQuery('Crème piz');
    expect(query.words).toEqual(['creme', 'piz']);
    expect(scoreLiteral(query, literal(label, 'Pizza Crème Fraîche'))?.highlight).toBe('<b>Pizza</b> <b>Crème</b> Fraîche');
    expect(scoreLiteral(parseQuery('cre pizza'), literal(label, 'Pizza Crème'))).toBeUndefined();
  });

  it('ranks exact label matches first and labels above other text, the same on stored search texts', () => {
    const query = parseQuery('Margherita');
    const exact = scoreLiteral(query, literal(label, 'Margherita'))!;
    const inLabel = scoreLiteral(query, literal(label, 'Pizza Margherita'))!;
    const inComment = scoreLiteral(query, literal(comment, 'Pizza Margherita'))!;
    expect(exact.score).toBeGreaterThan(inLabel.score);
    expect(inLabel.score).toBeGreaterThan(inComment.score);
    const stored = [literal(comment, 'Pizza Margherita'), literal(label, 'Margherita')].map((fact) => searchTextOf(fact)!);
    expect(scoreSearchTexts(query, stored)).toBe(exact.score);
    expect(scoreSearchTexts(parseQuery('calzone'), stored)).toBeUndefined();
    // One stored value per write, its texts joined by newlines (folded text has none): the same scores.
    const joined = searchTextsOf([literal(comment, 'Pizza\nMargherita'), literal('http://example.org/code', 'X1'), literal(label, 'Margherita')])!;
    expect(joined).toBe('T|pizza margherita\nL|margherita');
    expect(scoreSearchTexts(query, [joined])).toBe(exact.score);
    expect(searchTextsOf([literal('http://example.org/code', 'X1')])).toBeUndefined();
  });

  it('escapes markup in highlights and indexes only text predicates', () => {
    expect(scoreLiteral(parseQuery('a'), literal(label, '<a> & b'))?.highlight).toBe('&#60;<b>a</b>&#62; &#38; b');
    expect(searchTextOf(literal('http://example.org/code', 'X1'))).toBeUndefined();
    expect(searchTextOf(literal(label, ' Äpfel  Birnen '))).toBe('L|apfel birnen');
    expect(searchTextOf(literal(comment, 'Text'))).toBe('T|text');
    expect(filterTokens(parseQuery('a abc ab abc'))).toEqual(['abc', 'ab', 'a']);
  });
});
