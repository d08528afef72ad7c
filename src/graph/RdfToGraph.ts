/**
 * RDF -> property graph (ARCHITECTURE.md, "Mapping RDF to a property graph"): a vertex per IRI, blank
 * node and triple term; literal objects become values of multi-valued vertex properties; IRI, blank
 * and triple-term objects become edges labelled with the full predicate IRI; named graphs are kept.
 *
 * One instance maps one version of one graph: it interns every term into one dictionary (the rows it
 * makes are in those ids), remembers per document which skolem IRI each blank node got and, for the
 * element form, which vertices it has emitted (each once, before the first fact that mentions it).
 */
import type * as RDF from '@rdfjs/types';
import { DataFactory, Literal as N3Literal } from 'n3';
import { OntomeshError } from '../errors/index.ts';
import type { GraphElement } from './elements.ts';
import { edgeWidth, FactRowsToElements, languageTag, literalWidth, type FactRows } from './FactRows.ts';
import { skolemIri } from './skolem.ts';
import { TermDictionary } from './TermDictionary.ts';
import { tripleTermId } from './tripleTerm.ts';

/** A fact added by the entailment closure, between node ids. */
export interface InferredFact {
  subject: string;
  predicate: string;
  object: string;
}

/**
 * Maps RDF/JS quads to graph elements, or to rows of term ids, for one graph.
 *
 * @example
 * const mapper = new RdfToGraph('pizza');
 * await writer.write(mapper.map(quads, 0, 'pizza.owl'));
 * await writer.write(mapper.mapInferred(entailment.inferred()));
 */
export class RdfToGraph {
  /** The load's terms: every id in the rows this mapper makes is one of these. */
  readonly terms: TermDictionary;
  readonly #scope: string;
  /** Per document: blank node label (as the parser made it) -> term id of its skolem IRI. */
  readonly #blankIds = new Map<number, Map<string, number>>();
  /**
   * Predicate and datatype IRI -> term id: a few hundred IRIs used by most quads, so looked up in a
   * map small enough to stay in cache rather than in the dictionary of every term.
   */
  readonly #vocabulary = new Map<string, number>();
  #elements: FactRowsToElements | undefined;

  /**
   * @param scope the graph id; it is part of every skolem IRI, so two graphs never share a blank node.
   * @param terms the dictionary to intern into (shared with the rest of a load)
   */
  constructor(scope: string, terms = new TermDictionary()) {
    this.#scope = scope;
    this.terms = terms;
  }

  /**
   * Maps a batch of quads of document `doc` (its index in VersionMeta.documents) to graph elements.
   * Batches of one document must come in parse order: blank node ids follow the order of first
   * appearance. `docLocation` names the document in errors.
   */
  map(quads: readonly RDF.Quad[], doc: number, docLocation: string): GraphElement[] {
    return this.#toElements(this.mapRows(quads, doc, docLocation));
  }

  /** Like {@link map}, to rows of term ids: the terms new since the last batch come with them. */
  mapRows(quads: readonly RDF.Quad[], doc: number, docLocation: string): FactRows {
    const terms = this.terms;
    let blanks = this.#blankIds.get(doc);
    if (!blanks) this.#blankIds.set(doc, (blanks = new Map()));
    const context: TermContext = { blanks, doc, docLocation };
    const edges = new Int32Array(quads.length * edgeWidth);
    const literals = new Int32Array(quads.length * literalWidth);
    const lexicals: string[] = [];
    const languages: string[] = [];
    let e = 0;
    let l = 0;
    // Parsers reuse one subject term for a run of triples (Turtle's `;`): skip the lookups for it.
    let subjectTerm: RDF.Term | undefined;
    let subject = 0;
    for (const quad of quads) {
      if (quad.subject !== subjectTerm) {
        subjectTerm = quad.subject;
        subject = this.#node(subjectTerm, context);
      }
      const predicate = this.#vocabularyId(predicateIri(quad.predicate, context));
      const graph = quad.graph.termType === 'DefaultGraph' ? 0 : this.#graphName(quad.graph, context);
      const object = quad.object;
      if (object.termType === 'Literal') {
        literals[l] = subject;
        literals[l + 1] = predicate;
        literals[l + 2] = graph;
        literals[l + 5] = doc;
        if (object instanceof N3Literal) {
          literals[l + 3] = this.#n3Literal(object.id, lexicals, languages);
        } else {
          literals[l + 3] = this.#vocabularyId(object.datatype.value);
          lexicals.push(object.value);
          languages.push(languageTag(object.language, object.direction));
        }
        l += literalWidth;
      } else {
        edges[e] = subject;
        edges[e + 1] = predicate;
        edges[e + 2] = this.#node(object, context);
        edges[e + 3] = graph;
        edges[e + 5] = doc;
        e += edgeWidth;
      }
    }
    return { ...terms.takeNew(), edges: edges.subarray(0, e), literals: literals.subarray(0, l), lexicals, languages };
  }

  /** Maps facts of the entailment closure (between node ids) to edges marked inferred. */
  mapInferred(facts: Iterable<InferredFact>): GraphElement[] {
    const triples: number[] = [];
    for (const { subject, predicate, object } of facts) triples.push(this.terms.id(subject), this.terms.id(predicate), this.terms.id(object));
    return this.#toElements(this.inferredRows(Int32Array.from(triples)));
  }

  /** Like {@link mapInferred}, from flattened (subject, predicate, object) term id triples to rows. */
  inferredRows(triples: Int32Array): FactRows {
    const edges = new Int32Array((triples.length / 3) * edgeWidth);
    for (let t = 0, e = 0; t < triples.length; t += 3, e += edgeWidth) {
      edges[e] = triples[t]!;
      edges[e + 1] = triples[t + 1]!;
      edges[e + 2] = triples[t + 2]!;
      edges[e + 4] = 1;
      edges[e + 5] = -1;
    }
    return { ...this.terms.takeNew(), edges, literals: new Int32Array(0), lexicals: [], languages: [] };
  }

  #toElements(rows: FactRows): GraphElement[] {
    this.#elements ??= new FactRowsToElements();
    return this.#elements.elements(rows);
  }

  #vocabularyId(iri: string): number {
    let id = this.#vocabulary.get(iri);
    if (id === undefined) this.#vocabulary.set(iri, (id = this.terms.id(iri)));
    return id;
  }

  /**
   * An N3.js literal kept as its id (`"lexical"`, `"lexical"@lang--dir`, `"lexical"^^datatype`), whose
   * getters cut each field out of it again on every read: cut once here. Pushes the lexical form and
   * language tag (lower-cased, as N3.js's getters give them); returns the datatype's id.
   */
  #n3Literal(id: string, lexicals: string[], languages: string[]): number {
    const end = id.lastIndexOf('"');
    lexicals.push(id.substring(1, end));
    const mark = id.charCodeAt(end + 1);
    if (mark === caret) {
      languages.push('');
      return this.#vocabularyId(id.substring(end + 3));
    }
    if (mark !== at) {
      languages.push('');
      return this.#vocabularyId(xsdString);
    }
    const tag = id.substring(end + 2).toLowerCase();
    languages.push(tag);
    return this.#vocabularyId(tag.includes('--') ? rdfDirLangString : rdfLangString);
  }

  /** The term id of a subject or object. */
  #node(term: RDF.Term, context: TermContext): number {
    switch (term.termType) {
      case 'NamedNode':
        return this.terms.id(term.value);
      case 'BlankNode':
        return this.#skolem(term.value, context);
      case 'Quad':
        return this.terms.id(tripleTermId(this.#skolemizeTriple(term, context)));
      default:
        throw invalidTerm(term, 'as a subject or object', context);
    }
  }

  #graphName(term: RDF.Term, context: TermContext): number {
    if (term.termType === 'NamedNode') return this.terms.id(term.value);
    if (term.termType === 'BlankNode') return this.#skolem(term.value, context);
    throw invalidTerm(term, 'as a graph name', context);
  }

  #skolem(label: string, { blanks, doc }: TermContext): number {
    let id = blanks.get(label);
    if (id === undefined) blanks.set(label, (id = this.terms.id(skolemIri(this.#scope, doc, blanks.size))));
    return id;
  }

  /** The triple term with its blank nodes (at any depth) replaced by their skolem IRIs. */
  #skolemizeTriple(triple: RDF.BaseQuad, context: TermContext): RDF.BaseQuad {
    const inner = (term: RDF.Term): RDF.Term => {
      if (term.termType === 'BlankNode') return DataFactory.namedNode(this.terms.term(this.#skolem(term.value, context)));
      if (term.termType === 'Quad') return this.#skolemizeTriple(term, context);
      if (term.termType === 'NamedNode' || term.termType === 'Literal') return term;
      throw invalidTerm(term, 'inside a triple term', context);
    };
    predicateIri(triple.predicate, context);
    return DataFactory.quad(inner(triple.subject) as RDF.Quad_Subject, triple.predicate as RDF.Quad_Predicate, inner(triple.object) as RDF.Quad_Object);
  }
}

const caret = 0x5e;
const at = 0x40;
const xsdString = 'http://www.w3.org/2001/XMLSchema#string';
const rdfLangString = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const rdfDirLangString = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString';

interface TermContext {
  blanks: Map<string, number>;
  doc: number;
  docLocation: string;
}

function predicateIri(term: RDF.Term, context: TermContext): string {
  if (term.termType !== 'NamedNode') throw invalidTerm(term, 'as a predicate', context);
  return term.value;
}

function invalidTerm(term: RDF.Term, where: string, { docLocation }: TermContext): OntomeshError {
  const shown = term.termType === 'Literal' ? `"${term.value}"` : term.termType === 'Variable' ? `?${term.value}` : term.value;
  return new OntomeshError('RDF_SYNTAX', `A ${term.termType} cannot be used ${where} in RDF`, { file: docLocation, term: shown });
}
