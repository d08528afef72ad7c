/**
 * Full-text search without a full-text index, matching the SQLite store's semantics: case and
 * diacritics are folded, every word of the query must occur as a word of the literal, the last one
 * as a prefix (results while typing), exact label matches rank first and labels weigh double.
 *
 * Vertices keep the search texts of their label, synonym and definition literals in the multi-valued
 * property `t`, one value per write: each text is `L|` (a label) or `T|` (other text) and the folded
 * text, and the texts of one write are joined by newlines (folded text has none). A search asks the
 * server for vertices whose `t` contains every word (`TextP.containing`, on Cosmos's list of steps;
 * a word never spans two texts), ranks those light candidates here, then reads the literals of the
 * best ones only, for the highlights.
 */
import type { PropertyElement } from '../../graph/elements.ts';
import type { SearchHit } from '../../graph/GraphStore.ts';
import { foldText, highlightWords, labelPredicates, queryWordMatcher, textIndexPredicates } from '../../graph/textIndex.ts';

const indexed = new Set(textIndexPredicates);
const wordPattern = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
/** Score added to exact label matches, above any relevance of a partial match. */
const exactBonus = 1000;

const words = (text: string): string[] => foldText(text).match(wordPattern) ?? [];

/** The search text stored for a literal fact, or undefined when its predicate is not indexed. */
export function searchTextOf(fact: PropertyElement): string | undefined {
  if (!indexed.has(fact.predicate)) return undefined;
  return `${labelPredicates.has(fact.predicate) ? 'L' : 'T'}|${foldText(fact.value.lexical)}`;
}

/** The `t` value for the literal facts of one write: their search texts joined by newlines, or undefined if none is indexed. */
export function searchTextsOf(facts: readonly PropertyElement[]): string | undefined {
  const texts = facts.map(searchTextOf).filter((text) => text !== undefined);
  return texts.length ? texts.join('\n') : undefined;
}

/** A parsed query: its folded words (the last one a prefix) and the folded whole text. */
export interface SearchQuery {
  words: string[];
  folded: string;
}

export function parseQuery(text: string): SearchQuery {
  return { words: words(text), folded: foldText(text) };
}

/** Server-side filters: the distinct words, longest (most selective) first, at most 8. */
export function filterTokens(query: SearchQuery): string[] {
  return [...new Set(query.words)].sort((a, b) => b.length - a.length).slice(0, 8);
}

/** Scores a folded text; undefined unless every query word occurs (the last as a prefix). */
function score(query: SearchQuery, isLabel: boolean, folded: string): number | undefined {
  const textWords = folded.match(wordPattern) ?? [];
  const last = query.words.length - 1;
  if (!query.words.length || !query.words.every((q, i) => textWords.some((w) => (i === last ? w.startsWith(q) : w === q)))) return undefined;
  const exact = isLabel && folded === query.folded;
  return (exact ? exactBonus : 0) + ((isLabel ? 2 : 1) * textWords.filter(queryWordMatcher(query.words)).length) / Math.sqrt(textWords.length);
}

/** The best score of a vertex's stored search texts (`t` values), or undefined when none matches. */
export function scoreSearchTexts(query: SearchQuery, values: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const text of values.flatMap((value) => value.split('\n'))) {
    const value = score(query, text.startsWith('L|'), text.slice(2));
    if (value !== undefined && (best === undefined || value > best)) best = value;
  }
  return best;
}

/** Matches one literal against the query, with its highlight; undefined when it does not match. */
export function scoreLiteral(query: SearchQuery, fact: PropertyElement): SearchHit | undefined {
  if (!indexed.has(fact.predicate)) return undefined;
  const text = fact.value.lexical;
  const value = score(query, labelPredicates.has(fact.predicate), foldText(text));
  if (value === undefined) return undefined;
  return { id: fact.subject, score: value, predicate: fact.predicate, highlight: highlightWords(text, query.words), text };
}
