/**
 * The full-text search contract every store and the API's read model share: which literals are
 * indexed, which of them are labels, how texts are folded for matching, and how highlights are marked up.
 */

/** Literal predicates whose values feed the full-text index: labels, synonyms, definitions. */
export const textIndexPredicates: readonly string[] = [
  'http://www.w3.org/2000/01/rdf-schema#label',
  'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://www.w3.org/2004/02/skos/core#altLabel',
  'http://www.w3.org/2004/02/skos/core#hiddenLabel',
  'http://www.w3.org/2004/02/skos/core#definition',
  'http://www.w3.org/2000/01/rdf-schema#comment',
  'http://purl.obolibrary.org/obo/IAO_0000115',
  'http://www.geneontology.org/formats/oboInOwl#hasExactSynonym',
  'http://www.geneontology.org/formats/oboInOwl#hasRelatedSynonym',
  'http://www.geneontology.org/formats/oboInOwl#hasNarrowSynonym',
  'http://www.geneontology.org/formats/oboInOwl#hasBroadSynonym',
  'http://purl.org/dc/terms/title',
  'http://purl.org/dc/terms/description',
  'http://purl.org/dc/elements/1.1/title',
  'http://purl.org/dc/elements/1.1/description',
  'https://schema.org/name',
  'https://schema.org/description',
];

/** Of those, the ones that name a thing (exact matches on them rank first). */
export const labelPredicates: ReadonlySet<string> = new Set([
  'http://www.w3.org/2000/01/rdf-schema#label',
  'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://www.w3.org/2004/02/skos/core#altLabel',
  'http://purl.org/dc/terms/title',
  'https://schema.org/name',
]);

/** Case-, diacritic- and space-insensitive form of a text, for matching and exact-match comparison. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Escapes a text for HTML (highlights are returned as HTML with `<b>` around matches). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wraps a match in a text being highlighted; replaced by `<b>`/`</b>` after escaping (highlightMarkup). */
export const highlightOpen = '\u0002';
export const highlightClose = '\u0003';

/** HTML-escapes a highlighted text and turns the markers into `<b>…</b>`. */
export function highlightMarkup(highlighted: string): string {
  return escapeHtml(highlighted).replaceAll(highlightOpen, '<b>').replaceAll(highlightClose, '</b>');
}

/** A word as written: combining marks kept with their letters, so each folds to one token. */
const writtenWordPattern = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/**
 * The text as HTML with every word that matches one of the folded query `words` (the last one as a
 * prefix, as search matches it) in `<b>…</b>`: the highlight of stores that have no FTS5 highlight().
 */
export function highlightWords(text: string, words: readonly string[]): string {
  const matches = queryWordMatcher(words);
  const marked = text.replace(writtenWordPattern, (written) => (matches(foldText(written)) ? `${highlightOpen}${written}${highlightClose}` : written));
  return highlightMarkup(marked);
}

/** Whether a folded word matches one of the folded query `words`: equal to one, or beginning with the last (typed on). */
export function queryWordMatcher(words: readonly string[]): (word: string) => boolean {
  const last = words.length - 1;
  return (word) => words.some((w, i) => (i === last ? word.startsWith(w) : word === w));
}
