import { describe, expect, it } from 'vitest';
import { foldText, highlightClose, highlightMarkup, highlightOpen, highlightWords } from '../../src/graph/textIndex.ts';

describe('the search text contract', () => {
  it('folds case, accents and spacing for exact matches', () => {
    expect(foldText('  Christophe   Guéret ')).toBe('christophe gueret');
    expect(foldText('ＰＩＺＺＡ')).toBe('pizza');
  });

  it('escapes HTML and turns the highlight marks into <b>', () => {
    expect(highlightMarkup(`see <a href="x">${highlightOpen}Apartment${highlightClose}</a> & 'more'`))
      .toBe('see &#60;a href=&#34;x&#34;&#62;<b>Apartment</b>&#60;/a&#62; &#38; &#39;more&#39;');
  });

  it('marks the words a query matches, the last one as a prefix, accents and case folded', () => {
    expect(highlightWords('Pizza Crème Fraîche <b>', ['creme', 'fr'])).toBe('Pizza <b>Crème</b> <b>Fraîche</b> &#60;b&#62;');
    expect(highlightWords('Order line', ['order'])).toBe('<b>Order</b> line');
    expect(highlightWords('Orders', ['order', 'x'])).toBe('Orders');
  });
});
