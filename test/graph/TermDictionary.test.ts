import { describe, expect, it } from 'vitest';
import { TermDictionary } from '../../src/graph/TermDictionary.ts';

describe('TermDictionary', () => {
  it('keeps every id when its lookup moves from the Map to the typed-array table (past 65,536 terms)', () => {
    const terms = new TermDictionary();
    const iri = (i: number) => `http://example.org/term/${i}`;
    for (let i = 0; i < 60_000; i++) expect(terms.id(iri(i))).toBe(i + 1);
    expect(terms.takeNew()).toMatchObject({ firstTerm: 1 });
    for (let i = 60_000; i < 150_000; i++) expect(terms.id(iri(i))).toBe(i + 1);
    // Every term again, newest first: the same ids, none new.
    for (let i = 149_999; i >= 0; i--) expect(terms.id(iri(i))).toBe(i + 1);
    expect(terms.size).toBe(150_001);
    expect(terms.term(65_537)).toBe(iri(65_536));
    const batch = terms.takeNew();
    expect(batch.firstTerm).toBe(60_001);
    expect(batch.terms).toHaveLength(90_000);
    expect(batch.terms[0]).toBe(iri(60_000));
  });
});
