/**
 * What GraphQL must answer about the concepts and properties of an ontology, worked out here straight
 * from its parsed triples (an N3.Store) by the RDF, RDFS, OWL 2 and SKOS rules as graphql/schema.graphql,
 * src/api/README.md and src/ontology/README.md state them, without ontomesh's own code.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';

const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const owl = 'http://www.w3.org/2002/07/owl#';
const xsd = 'http://www.w3.org/2001/XMLSchema#';
const skos = 'http://www.w3.org/2004/02/skos/core#';
const named = DataFactory.namedNode;

const conceptTypes = [`${owl}Class`, `${rdfs}Class`, `${owl}DeprecatedClass`, `${skos}Concept`];
const broader = [`${rdfs}subClassOf`, `${skos}broader`];
const labelPredicates = [`${skos}prefLabel`, `${rdfs}label`];
const properDefinitionPredicates = [`${skos}definition`, 'http://purl.obolibrary.org/obo/IAO_0000115'];
const definitionPredicates = [...properDefinitionPredicates, `${rdfs}comment`];
/** OWL 2 RDF mapping: these types declare an object property (the characteristics imply it). */
const objectPropertyTypes = ['ObjectProperty', 'InverseFunctionalProperty', 'TransitiveProperty', 'SymmetricProperty', 'AsymmetricProperty', 'ReflexiveProperty', 'IrreflexiveProperty'].map((t) => `${owl}${t}`);
/** Property types that do not say the kind. */
const kindlessPropertyTypes = [`${rdf}Property`, `${owl}FunctionalProperty`, `${owl}DeprecatedProperty`];
/** The OWL characteristics a property's rdf:type states, with their names in graphql/schema.graphql, in its enum's order. */
const characteristicTypes = ([
  ['FunctionalProperty', 'FUNCTIONAL'], ['InverseFunctionalProperty', 'INVERSE_FUNCTIONAL'], ['TransitiveProperty', 'TRANSITIVE'],
  ['SymmetricProperty', 'SYMMETRIC'], ['AsymmetricProperty', 'ASYMMETRIC'], ['ReflexiveProperty', 'REFLEXIVE'], ['IrreflexiveProperty', 'IRREFLEXIVE'],
] as const).map(([type, name]) => [`${owl}${type}`, name] as const);
const subPropertyOf = `${rdfs}subPropertyOf`;
const inverseOf = `${owl}inverseOf`;
const equivalentProperty = `${owl}equivalentProperty`;

export interface ExpectedText {
  /** Every value as `language|value` (language lower-cased, '' for none), sorted. */
  all: string[];
  /** The values the one-text field may answer (the best ones, equally good by the documented rule). */
  best: string[];
}

export interface ExpectedConcept {
  iri: string;
  labels: ExpectedText;
  definitions: ExpectedText;
  deprecated: boolean;
  /** Named direct super-concepts, sorted. */
  superConcepts: string[];
}

export type ExpectedKind = 'OBJECT' | 'DATATYPE' | 'ANNOTATION' | 'RDF';

export interface ExpectedProperty {
  iri: string;
  kind: ExpectedKind;
  deprecated: boolean;
  /** False for an IRI only owl:inverseOf, rdfs:subPropertyOf or owl:equivalentProperty names. */
  defined: boolean;
  /** Enum names, in the enum's order. */
  characteristics: string[];
  /** Named IRIs related by owl:inverseOf, stated either way round, sorted. */
  inverses: string[];
  /** Named direct rdfs:subPropertyOf IRIs, and the named IRIs that are direct rdfs:subPropertyOf of it, sorted. */
  superProperties: string[];
  subProperties: string[];
  /** Every named super-property through rdfs:subPropertyOf and owl:equivalentProperty (both ways), itself left out, sorted. */
  ancestors: string[];
  /** rdfs:domain / rdfs:range IRIs, sorted (class expressions are blank nodes, so no IRI). */
  domains: string[];
  ranges: string[];
  labels: ExpectedText;
  definitions: ExpectedText;
}

/** Reads an ontology's triples and answers what its concepts and properties are. */
export class ConceptOracle {
  readonly #store: Store;

  constructor(quads: readonly Quad[]) {
    this.#store = new Store([...quads]);
  }

  /**
   * The concepts GraphQL must know: IRIs typed as a class or a SKOS concept, and every IRI related by
   * rdfs:subClassOf or skos:broader (their domain and range are classes and concepts).
   */
  conceptIris(): string[] {
    const iris = new Set<string>();
    for (const type of conceptTypes) for (const s of this.#subjects(`${rdf}type`, type)) iris.add(s);
    for (const predicate of broader) {
      for (const quad of this.#store.match(null, named(predicate), null)) {
        for (const term of [quad.subject, quad.object]) if (term.termType === 'NamedNode') iris.add(term.value);
      }
    }
    return [...iris].sort();
  }

  concept(iri: string): ExpectedConcept {
    return {
      iri,
      labels: this.#texts(iri, labelPredicates),
      definitions: this.#definitions(iri),
      deprecated: this.#deprecated(iri, `${owl}DeprecatedClass`),
      superConcepts: this.#superConcepts(iri),
    };
  }

  /** Named subjects declared as properties (OWL kinds, their characteristics, or rdf:Property). */
  propertyIris(): string[] {
    const iris = new Set<string>();
    for (const type of [...objectPropertyTypes, `${owl}DatatypeProperty`, `${owl}AnnotationProperty`, ...kindlessPropertyTypes]) {
      for (const s of this.#subjects(`${rdf}type`, type)) iris.add(s);
    }
    return [...iris].sort();
  }

  /**
   * Named IRIs owl:inverseOf, rdfs:subPropertyOf or owl:equivalentProperty relate (at either end) that are not declared
   * properties: the vocabulary makes them properties (OWL 2 relates object properties by owl:inverseOf), of which only the IRI is known.
   */
  undeclaredPropertyIris(): string[] {
    const declared = new Set(this.propertyIris());
    const iris = new Set<string>();
    for (const predicate of [inverseOf, subPropertyOf, equivalentProperty]) {
      for (const quad of this.#store.match(null, named(predicate), null)) {
        if (quad.subject.termType !== 'NamedNode') continue;
        for (const term of [quad.subject, quad.object]) if (term.termType === 'NamedNode' && !declared.has(term.value)) iris.add(term.value);
      }
    }
    return [...iris].sort();
  }

  property(iri: string): ExpectedProperty {
    const types = new Set(this.#objects(iri, `${rdf}type`).map((t) => t.value));
    const inverses = new Set([...this.#namedObjects(iri, inverseOf), ...this.#namedSubjects(inverseOf, iri)]);
    const defined = [...objectPropertyTypes, `${owl}DatatypeProperty`, `${owl}AnnotationProperty`, ...kindlessPropertyTypes].some((t) => types.has(t));
    // An IRI declared with two kinds (an OWL 2 DL violation) is served with the first of these.
    const kind: ExpectedKind = objectPropertyTypes.some((t) => types.has(t)) ? 'OBJECT'
      : types.has(`${owl}DatatypeProperty`) ? 'DATATYPE' : types.has(`${owl}AnnotationProperty`) ? 'ANNOTATION'
        : !defined && inverses.size > 0 ? 'OBJECT' : 'RDF';
    return {
      iri, kind, defined,
      characteristics: characteristicTypes.filter(([type]) => types.has(type)).map(([, name]) => name),
      inverses: [...inverses].sort(),
      superProperties: this.#namedObjects(iri, subPropertyOf).filter((other) => other !== iri),
      subProperties: this.#namedSubjects(subPropertyOf, iri).filter((other) => other !== iri),
      ancestors: this.#ancestorProperties(iri),
      deprecated: this.#deprecated(iri, `${owl}DeprecatedProperty`),
      domains: this.#namedObjects(iri, `${rdfs}domain`),
      ranges: this.#namedObjects(iri, `${rdfs}range`),
      labels: this.#texts(iri, labelPredicates),
      definitions: this.#definitions(iri),
    };
  }

  /**
   * The literals of `predicates`, and the best of those of `pickFrom` (most preferred first) as
   * schema.graphql's label / definition without a language pick it: a value without a language, else in
   * English, else any; among equally good languages, the more preferred predicate.
   */
  #texts(iri: string, predicates: readonly string[], pickFrom = predicates): ExpectedText {
    const all = new Set<string>();
    for (const predicate of predicates) for (const term of this.#literals(iri, predicate)) all.add(`${term.language.toLowerCase()}|${term.value}`);
    let best: string[] = [];
    let bestRank = Infinity;
    pickFrom.forEach((predicate, order) => {
      for (const term of this.#literals(iri, predicate)) {
        const language = term.language.toLowerCase();
        const rank = (language === '' ? 0 : language === 'en' || language.startsWith('en-') ? 1 : 2) * pickFrom.length + order;
        if (rank < bestRank) [best, bestRank] = [[term.value], rank];
        else if (rank === bestRank && !best.includes(term.value)) best.push(term.value);
      }
    });
    return { all: [...all].sort(), best };
  }

  /** Definitions: `definition` is picked from the definitions proper, from rdfs:comment only when there is none. */
  #definitions(iri: string): ExpectedText {
    const proper = properDefinitionPredicates.some((predicate) => this.#literals(iri, predicate).length > 0);
    return this.#texts(iri, definitionPredicates, proper ? properDefinitionPredicates : [`${rdfs}comment`]);
  }

  /** owl:deprecated with a true xsd:boolean (or the plain string "true"), or typed `deprecatedType`. */
  #deprecated(iri: string, deprecatedType: string): boolean {
    if (this.#store.countQuads(named(iri), named(`${rdf}type`), named(deprecatedType), null) > 0) return true;
    return this.#objects(iri, `${owl}deprecated`).some((term) => {
      if (term.termType !== 'Literal') return false;
      const datatype = (term as Literal).datatype.value;
      if (datatype === `${xsd}boolean`) return term.value.trim() === 'true' || term.value.trim() === '1';
      return datatype === `${xsd}string` && term.value === 'true';
    });
  }

  /**
   * Named objects of rdfs:subClassOf and skos:broader, and (src/ontology/README.md) the named operands
   * of an owl:intersectionOf that is the object of the concept's rdfs:subClassOf or owl:equivalentClass:
   * C ≡ A ⊓ ∃p.B and C ⊑ A ⊓ B each make A a direct super class.
   */
  #superConcepts(iri: string): string[] {
    const supers = new Set<string>();
    for (const predicate of broader) for (const term of this.#objects(iri, predicate)) if (term.termType === 'NamedNode') supers.add(term.value);
    for (const predicate of [`${rdfs}subClassOf`, `${owl}equivalentClass`]) {
      for (const term of this.#objects(iri, predicate)) {
        if (term.termType !== 'BlankNode') continue;
        for (const list of this.#store.getObjects(term, named(`${owl}intersectionOf`), null)) {
          for (const operand of this.#list(list)) if (operand.termType === 'NamedNode') supers.add(operand.value);
        }
      }
    }
    supers.delete(iri);
    return [...supers].sort();
  }

  /** The members of an RDF collection. */
  #list(head: Term): Term[] {
    const members: Term[] = [];
    for (let node: Term | undefined = head; node !== undefined && node.value !== `${rdf}nil`; node = this.#store.getObjects(node, named(`${rdf}rest`), null)[0]) {
      members.push(...this.#store.getObjects(node, named(`${rdf}first`), null));
    }
    return members;
  }

  #literals(iri: string, predicate: string): Literal[] {
    return this.#objects(iri, predicate).filter((term): term is Literal => term.termType === 'Literal');
  }

  #objects(iri: string, predicate: string): Term[] {
    return this.#store.getObjects(named(iri), named(predicate), null);
  }

  #namedObjects(iri: string, predicate: string): string[] {
    return [...new Set(this.#objects(iri, predicate).filter((t) => t.termType === 'NamedNode').map((t) => t.value))].sort();
  }

  /** Breadth first up rdfs:subPropertyOf and across owl:equivalentProperty (a sub-property both ways), through named IRIs only. */
  #ancestorProperties(iri: string): string[] {
    const seen = new Set([iri]);
    for (const queue = [iri]; queue.length > 0; ) {
      const current = queue.shift()!;
      const above = [...this.#namedObjects(current, subPropertyOf), ...this.#namedObjects(current, equivalentProperty), ...this.#namedSubjects(equivalentProperty, current)];
      for (const other of above) if (!seen.has(other)) queue.push(other), seen.add(other);
    }
    seen.delete(iri);
    return [...seen].sort();
  }

  #namedSubjects(predicate: string, object: string): string[] {
    return [...new Set(this.#subjects(predicate, object))].sort();
  }

  #subjects(predicate: string, object: string): string[] {
    return this.#store.getSubjects(named(predicate), named(object), null).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
  }
}
