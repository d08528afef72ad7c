/**
 * Collects the triples of mesh entities without duplicates (a dataset shared by two ports, an owner
 * of several products), with the small helpers the model-to-RDF mapping needs.
 */
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { ns } from './vocabulary.ts';

const { namedNode, literal, quad } = DataFactory;

/** An absolute IRI (scheme, then no character IRIs forbid). */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i;

/** True when `value` can be written as an IRI. */
export function isAbsoluteIri(value: string): boolean {
  return ABSOLUTE_IRI.test(value);
}

function termKey(term: Term): string {
  if (term.termType === 'Literal') return `${JSON.stringify(term.value)}@${term.language}^${term.datatype.value}`;
  if (term.termType === 'Quad') return `<<${termKey(term.subject)} ${termKey(term.predicate)} ${termKey(term.object)}>>`;
  return `${term.termType}:${term.value}`;
}

/** A deduplicating list of quads (the mesh writes to the default graph). */
export class TripleWriter {
  readonly #quads: Quad[] = [];
  readonly #seen = new Set<string>();

  /** The triples written so far, in writing order. */
  get quads(): Quad[] {
    return this.#quads;
  }

  /** Adds `subject predicate object` unless it is there already; undefined objects are skipped. */
  add(subject: string, predicate: string, object: NamedNode | Literal | undefined): void {
    if (object !== undefined) this.addQuad(quad(namedNode(subject), namedNode(predicate), object));
  }

  /** Adds a quad (any terms, any graph) unless it is there already. */
  addQuad(q: Quad): void {
    const key = `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#quads.push(q);
  }

  /** Adds an `rdf:type` triple. */
  type(subject: string, ...classes: string[]): void {
    for (const type of classes) this.add(subject, `${ns.rdf}type`, namedNode(type));
  }

  /** Adds a link to another resource. */
  link(subject: string, predicate: string, object: string | undefined): void {
    if (object !== undefined) this.add(subject, predicate, namedNode(object));
  }

  /** Adds a literal: strings plain, numbers xsd:integer or xsd:decimal, booleans xsd:boolean. */
  value(subject: string, predicate: string, value: string | number | boolean | undefined): void {
    if (value === undefined) return;
    if (typeof value === 'string') this.add(subject, predicate, literal(value));
    else if (typeof value === 'boolean') this.add(subject, predicate, literal(String(value), namedNode(`${ns.xsd}boolean`)));
    else this.add(subject, predicate, literal(String(value), namedNode(`${ns.xsd}${Number.isInteger(value) ? 'integer' : 'decimal'}`)));
  }

  /** Adds a link when `value` is an absolute IRI, a plain literal otherwise. */
  iriOrValue(subject: string, predicate: string, value: string | undefined): void {
    if (value === undefined) return;
    if (isAbsoluteIri(value)) this.link(subject, predicate, value);
    else this.value(subject, predicate, value);
  }
}
