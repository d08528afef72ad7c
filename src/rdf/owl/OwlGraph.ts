/**
 * Where the mapping of one OWL document to RDF writes: triples in the default graph, blank nodes
 * from the document's own factory (anonymous individuals by their node ID, so `_:a` is one node
 * throughout the document and no other's), and RDF lists.
 */
import type { BlankNode, DataFactory, Literal, NamedNode, Quad } from '@rdfjs/types';
import type { OwlLiteral } from './OwlSyntax.ts';
import { documentDataFactory } from '../parsers/documentDataFactory.ts';
import { rdf } from './rdfVocabulary.ts';

/** A node that can be a subject: what an IRI or a blank node translates to. */
export type Resource = NamedNode | BlankNode;
/** Anything a triple's object can be. */
export type RdfObject = Resource | Literal;

/** The triples of one document, handed to `emit` as they are made. */
export class OwlGraph {
  readonly #factory: DataFactory = documentDataFactory();
  readonly #emit: (quad: Quad) => void;

  constructor(emit: (quad: Quad) => void) {
    this.#emit = emit;
  }

  add(subject: Resource, predicate: NamedNode, object: RdfObject): void {
    this.#emit(this.#factory.quad(subject, predicate, object));
  }

  /** A new blank node, e.g. the main node of a class expression. */
  blank(): BlankNode {
    return this.#factory.blankNode();
  }

  /** A new blank node typed `type` (rdf:type) with the given properties, e.g. an owl:Restriction. */
  typedNode(type: NamedNode, properties: readonly (readonly [NamedNode, RdfObject])[]): BlankNode {
    const node = this.blank();
    this.add(node, rdf('type'), type);
    for (const [predicate, object] of properties) this.add(node, predicate, object);
    return node;
  }

  /** The blank node of the anonymous individual `_:nodeId` of this document. */
  anonymous(nodeId: string): BlankNode {
    return this.#factory.blankNode(nodeId);
  }

  iri(iri: string): NamedNode {
    return this.#factory.namedNode(iri);
  }

  literal(literal: OwlLiteral): Literal {
    return literal.language === undefined
      ? this.#factory.literal(literal.value, this.#factory.namedNode(literal.datatype))
      : this.#factory.literal(literal.value, literal.language);
  }

  /**
   * The RDF list of `items` (the spec's T(SEQ ...)): rdf:nil when empty, else its first node.
   * `type`, when given, types every node of the list (the OWL API types SWRL's lists so).
   */
  list(items: readonly RdfObject[], type?: NamedNode): Resource {
    let rest: Resource = rdf('nil');
    for (let index = items.length - 1; index >= 0; index--) {
      const node = this.blank();
      if (type) this.add(node, rdf('type'), type);
      this.add(node, rdf('first'), items[index]!);
      this.add(node, rdf('rest'), rest);
      rest = node;
    }
    return rest;
  }
}
