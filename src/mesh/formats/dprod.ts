/**
 * DPROD (EKGF Data Product Ontology, DCAT 3) RDF -> mesh model. Products are the nodes typed
 * dprod:DataProduct; ports their dprod:inputPort / dprod:outputPort data services; distributions
 * the dprod:isAccessServiceOf (or inverse dcat:accessService) of a port; datasets the
 * dprod:isDistributionOf (or inverse dcat:distribution) of a distribution. Concepts are dcat:theme
 * and dct:subject. A blank node standing for a product, port, distribution or dataset is given the
 * IRI iris.ts mints for it (by label, else by position), in the model and in the returned triples.
 */
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store, type BlankNode, type NamedNode } from 'n3';
import { datasetIri, distributionIri, portIri, productIri } from '../iris.ts';
import type { DataProductModel, Dataset, Distribution, Owner, Port } from '../model.ts';
import { ns } from '../vocabulary.ts';
import { optional } from './json.ts';
import { domain } from './owners.ts';

const { dprod, dcat, dct, rdf, rdfs, prov } = ns;
const { namedNode, quad } = DataFactory;

type Subject = NamedNode | BlankNode;

/** The products of a DPROD graph and the graph's triples with those blank nodes named. */
export function dprodToModel(quads: readonly Quad[], file: string, baseIRI: string): { products: DataProductModel[]; quads: Quad[] } {
  const store = new Store([...quads]);
  const names = new Map<string, string>(); // blank node label -> minted IRI
  const reader = new GraphReader(store, names, baseIRI);
  const products = store.getSubjects(`${rdf}type`, `${dprod}DataProduct`, null)
    .filter((term): term is Subject => term.termType === 'NamedNode' || term.termType === 'BlankNode')
    .map((term, index) => reader.product(term, index, file));
  const named = (term: Term) => (term.termType === 'BlankNode' && names.has(term.value) ? namedNode(names.get(term.value) as string) : term);
  const rewritten = names.size === 0 ? [...quads] : quads.map((q) => quad(named(q.subject) as Quad['subject'], q.predicate, named(q.object) as Quad['object'], q.graph));
  return { products, quads: rewritten };
}

class GraphReader {
  readonly #store: Store;
  readonly #names: Map<string, string>;
  readonly #base: string;

  constructor(store: Store, names: Map<string, string>, base: string) {
    this.#store = store;
    this.#names = names;
    this.#base = base;
  }

  product(term: Subject, index: number, file: string): DataProductModel {
    const name = this.#text(term, `${rdfs}label`) ?? this.#text(term, `${dct}title`);
    const domainTerm = this.#object(term, `${dprod}domain`);
    const domainName = domainTerm && (this.#text(domainTerm, `${rdfs}label`) ?? localName(domainTerm.value));
    const iri = this.#name(term, () => productIri(domainName, name ?? `product-${index + 1}`));
    const status = this.#object(term, `${dprod}lifecycleStatus`);
    const ownerTerm = this.#object(term, `${dprod}dataProductOwner`);
    const ports = (predicate: string, kind: 'input' | 'output') => this.#objects(term, predicate).map((port, n) => this.#port(port, iri, kind, n));
    return {
      iri,
      id: term.termType === 'NamedNode' ? term.value : iri,
      ...optional('name', name),
      ...optional('title', this.#text(term, `${dct}title`)),
      ...optional('description', this.#text(term, `${dct}description`)),
      ...optional('purpose', this.#text(term, `${dprod}purpose`)),
      ...optional('version', this.#text(term, `${dcat}version`)),
      ...optional('status', status && (this.#text(status, `${rdfs}label`) ?? localName(status.value))),
      ...optional('lifecycleStatus', status?.termType === 'NamedNode' ? status.value : undefined),
      ...optional('domain', domainTerm?.termType === 'NamedNode' ? { ...domain(domainName ?? domainTerm.value), iri: domainTerm.value } : undefined),
      ...optional('owner', ownerTerm?.termType === 'NamedNode' ? this.#owner(ownerTerm) : undefined),
      ...this.#annotations(term),
      inputPorts: ports(`${dprod}inputPort`, 'input'),
      outputPorts: ports(`${dprod}outputPort`, 'output'),
      contracts: [],
      slos: [],
      derivedFrom: this.#objects(term, `${prov}wasDerivedFrom`).map((upstream) => upstream.value),
      source: { format: 'dprod', file },
    };
  }

  #port(term: Subject, product: string, kind: 'input' | 'output', index: number): Port {
    const name = this.#text(term, `${rdfs}label`) ?? this.#text(term, `${dct}title`) ?? this.#text(term, `${dct}identifier`);
    const iri = this.#name(term, () => portIri(product, kind, name ?? String(index + 1)));
    const id = iri;
    const distributions = unique([...this.#objects(term, `${dprod}isAccessServiceOf`), ...this.#subjects(`${dcat}accessService`, term)]);
    const protocol = this.#object(term, `${dprod}protocol`);
    return {
      iri,
      kind,
      id,
      ...optional('name', name),
      ...optional('description', this.#text(term, `${dct}description`)),
      ...optional('version', this.#text(term, `${dcat}version`)),
      ...optional('protocol', protocol && (this.#text(protocol, `${rdfs}label`) ?? protocol.value)),
      ...optional('endpointUrl', this.#values(term, `${dcat}endpointURL`)[0]),
      ...optional('endpointDescription', this.#values(term, `${dcat}endpointDescription`)[0]),
      tags: this.#texts(term, `${dcat}keyword`),
      contracts: [],
      conformsTo: this.#values(term, `${dct}conformsTo`),
      distributions: distributions.map((distribution, n) => this.#distribution(distribution, iri, n)),
      slos: [],
    };
  }

  #distribution(term: Subject, port: string, index: number): Distribution {
    const datasetTerm = unique([...this.#objects(term, `${dprod}isDistributionOf`), ...this.#subjects(`${dcat}distribution`, term)])[0];
    const dataset = datasetTerm ? this.#dataset(datasetTerm, port, index) : undefined;
    const iri = this.#name(term, () => distributionIri(port, dataset ? localName(dataset.iri) : String(index + 1)));
    return {
      iri,
      ...optional('dataset', dataset),
      ...optional('format', this.#values(term, `${dct}format`)[0]),
      conformsTo: this.#values(term, `${dct}conformsTo`),
    };
  }

  #dataset(term: Subject, port: string, index: number): Dataset {
    const title = this.#text(term, `${dct}title`);
    const label = this.#text(term, `${rdfs}label`) ?? this.#text(term, `${dct}identifier`);
    const iri = this.#name(term, () => datasetIri(port, label ?? title ?? String(index + 1)));
    return {
      iri,
      id: iri,
      ...optional('title', title ?? label),
      ...optional('description', this.#text(term, `${dct}description`)),
      conformsTo: this.#values(term, `${dct}conformsTo`),
      ...this.#annotations(term),
      fields: [],
      ...this.#upstreams(term),
    };
  }

  /** The node's prov:wasDerivedFrom (dataset-level lineage in DPROD's own vocabulary, PROV-O). */
  #upstreams(term: Subject): { derivedFrom?: string[] } {
    const upstream = this.#objects(term, `${prov}wasDerivedFrom`).filter((o) => o.termType === 'NamedNode').map((o) => o.value);
    return upstream.length > 0 ? { derivedFrom: upstream } : {};
  }

  #owner(term: NamedNode): Owner {
    const organization = this.#store.has(quad(term, namedNode(`${rdf}type`), namedNode(`${prov}Organization`)));
    return { iri: term.value, id: term.value, kind: organization ? 'organization' : 'person', ...optional('name', this.#text(term, `${rdfs}label`)) };
  }

  #annotations(term: Subject): { tags: string[]; concepts: string[]; links: string[] } {
    return {
      tags: this.#texts(term, `${dcat}keyword`),
      concepts: unique([...this.#objects(term, `${dcat}theme`), ...this.#objects(term, `${dct}subject`)]).map((concept) => concept.value),
      links: this.#objects(term, `${rdfs}seeAlso`).map((link) => link.value),
    };
  }

  /** The term's IRI, or the IRI minted (once) for a blank node. */
  #name(term: Subject, mint: () => string): string {
    if (term.termType === 'NamedNode') return term.value;
    let iri = this.#names.get(term.value);
    if (!iri) {
      iri = mint();
      this.#names.set(term.value, iri);
    }
    return iri;
  }

  #objects(subject: Subject, predicate: string): Subject[] {
    return this.#store.getObjects(subject, predicate, null).filter((term): term is Subject => term.termType === 'NamedNode' || term.termType === 'BlankNode');
  }

  #subjects(predicate: string, object: Subject): Subject[] {
    return this.#store.getSubjects(predicate, object, null).filter((term): term is Subject => term.termType === 'NamedNode' || term.termType === 'BlankNode');
  }

  #object(subject: Subject, predicate: string): Subject | undefined {
    return this.#objects(subject, predicate)[0];
  }

  /**
   * The values of the objects, IRIs and literals alike; an IRI the descriptor wrote as a relative
   * reference (`application/parquet`) is given as written.
   */
  #values(subject: Subject, predicate: string): string[] {
    return this.#store.getObjects(subject, predicate, null).filter((term) => term.termType !== 'BlankNode')
      .map((term) => (term.termType === 'NamedNode' && term.value.startsWith(this.#base) ? term.value.slice(this.#base.length) : term.value));
  }

  #texts(subject: Subject, predicate: string): string[] {
    return this.#store.getObjects(subject, predicate, null).filter((term) => term.termType === 'Literal').map((term) => term.value);
  }

  #text(subject: Subject, predicate: string): string | undefined {
    return this.#texts(subject, predicate)[0];
  }
}

function unique<T extends Term>(terms: T[]): T[] {
  return terms.filter((term, index) => terms.findIndex((other) => other.equals(term)) === index);
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
}

