/**
 * Where a saxes parser's current start tag begins. saxes reports a start tag only once it has read
 * the tag's name and the character after it (a space, `>`, `/` or a line break, after which it is
 * on the next line), so its position then is past the `<` by an amount it does not tell. It does
 * pass through one state right after each `<` of markup; noting its position there gives the `<`
 * exactly.
 */
import { SaxesParser } from 'saxes';
import type { OwlPosition } from './OwlSyntax.ts';

/** saxes' dispatch table of states, which its types keep private. */
interface SaxesStates {
  readonly stateTable: Array<(this: SaxesParser) => void>;
}

/**
 * Watches `sax` for the `<` of each tag.
 *
 * @returns the 1-based line and column of the last `<` read: inside an `opentag` or
 *   `opentagstart` handler, that of the tag reported.
 * @throws Error when saxes no longer has the state this watches (a saxes version this was not written for).
 * @example const tagStart = trackTagStarts(sax); sax.on('opentag', () => console.log(tagStart()));
 */
export function trackTagStarts(sax: SaxesParser): () => OwlPosition {
  const states = (sax as unknown as SaxesStates).stateTable;
  // The state entered on a `<` in text: an element, end tag, comment, CDATA or processing instruction follows.
  const afterLess = (SaxesParser.prototype as unknown as Record<string, (this: SaxesParser) => void>).sOpenWaka;
  const index = afterLess === undefined ? -1 : states.indexOf(afterLess);
  if (afterLess === undefined || index < 0) throw new Error('saxes has no state for the character after "<"; trackTagStarts does not know this saxes version');
  let start: OwlPosition = { line: 1, column: 1 };
  states[index] = function sOpenWakaTracked(this: SaxesParser) {
    // The `<` was the last character read: saxes' column counts the characters read on the line.
    start = { line: this.line, column: this.column };
    afterLess.call(this);
  };
  return () => start;
}
