import { describe, expect, it } from 'vitest';
import { foldText, ftsQuery, highlightClose, highlightMarkup, highlightOpen } from '../../../src/store/sqlite/searchText.ts';

describe('search text', () => {
  it('folds case, accents and spacing for exact matches', () => {
    expect(foldText('  Christophe   Guéret ')).toBe('christophe gueret');
    expect(foldText('ＰＩＺＺＡ')).toBe('pizza');
  });

  it('makes every word a phrase and the last one a prefix', () => {
    expect(ftsQuery('Quality measure')).toBe('"quality" "measure"*');
    expect(ftsQuery('self-contained "housing"')).toBe('"self" "contained" "housing"*');
    expect(ftsQuery('NOT OR AND')).toBe('"not" "or" "and"*');
    expect(ftsQuery(' ?! ')).toBeUndefined();
  });

  it('escapes HTML and turns the FTS5 marks into <b>', () => {
    expect(highlightMarkup(`see <a href="x">${highlightOpen}Apartment${highlightClose}</a> & 'more'`))
      .toBe('see &#60;a href=&#34;x&#34;&#62;<b>Apartment</b>&#60;/a&#62; &#38; &#39;more&#39;');
  });
});
