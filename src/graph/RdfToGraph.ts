/**
 * RDF -> property graph (ARCHITECTURE.md, "Mapping RDF to a property graph"): a vertex per IRI, blank
 * node and triple term; literal objects become values of multi-valued vertex properties; IRI, blank
 * and triple-term objects become edges labelled with the full predicate IRI; named graphs are kept.
 *
 * One instance maps one version of one graph: it remembers which vertices it has emitted (each once,
 * before the first fact that mentions it) and, per document, which skolem IRI each blank node got.
 */
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import { OntomeshError } from '../errors/index.ts';
import type { EdgeElement, GraphElement, LiteralValue, PropertyElement } from './elements.ts';
import { isSkolem, skolemIri } from './skolem.ts';
import { tripleTermId } from './tripleTerm.ts';

/** A fact added by the entailment closure, between node ids. */
export interface InferredFact {
  subject: string;
  predicate: string;
  object: string;
}

/**
 * Maps RDF/JS quads to graph elements for one graph.
 *
 * @example
 * const mapper = new RdfToGraph('pizza');
 * await writer.write(mapper.map(quads, 0, 'pizza.owl'));
 * await writer.write(mapper.mapInferred(entailment.inferred()));
 */
export class RdfToGraph {
  readonly #scope: string;
  readonly #emitted = new Set<string>();
  /** Per document: blank node label (as the parser made it) -> skolem IRI. */
  readonly #blankIds = new Map<number, Map<string, string>>();

  /** @param scope the graph id; it is part of every skolem IRI, so two graphs never share a blank node. */
  constructor(scope: string) {
    this.#scope = scope;
  }

  /**
   * Maps a batch of quads of document `doc` (its index in VersionMeta.documents). Batches of one
   * document must come in parse order: blank node ids follow the order of first appearance.
   * `docLocation` names the document in errors.
   */
  map(quads: readonly RDF.Quad[], doc: number, docLocation: string): GraphElement[] {
    const out: GraphElement[] = [];
    let blanks = this.#blankIds.get(doc);
    if (!blanks) this.#blankIds.set(doc, (blanks = new Map()));
    const context: TermContext = { blanks, doc, docLocation };
    // Parsers reuse one subject term for a run of triples (Turtle's `;`): skip the lookups for it.
    let subjectTerm: RDF.Term | undefined;
    let subject = '';
    for (const quad of quads) {
      if (quad.subject !== subjectTerm) {
        subjectTerm = quad.subject;
        subject = this.#node(subjectTerm, context, out);
      }
      const predicate = predicateIri(quad.predicate, context);
      const graph = quad.graph.termType === 'DefaultGraph' ? undefined : this.#graphName(quad.graph, context);
      const object = quad.object;
      if (object.termType === 'Literal') {
        out.push({ kind: 'property', subject, predicate, graph, inferred: false, doc, value: literalValue(object) } satisfies PropertyElement);
      } else {
        out.push({ kind: 'edge', subject, predicate, graph, inferred: false, doc, object: this.#node(object, context, out) } satisfies EdgeElement);
      }
    }
    return out;
  }

  /** Maps facts of the entailment closure (between node ids) to edges marked inferred. */
  mapInferred(facts: Iterable<InferredFact>): GraphElement[] {
    const out: GraphElement[] = [];
    for (const { subject, predicate, object } of facts) {
      this.#vertex(subject, out);
      this.#vertex(object, out);
      out.push({ kind: 'edge', subject, predicate, graph: undefined, inferred: true, doc: -1, object } satisfies EdgeElement);
    }
    return out;
  }

  /** The node id of a subject or object term, emitting its vertex the first time it is seen. */
  #node(term: RDF.Term, context: TermContext, out: GraphElement[]): string {
    const id = this.#nodeId(term, context);
    this.#vertex(id, out);
    return id;
  }

  #vertex(id: string, out: GraphElement[]): void {
    if (this.#emitted.has(id)) return;
    this.#emitted.add(id);
    out.push({ kind: 'vertex', id, blank: isSkolem(id) });
  }

  #nodeId(term: RDF.Term, context: TermContext): string {
    switch (term.termType) {
      case 'NamedNode':
        return term.value;
      case 'BlankNode':
        return this.#skolem(term.value, context);
      case 'Quad':
        return tripleTermId(this.#skolemizeTriple(term, context));
      default:
        throw invalidTerm(term, 'as a subject or object', context);
    }
  }

  #graphName(term: RDF.Term, context: TermContext): string {
    if (term.termType === 'NamedNode') return term.value;
    if (term.termType === 'BlankNode') return this.#skolem(term.value, context);
    throw invalidTerm(term, 'as a graph name', context);
  }

  #skolem(label: string, { blanks, doc }: TermContext): string {
    let id = blanks.get(label);
    if (id === undefined) blanks.set(label, (id = skolemIri(this.#scope, doc, blanks.size)));
    return id;
  }

  /** The triple term with its blank nodes (at any depth) replaced by their skolem IRIs. */
  #skolemizeTriple(triple: RDF.BaseQuad, context: TermContext): RDF.BaseQuad {
    const inner = (term: RDF.Term): RDF.Term => {
      if (term.termType === 'BlankNode') return DataFactory.namedNode(this.#skolem(term.value, context));
      if (term.termType === 'Quad') return this.#skolemizeTriple(term, context);
      if (term.termType === 'NamedNode' || term.termType === 'Literal') return term;
      throw invalidTerm(term, 'inside a triple term', context);
    };
    predicateIri(triple.predicate, context);
    return DataFactory.quad(inner(triple.subject) as RDF.Quad_Subject, triple.predicate as RDF.Quad_Predicate, inner(triple.object) as RDF.Quad_Object);
  }
}

interface TermContext {
  blanks: Map<string, string>;
  doc: number;
  docLocation: string;
}

function predicateIri(term: RDF.Term, context: TermContext): string {
  if (term.termType !== 'NamedNode') throw invalidTerm(term, 'as a predicate', context);
  return term.value;
}

function literalValue(literal: RDF.Literal): LiteralValue {
  const value: LiteralValue = { lexical: literal.value, datatype: literal.datatype.value };
  if (literal.language) value.language = literal.language;
  if (literal.direction) value.direction = literal.direction;
  return value;
}

function invalidTerm(term: RDF.Term, where: string, { docLocation }: TermContext): OntomeshError {
  const shown = term.termType === 'Literal' ? `"${term.value}"` : term.termType === 'Variable' ? `?${term.value}` : term.value;
  return new OntomeshError('RDF_SYNTAX', `A ${term.termType} cannot be used ${where} in RDF`, { file: docLocation, term: shown });
}
