/**
 * Collects, while quads stream by, the few triples the OWL view needs, keyed by subject: types,
 * hierarchy and property axioms, labels and definitions. A subject's type may come after its other
 * triples, so nothing is decided before build(). Everything else (instance facts, provenance,
 * restrictions' internals) is dropped on the spot: memory follows the schema, not the data.
 */
import type { Quad, Term } from '@rdfjs/types';
import { buildOwlView, type SubjectRecord } from './buildOwlView.ts';
import type { OwlView } from './OwlView.ts';
import { iaoDefinition, owl, rdf, rdfs, skos } from './vocabulary.ts';

const xsdBoolean = 'http://www.w3.org/2001/XMLSchema#boolean';

/** Predicates whose IRI or blank-node objects the view reads, for IRI subjects. */
const namedSubjectLinks = new Set<string>([
  rdf.type,
  rdfs.subClassOf,
  owl.equivalentClass,
  rdfs.subPropertyOf,
  owl.equivalentProperty,
  owl.inverseOf,
  rdfs.domain,
  rdfs.range,
  owl.versionIRI,
  owl.imports,
]);
/** Predicates kept for blank-node subjects: class expressions, RDF lists and anonymous ontologies. */
const blankSubjectLinks = new Set<string>([owl.intersectionOf, rdf.first, rdf.rest, owl.versionIRI, owl.imports]);
const labelPredicates = new Set<string>([rdfs.label, skos.prefLabel]);
const definitionPredicates = new Set<string>([rdfs.comment, skos.definition, iaoDefinition]);

/**
 * Builds the OWL view from a stream of quads (any graph; quads are read in document order).
 *
 * @example
 * const builder = new OwlViewBuilder();
 * await parseFile('pizza.owl', {}, { quads: (batch) => builder.add(batch) });
 * builder.build().classes.get('http://example.org/pizza#American')?.superClasses; // ['http://example.org/pizza#NamedPizza']
 */
export class OwlViewBuilder {
  readonly #records = new Map<string, SubjectRecord>();
  #last: { subject: Term; doc: number; record: SubjectRecord } | undefined;

  /**
   * Reads a batch of quads. `doc` tells documents apart: blank node labels are local to the document
   * they come from, so the same label in two documents names two nodes.
   */
  add(quads: readonly Quad[], doc = 0): void {
    for (const quad of quads) {
      const subject = quad.subject;
      const named = subject.termType === 'NamedNode';
      if (!named && subject.termType !== 'BlankNode') continue;
      const predicate = quad.predicate.value;
      const object = quad.object;
      if (object.termType === 'Literal') {
        if (!named) continue;
        if (labelPredicates.has(predicate)) this.#recordOf(subject, doc).texts.push('l', object.language.toLowerCase(), object.value);
        else if (definitionPredicates.has(predicate)) this.#recordOf(subject, doc).texts.push('d', object.language.toLowerCase(), object.value);
        else if (predicate === owl.deprecated && isTrue(object.value, object.datatype.value)) this.#recordOf(subject, doc).deprecated = true;
      } else if (object.termType === 'NamedNode' || object.termType === 'BlankNode') {
        if (named ? !namedSubjectLinks.has(predicate) : !keptForBlank(predicate, object)) continue;
        this.#recordOf(subject, doc).links.push(predicate, nodeKey(object, doc));
      }
    }
  }

  /** The view of everything added so far. The builder stays usable: more quads may be added and build() called again. */
  build(): OwlView {
    return buildOwlView(this.#records);
  }

  /** The record of a subject term; parsers reuse one term for a run of triples (Turtle's `;`), so the last one is kept at hand. */
  #recordOf(subject: Term, doc: number): SubjectRecord {
    if (subject !== this.#last?.subject || doc !== this.#last.doc) {
      this.#last = { subject, doc, record: this.#record(subject.termType === 'NamedNode' ? subject.value : blankKey(subject.value, doc)) };
    }
    return this.#last.record;
  }

  #record(key: string): SubjectRecord {
    let record = this.#records.get(key);
    if (record === undefined) this.#records.set(key, (record = { links: [], texts: [], deprecated: false }));
    return record;
  }
}

function keptForBlank(predicate: string, object: Term): boolean {
  return blankSubjectLinks.has(predicate) || (predicate === rdf.type && object.value === owl.Ontology);
}

/** Blank nodes get keys no IRI can have (an IRI has a scheme, and `_` cannot start one). */
function blankKey(label: string, doc: number): string {
  return `_:${doc}:${label}`;
}

function nodeKey(term: Term, doc: number): string {
  return term.termType === 'BlankNode' ? blankKey(term.value, doc) : term.value;
}

function isTrue(lexical: string, datatype: string): boolean {
  const value = lexical.trim();
  return value === 'true' || (value === '1' && datatype === xsdBoolean);
}
