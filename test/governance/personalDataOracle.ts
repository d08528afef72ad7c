/**
 * What the personal-data flow policy must report, worked out from the triples a store serves (parsed
 * into an N3.Store) by the rules src/governance/README.md states, without ontomesh's read model:
 * marks from `mesh:pii` and from dct:subject / dcat:theme concepts under dpv:PersonalData (walking
 * rdfs:subClassOf and skos:broader), dpv:hasPersonalData; flow edges from lineage (test/api's
 * LineageOracle), `mesh:field`, and the datasets of a product's ports, distributions and contracts.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { LineageOracle, type Kind } from '../api/lineageOracle.ts';

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const skos = 'http://www.w3.org/2004/02/skos/core#';
const dprod = 'https://ekgf.github.io/dprod/';
const dcat = 'http://www.w3.org/ns/dcat#';
const dct = 'http://purl.org/dc/terms/';
const mesh = 'https://w3id.org/ontomesh/mesh#';
const personalData = ['https://w3id.org/dpv#PersonalData', 'https://w3id.org/dpv/owl#PersonalData'];
const hasPersonalData = ['https://w3id.org/dpv#hasPersonalData', 'https://w3id.org/dpv/owl#hasPersonalData'];
const named = DataFactory.namedNode;

export type Via = 'LINEAGE' | 'PART_OF' | 'INPUT' | 'OUTPUT';

export class PersonalDataOracle {
  readonly #store: Store;
  readonly #lineage: LineageOracle;
  readonly products: string[];
  readonly datasets: string[];
  readonly fields: string[];

  constructor(quads: readonly Quad[]) {
    this.#store = new Store([...quads]);
    this.#lineage = new LineageOracle(quads);
    this.products = this.#subjects(rdfType, `${dprod}DataProduct`);
    this.datasets = this.#subjects(rdfType, `${dcat}Dataset`);
    this.fields = this.#subjects(rdfType, `${mesh}Field`);
  }

  /** Whether the concept is dpv:PersonalData or below it. */
  isPersonalConcept(iri: string, seen = new Set<string>()): boolean {
    if (personalData.includes(iri)) return true;
    if (seen.has(iri)) return false;
    seen.add(iri);
    return [...this.#objects(iri, `${rdfs}subClassOf`), ...this.#objects(iri, `${skos}broader`)].some((up) => this.isPersonalConcept(up, seen));
  }

  isMarked(node: string): boolean {
    const concepts = [...this.#objects(node, `${dct}subject`), ...this.#objects(node, `${dcat}theme`)];
    if (concepts.some((c) => this.isPersonalConcept(c))) return true;
    if (this.fields.includes(node)) return this.#objects(node, `${mesh}pii`).includes('true');
    return this.products.includes(node) && hasPersonalData.some((p) => this.#objects(node, p).length > 0);
  }

  /** Marked, or one of its output datasets or their (nested) fields is. */
  declares(product: string): boolean {
    const fieldsOf = (node: string): string[] => this.#objects(node, `${mesh}field`).flatMap((f) => [f, ...fieldsOf(f)]);
    return this.isMarked(product) || this.outputDatasets(product).some((d) => this.isMarked(d) || fieldsOf(d).some((f) => this.isMarked(f)));
  }

  outputDatasets(product: string): string[] {
    return this.#datasetsOf(product, `${dprod}outputPort`, `${dprod}outputDataset`, true);
  }

  inputDatasets(product: string): string[] {
    return this.#datasetsOf(product, `${dprod}inputPort`, `${dprod}inputDataset`, false);
  }

  /** The flow edges out of a node, as `via target`. */
  next(node: string, isSource: boolean): [Via, string][] {
    const kind: Kind = this.products.includes(node) ? 'product' : this.datasets.includes(node) ? 'dataset' : 'field';
    const out: [Via, string][] = this.#lineage.walk(kind, [node], 'DOWNSTREAM', 1).nodes.filter((n) => n !== node).map((n) => ['LINEAGE', n]);
    if (kind === 'field') {
      const dataset = this.#datasetOfField(node);
      if (dataset !== undefined) out.push(['PART_OF', dataset]);
    }
    if (kind === 'dataset') {
      for (const product of this.products) {
        if (this.outputDatasets(product).includes(node)) out.push(['PART_OF', product]);
        else if (this.inputDatasets(product).includes(node)) out.push(['INPUT', product]);
      }
    }
    if (kind === 'product' && isSource) for (const dataset of this.outputDatasets(node)) out.push(['OUTPUT', dataset]);
    return out;
  }

  /** `source>product` → the length of a shortest path (in nodes), for every violation. */
  violations(): Map<string, number> {
    const result = new Map<string, number>();
    for (const source of [...this.fields, ...this.datasets, ...this.products].filter((n) => this.isMarked(n))) {
      const distance = new Map([[source, 1]]);
      const queue = [source];
      for (let i = 0; i < queue.length; i++) {
        const node = queue[i]!;
        if (node !== source && this.products.includes(node) && !this.declares(node)) result.set(`${source}>${node}`, distance.get(node)!);
        for (const [, target] of this.next(node, node === source)) {
          if (distance.has(target)) continue;
          distance.set(target, distance.get(node)! + 1);
          queue.push(target);
        }
      }
    }
    return result;
  }

  #datasetOfField(field: string): string | undefined {
    for (let node = field; ;) {
      const parent = this.#subjects(`${mesh}field`, node)[0];
      if (parent === undefined) return undefined;
      if (this.datasets.includes(parent)) return parent;
      node = parent;
    }
  }

  #datasetsOf(product: string, portPredicate: string, datasetPredicate: string, withContracts: boolean): string[] {
    const contractDatasets = (contract: string) => this.#objects(contract, rdfType).includes(`${mesh}DataContract`)
      ? this.#subjects(`${dct}conformsTo`, contract).filter((d) => this.datasets.includes(d))
      : [];
    const found = [...this.#objects(product, datasetPredicate)];
    for (const port of this.#objects(product, portPredicate)) {
      const distributions = [...this.#objects(port, `${dprod}isAccessServiceOf`), ...this.#subjects(`${dcat}accessService`, port)];
      for (const d of distributions) found.push(...this.#objects(d, `${dprod}isDistributionOf`), ...this.#subjects(`${dcat}distribution`, d));
      found.push(...this.#objects(port, `${dct}conformsTo`).flatMap(contractDatasets));
    }
    if (withContracts) found.push(...this.#objects(product, `${mesh}contract`).flatMap(contractDatasets));
    return [...new Set(found)];
  }

  #subjects(predicate: string, object: string): string[] {
    return [...new Set(this.#store.getSubjects(named(predicate), named(object), null).map((t) => t.value))];
  }

  #objects(subject: string, predicate: string): string[] {
    return [...new Set(this.#store.getObjects(named(subject), named(predicate), null).map((t) => t.value))];
  }
}
