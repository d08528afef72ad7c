import { describe, expect, it } from 'vitest';
import { foldText, highlightClose, highlightMarkup, highlightOpen } from '../../src/graph/textIndex.ts';

describe('the search text contract', () => {
  it('folds case, accents and spacing for exact matches', () => {
    expect(foldText('  Christophe   Guéret ')).toBe('christophe gueret');
    expect(foldText('ＰＩＺＺＡ')).toBe('pizza');
  });

  it('escapes HTML and turns the highlight marks into <b>', () => {
    expect(highlightMarkup(`see <a href="x">${highlightOpen}Apartment${highlightClose}</a> & 'more'`))
      .toBe('see &#60;a href=&#34;x&#34;&#62;<b>Apartment</b>&#60;/a&#62; &#38; &#39;more&#39;');
  });
});
