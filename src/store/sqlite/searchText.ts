/**
 * Turning what a user typed into an FTS5 query, and FTS5 highlights into safe markup. Matching folds
 * case and diacritics (the `unicode61 remove_diacritics 2` tokenizer); the last word is a prefix, so
 * results come while typing. An "exact" match compares whole folded texts.
 */

/** Wraps a match in the text FTS5 returns from highlight(); replaced by `<b>`/`</b>` after escaping. */
export const highlightOpen = '\u0002';
export const highlightClose = '\u0003';

/** Case-, diacritic- and space-insensitive form of a text, for exact-match comparison. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

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

/** HTML-escapes a highlighted text and turns the FTS5 markers into `<b>…</b>`. */
export function highlightMarkup(highlighted: string): string {
  return highlighted
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replaceAll(highlightOpen, '<b>')
    .replaceAll(highlightClose, '</b>');
}
