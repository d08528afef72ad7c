/**
 * Full-text search without a full-text index, matching the SQLite store's semantics: case and
 * diacritics are folded, every word of the query must occur as a word of the literal, the last one
 * as a prefix (results while typing), exact label matches rank first and labels weigh double.
 *
 * Vertices keep the folded text of their label, synonym and definition literals in the
 * multi-valued property `t`; the server narrows the candidates to vertices whose `t` contains every
 * word (`TextP.containing`, on Cosmos's list of steps) and the candidates are matched and ranked here.
 */
import type { PropertyElement } from '../../graph/elements.ts';
import type { SearchHit } from '../../graph/GraphStore.ts';
import { labelPredicates, textIndexPredicates } from '../../graph/textIndex.ts';

const indexed = new Set(textIndexPredicates);
const word = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
/** Score added to exact label matches, above any relevance of a partial match. */
const exactBonus = 1000;

/** Case-, diacritic- and space-insensitive form of a text (the same folding as the SQLite store). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const words = (text: string): string[] => foldText(text).match(word) ?? [];

/** The search text stored for a literal fact, or undefined when its predicate is not indexed. */
export function searchTextOf(fact: PropertyElement): string | undefined {
  return indexed.has(fact.predicate) ? foldText(fact.value.lexical) : undefined;
}

/** The folded words of a query, in order; the last is matched as a prefix. */
export function queryWords(text: string): string[] {
  return words(text);
}

/** Turns the query words into server-side filters: distinct, longest (most selective) first, at most 8. */
export function filterTokens(queryWords: readonly string[]): string[] {
  return [...new Set(queryWords)].sort((a, b) => b.length - a.length).slice(0, 8);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Matches one literal against the query words; undefined when some word does not occur. */
export function scoreLiteral(query: string, queryWords: readonly string[], fact: PropertyElement): SearchHit | undefined {
  if (!indexed.has(fact.predicate) || !queryWords.length) return undefined;
  const text = fact.value.lexical;
  const textWords = words(text);
  const last = queryWords.length - 1;
  const matches = (w: string) => queryWords.some((q, i) => (i === last ? w.startsWith(q) : w === q));
  const found = queryWords.every((q, i) => textWords.some((w) => (i === last ? w.startsWith(q) : w === q)));
  if (!found) return undefined;
  const isLabel = labelPredicates.has(fact.predicate);
  const exact = isLabel && foldText(text) === foldText(query);
  const relevance = ((isLabel ? 2 : 1) * textWords.filter(matches).length) / Math.sqrt(textWords.length);
  let highlight = '';
  let at = 0;
  for (const match of text.matchAll(word)) {
    if (!matches(foldText(match[0]))) continue;
    highlight += `${escapeHtml(text.slice(at, match.index))}<b>${escapeHtml(match[0])}</b>`;
    at = match.index + match[0].length;
  }
  highlight += escapeHtml(text.slice(at));
  return { id: fact.subject, score: (exact ? exactBonus : 0) + relevance, predicate: fact.predicate, highlight, text };
}
