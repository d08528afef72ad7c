/**
 * Full-text search without a full-text index: vertices keep the lower-cased text of their label,
 * synonym and definition literals in the multi-valued property `t`; a search asks the server for
 * vertices whose `t` contains every query token (`TextP.containing`, on Cosmos's list) and ranks the
 * candidates here: exact label matches first, then labels before other text, then whole-word over
 * partial matches, then shorter texts.
 */
import type { PropertyElement } from '../../graph/elements.ts';
import { labelPredicates, textIndexPredicates } from '../../graph/textIndex.ts';
import type { SearchHit } from '../../graph/GraphStore.ts';

const indexed = new Set(textIndexPredicates);

/** The search text stored for a literal fact, or undefined when its predicate is not indexed. */
export function searchTextOf(fact: PropertyElement): string | undefined {
  return indexed.has(fact.predicate) ? fact.value.lexical.toLowerCase() : undefined;
}

/** Lower-cased query tokens, longest first (the most selective filter runs first), at most 8. */
export function queryTokens(text: string): string[] {
  const tokens = [...new Set(text.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean))];
  return tokens.sort((a, b) => b.length - a.length).slice(0, 8);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scores one literal against the query; undefined when it does not contain every token. */
export function scoreLiteral(query: string, tokens: readonly string[], fact: PropertyElement): SearchHit | undefined {
  const text = fact.value.lexical;
  const lower = text.toLowerCase();
  if (!indexed.has(fact.predicate) || !tokens.every((token) => lower.includes(token))) return undefined;
  const isLabel = labelPredicates.has(fact.predicate);
  const exact = lower.trim() === query.trim().toLowerCase();
  const words = lower.split(/[\s\p{P}]+/u);
  const wholeWords = tokens.filter((token) => words.includes(token)).length / tokens.length;
  const score = (exact && isLabel ? 1000 : 0) + (exact ? 200 : 0) + (isLabel ? 100 : 0) + 50 * wholeWords + 20 / (1 + Math.log1p(text.length));
  const pattern = new RegExp(tokens.map(escapeRegExp).join('|'), 'giu');
  let highlight = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    highlight += `${text.slice(at, match.index)}<b>${match[0]}</b>`;
    at = match.index + match[0].length;
  }
  highlight += text.slice(at);
  return { id: fact.subject, score, predicate: fact.predicate, highlight, text };
}
