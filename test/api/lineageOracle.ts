/**
 * What GraphQL must answer about lineage, worked out here from the triples of every graph the store
 * serves (exported, parsed into an N3.Store) by the rules graphql/schema.graphql states, without
 * ontomesh's read model: edges from prov:wasDerivedFrom and from processes (prov:used with
 * prov:generated or prov:wasGeneratedBy) between two products, datasets or fields; the ports or contract
 * that link two products; walks to a depth, each way on its own.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { exportText, parseText } from '../load/helpers.ts';

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const prov = 'http://www.w3.org/ns/prov#';
const dprod = 'https://ekgf.github.io/dprod/';
const dcat = 'http://www.w3.org/ns/dcat#';
const dct = 'http://purl.org/dc/terms/';
const mesh = 'https://w3id.org/ontomesh/mesh#';
const named = DataFactory.namedNode;

export type Kind = 'product' | 'dataset' | 'field';
export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

const kindClass: Record<Kind, string> = { product: `${dprod}DataProduct`, dataset: `${dcat}Dataset`, field: `${mesh}Field` };

export interface ExpectedWalk {
  /** Node IRIs, sorted. */
  nodes: string[];
  /** `from>to`, sorted. */
  edges: string[];
  truncated: boolean;
}

/** Every triple of the store's active versions. */
export async function servedQuads(store: GraphStore): Promise<Quad[]> {
  const snapshot = await store.snapshot();
  const quads: Quad[] = [];
  for (const { graphId } of snapshot.versions) quads.push(...(await parseText(await exportText(store, graphId, 'nt'), 'nt')));
  return quads;
}

export class LineageOracle {
  readonly #store: Store;
  /** By kind: `to` → its upstream `from`s; and `from>to` → the processes between them. */
  readonly #up = new Map<Kind, Map<string, Set<string>>>();
  readonly #down = new Map<Kind, Map<string, Set<string>>>();
  readonly #activities = new Map<string, Set<string>>();

  constructor(quads: readonly Quad[]) {
    this.#store = new Store([...quads]);
    for (const kind of ['product', 'dataset', 'field'] as const) {
      this.#up.set(kind, new Map());
      this.#down.set(kind, new Map());
      const members = new Set(this.subjects(rdfType, kindClass[kind]));
      const add = (from: string, to: string) => {
        if (from === to || !members.has(from) || !members.has(to)) return false;
        for (const [map, key, value] of [[this.#up, to, from], [this.#down, from, to]] as const) {
          const byKind = map.get(kind)!;
          (byKind.get(key) ?? byKind.set(key, new Set()).get(key)!).add(value);
        }
        return true;
      };
      for (const q of this.#store.getQuads(null, named(`${prov}wasDerivedFrom`), null, null)) add(q.object.value, q.subject.value);
      const processes = new Set([...this.subjects(`${prov}used`), ...this.#store.getObjects(null, named(`${prov}wasGeneratedBy`), null).map((t) => t.value)]);
      for (const process of processes) {
        const generated = [...this.objects(process, `${prov}generated`), ...this.subjects(`${prov}wasGeneratedBy`, process)];
        for (const input of this.objects(process, `${prov}used`)) {
          for (const output of generated) {
            if (!add(input, output)) continue;
            const key = `${input}>${output}`;
            (this.#activities.get(key) ?? this.#activities.set(key, new Set()).get(key)!).add(process);
          }
        }
      }
    }
  }

  subjects(predicate: string, object?: string): string[] {
    return [...new Set(this.#store.getSubjects(named(predicate), object === undefined ? null : named(object), null).map((t) => t.value))];
  }

  objects(subject: string, predicate: string): string[] {
    return [...new Set(this.#store.getObjects(named(subject), named(predicate), null).map((t) => t.value))];
  }

  /** Nodes of a kind with at least one lineage edge, sorted. */
  linked(kind: Kind): string[] {
    return [...new Set([...this.#up.get(kind)!.keys(), ...this.#down.get(kind)!.keys()])].sort();
  }

  /** The processes of an edge, sorted. */
  activities(from: string, to: string): string[] {
    return [...(this.#activities.get(`${from}>${to}`) ?? [])].sort();
  }

  /** `kind outputPort inputPort contract` for each way `to` consumes `from`, sorted. */
  via(from: string, to: string): string[] {
    const outputs = this.objects(from, `${dprod}outputPort`);
    const links: string[] = [];
    for (const input of this.objects(to, `${dprod}inputPort`)) {
      if (outputs.includes(input)) {
        links.push(`PORT ${input} ${input} null`);
        continue;
      }
      for (const output of outputs) {
        const shared = this.objects(input, `${dct}conformsTo`).filter((c) => this.objects(output, `${dct}conformsTo`).includes(c));
        for (const contract of shared.filter((c) => this.objects(c, rdfType).includes(`${mesh}DataContract`))) links.push(`CONTRACT ${output} ${input} ${contract}`);
      }
    }
    return links.sort();
  }

  /** The walk from `starts` to `depth` hops, each way on its own. */
  walk(kind: Kind, starts: readonly string[], direction: Direction, depth: number): ExpectedWalk {
    const nodes = new Set(starts);
    const edges = new Set<string>();
    let truncated = false;
    const ways: ['up' | 'down', Map<string, Set<string>>][] = [];
    if (direction !== 'DOWNSTREAM') ways.push(['up', this.#up.get(kind)!]);
    if (direction !== 'UPSTREAM') ways.push(['down', this.#down.get(kind)!]);
    for (const [way, next] of ways) {
      const key = (node: string, other: string) => (way === 'up' ? `${other}>${node}` : `${node}>${other}`);
      const seen = new Set(starts);
      let frontier = [...starts];
      for (let hop = 0; hop < depth; hop++) {
        const reached: string[] = [];
        for (const node of frontier) {
          for (const other of next.get(node) ?? []) {
            edges.add(key(node, other));
            if (!seen.has(other)) reached.push(other);
            seen.add(other);
            nodes.add(other);
          }
        }
        frontier = reached;
      }
      if (frontier.some((node) => [...(next.get(node) ?? [])].some((other) => !edges.has(key(node, other))))) truncated = true;
    }
    return { nodes: [...nodes].sort(), edges: [...edges].sort(), truncated };
  }

  /** The concept and its descendants through asserted rdfs:subClassOf and skos:broader. */
  conceptsUnder(concept: string): string[] {
    const found = new Set([concept]);
    for (const queue = [concept]; queue.length > 0; ) {
      const current = queue.pop()!;
      for (const predicate of ['http://www.w3.org/2000/01/rdf-schema#subClassOf', 'http://www.w3.org/2004/02/skos/core#broader']) {
        for (const child of this.subjects(predicate, current)) if (!found.has(child)) queue.push(child), found.add(child);
      }
    }
    return [...found];
  }

  /** The nodes of a kind annotated (dct:subject, dcat:theme) with one of `concepts`, sorted. */
  annotated(kind: Kind, concepts: readonly string[]): string[] {
    const members = new Set(this.subjects(rdfType, kindClass[kind]));
    const found = concepts.flatMap((concept) => [...this.subjects(`${dct}subject`, concept), ...this.subjects(`${dcat}theme`, concept)]);
    return [...new Set(found.filter((node) => members.has(node)))].sort();
  }

  /** The dataset a (top-level) field belongs to. */
  datasetOf(field: string): string | undefined {
    return this.subjects(`${mesh}field`, field)[0];
  }

  domainOf(product: string): string | undefined {
    return this.objects(product, `${dprod}domain`)[0];
  }
}
