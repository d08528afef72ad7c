/**
 * Turning what a user typed into an FTS5 query. Matching folds case and diacritics (the `unicode61
 * remove_diacritics 2` tokenizer, the same folding as foldText); the last word is a prefix, so results
 * come while typing. FTS5's highlight() marks matches with highlightOpen/highlightClose
 * (src/graph/textIndex.ts).
 */
import { foldText } from '../../graph/textIndex.ts';

/**
 * The FTS5 MATCH expression for a user's text: every word must occur, the last one as a prefix.
 * Undefined when the text has no word at all.
 *
 * @example
 * ftsQuery('Margherita piz') // '"margherita" "piz"*'
 */
export function ftsQuery(text: string): string | undefined {
  const words = foldText(text).match(/[\p{L}\p{N}\p{Co}]+/gu);
  if (!words) return undefined;
  return words.map((word, i) => (i === words.length - 1 ? `"${word}"*` : `"${word}"`)).join(' ');
}
