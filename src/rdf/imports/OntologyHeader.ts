/**
 * Picks a document's ontology header out of its quads while they stream past: the ontology
 * IRI (the subject of `rdf:type owl:Ontology`), its `owl:versionIRI` and its `owl:imports`.
 * Only the few header triples are kept, never the document, and their order does not matter
 * (an `owl:imports` may come before the `rdf:type owl:Ontology` of its subject).
 */
import type { Quad, Term } from '@rdfjs/types';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL_ONTOLOGY = 'http://www.w3.org/2002/07/owl#Ontology';
const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';
const OWL_VERSION_IRI = 'http://www.w3.org/2002/07/owl#versionIRI';

/** What a document says about itself as an ontology. */
export interface OntologyHeaderInfo {
  /** The first named ontology of the document. */
  ontologyIri?: string;
  /** The version IRI of that ontology. */
  versionIri?: string;
  /** The `owl:imports` of every ontology of the document, in order, without repeats. */
  imports: string[];
  /** Every ontology IRI and version IRI the document declares: what an import may name it by. */
  names: string[];
}

/** Collects the ontology header of one document; `add` each batch, then read `result()`. */
export class OntologyHeader {
  /** Ontology subjects (IRIs, or `_:label` for an anonymous ontology) in order of their type triple. */
  readonly #ontologies = new Set<string>();
  readonly #versionIris = new Map<string, string[]>();
  readonly #imports = new Map<string, string[]>();

  add(batch: readonly Quad[]): void {
    for (const { subject, predicate, object } of batch) {
      switch (predicate.value) {
        case RDF_TYPE:
          if (object.termType === 'NamedNode' && object.value === OWL_ONTOLOGY) this.#ontologies.add(key(subject));
          break;
        case OWL_IMPORTS:
          if (object.termType === 'NamedNode') append(this.#imports, key(subject), object.value);
          break;
        case OWL_VERSION_IRI:
          if (object.termType === 'NamedNode') append(this.#versionIris, key(subject), object.value);
          break;
      }
    }
  }

  result(): OntologyHeaderInfo {
    const ontologies = [...this.#ontologies];
    const main = ontologies.find((subject) => !subject.startsWith('_:'));
    const imports = new Set<string>();
    const names = new Set<string>();
    for (const subject of ontologies) {
      for (const iri of this.#imports.get(subject) ?? []) imports.add(iri);
      if (!subject.startsWith('_:')) names.add(subject);
      for (const iri of this.#versionIris.get(subject) ?? []) names.add(iri);
    }
    const info: OntologyHeaderInfo = { imports: [...imports], names: [...names] };
    if (main !== undefined) {
      info.ontologyIri = main;
      const versionIri = this.#versionIris.get(main)?.[0];
      if (versionIri !== undefined) info.versionIri = versionIri;
    }
    return info;
  }
}

function key(subject: Term): string {
  return subject.termType === 'BlankNode' ? `_:${subject.value}` : subject.value;
}

function append(map: Map<string, string[]>, subject: string, iri: string): void {
  const list = map.get(subject);
  if (list) list.push(iri);
  else map.set(subject, [iri]);
}
