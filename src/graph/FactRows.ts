/**
 * Facts as rows of term ids (see TermDictionary): the compact form of a batch that the load pipeline
 * hands to a store writer able to take it (VersionWriter.writeRows), or across threads, instead of
 * one object per element. Typed arrays of integers plus the strings no id stands for (new terms,
 * lexical forms, language tags). Converters to and from graph elements serve the other writers.
 */
import type { EdgeElement, GraphElement, LiteralValue, PropertyElement } from './elements.ts';
import { isSkolem } from './skolem.ts';
import { TermDictionary } from './TermDictionary.ts';

/** Integers per edge row: subject, predicate, object, graph (0 = default graph), inferred (0 or 1), document. */
export const edgeWidth = 6;
/** Integers per literal row: subject, predicate, graph, datatype, inferred (0 or 1), document. */
export const literalWidth = 6;

/** A batch of facts in term ids. */
export interface FactRows {
  /** Terms that got ids since the previous batch (all earlier ids are known): terms[i] has id firstTerm + i. */
  firstTerm: number;
  terms: string[];
  /** Edge rows, `edgeWidth` integers each. */
  edges: Int32Array;
  /** Literal rows, `literalWidth` integers each. */
  literals: Int32Array;
  /** Per literal row, its lexical form. */
  lexicals: string[];
  /** Per literal row, its language tag and base direction as RDF 1.2 writes them: '', 'en', 'ar--rtl'. */
  languages: string[];
}

/** A literal's language tag and base direction (either may be absent or '') in the form of FactRows.languages. */
export function languageTag(language: string | undefined, direction: string | null | undefined): string {
  if (!language) return '';
  return direction ? `${language}--${direction}` : language;
}

/** The language tag and base direction in a FactRows.languages entry. */
export function splitLanguageTag(tag: string): { language?: string; direction?: 'ltr' | 'rtl' } {
  if (tag === '') return {};
  const at = tag.indexOf('--');
  return at === -1 ? { language: tag } : { language: tag.slice(0, at), direction: tag.slice(at + 2) as 'ltr' | 'rtl' };
}

/**
 * Turns batches of rows into graph elements, for writers that take elements. Keeps the term strings
 * and which vertices it has emitted: each vertex comes once, before the first fact that mentions it.
 */
export class FactRowsToElements {
  readonly #terms: string[] = [''];
  #emitted = new Uint8Array(1024);

  elements(rows: FactRows): GraphElement[] {
    if (rows.firstTerm !== this.#terms.length) throw new Error(`term ids out of order: batch starts at ${rows.firstTerm}, ${this.#terms.length} expected`);
    for (const term of rows.terms) this.#terms.push(term);
    if (this.#emitted.length < this.#terms.length) {
      const grown = new Uint8Array(Math.max(this.#terms.length, this.#emitted.length * 2));
      grown.set(this.#emitted);
      this.#emitted = grown;
    }
    const terms = this.#terms;
    const out: GraphElement[] = [];
    const { edges, literals } = rows;
    for (let at = 0; at < edges.length; at += edgeWidth) {
      this.#vertex(edges[at]!, out);
      this.#vertex(edges[at + 2]!, out);
      const g = edges[at + 3]!;
      out.push({
        kind: 'edge', subject: terms[edges[at]!]!, predicate: terms[edges[at + 1]!]!, object: terms[edges[at + 2]!]!,
        graph: g === 0 ? undefined : terms[g], inferred: edges[at + 4] === 1, doc: edges[at + 5]!,
      } satisfies EdgeElement);
    }
    for (let row = 0, at = 0; at < literals.length; row++, at += literalWidth) {
      this.#vertex(literals[at]!, out);
      const g = literals[at + 2]!;
      const value: LiteralValue = { lexical: rows.lexicals[row]!, datatype: terms[literals[at + 3]!]!, ...splitLanguageTag(rows.languages[row]!) };
      out.push({
        kind: 'property', subject: terms[literals[at]!]!, predicate: terms[literals[at + 1]!]!,
        graph: g === 0 ? undefined : terms[g], inferred: literals[at + 4] === 1, doc: literals[at + 5]!, value,
      } satisfies PropertyElement);
    }
    return out;
  }

  #vertex(id: number, out: GraphElement[]): void {
    if (this.#emitted[id] === 1) return;
    this.#emitted[id] = 1;
    const term = this.#terms[id]!;
    out.push({ kind: 'vertex', id: term, blank: isSkolem(term) });
  }
}

/** Turns batches of graph elements into rows over its own dictionary, for writers that store rows. */
export class ElementsToFactRows {
  readonly #terms = new TermDictionary();

  rows(elements: readonly GraphElement[]): FactRows {
    const terms = this.#terms;
    let edgeCount = 0;
    let literalCount = 0;
    for (const element of elements) {
      if (element.kind === 'edge') edgeCount++;
      else if (element.kind === 'property') literalCount++;
    }
    const edges = new Int32Array(edgeCount * edgeWidth);
    const literals = new Int32Array(literalCount * literalWidth);
    const lexicals: string[] = [];
    const languages: string[] = [];
    let e = 0;
    let l = 0;
    for (const element of elements) {
      if (element.kind === 'vertex') {
        terms.id(element.id);
        continue;
      }
      const s = terms.id(element.subject);
      const p = terms.id(element.predicate);
      const g = element.graph === undefined ? 0 : terms.id(element.graph);
      const inferred = element.inferred ? 1 : 0;
      if (element.kind === 'edge') {
        edges.set([s, p, terms.id(element.object), g, inferred, element.doc], e);
        e += edgeWidth;
      } else {
        literals.set([s, p, g, terms.id(element.value.datatype), inferred, element.doc], l);
        l += literalWidth;
        lexicals.push(element.value.lexical);
        languages.push(languageTag(element.value.language, element.value.direction));
      }
    }
    return { ...terms.takeNew(), edges, literals, lexicals, languages };
  }
}
