/**
 * Turns a batch of graph elements into write requests. A vertex is created together with the
 * literal facts of the same batch (Cosmos writes its document once, TinkerPop needs no lookup);
 * literals of vertices created earlier become guarded appends; edges are grouped by source vertex.
 * Requests are packed up to what one request may hold: steps (Cosmos cancels a traversal of more
 * than 400), bindings, bytes and elements. A vertex's literals are written in values of at most
 * `maxLiteralValueBytes` (the first with the vertex, the others as appends), and an edge group too
 * large for one request continues in the next.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { EdgeElement, GraphElement, PropertyElement } from '../../graph/elements.ts';
import type { StoreLimits } from './context.ts';
import { edgeKey, encodeEdge, encodeLiteral, encodeLiterals } from './factCodec.ts';
import type { IdScheme, VersionScope } from './ids.ts';
import type { VertexKey } from './scripts.ts';
import { searchTextsOf } from './searchText.ts';
import {
  add, requestOverhead, writeCosts, type EdgeGroup, type LiteralAppend, type LiteralEntry, type NewEdge, type NewVertex, type RequestCost,
} from './writeScripts.ts';

/** The requests of one batch, in the order they may run: all vertex requests before the others. */
export interface WritePlan {
  vertices: NewVertex[][];
  appends: LiteralAppend[][];
  edges: EdgeGroup[][];
}

type Limits = Pick<StoreLimits, 'maxBatchElements' | 'maxBindings' | 'maxRequestBytes' | 'maxSteps' | 'maxValueBytes'>;

/** Bindings kept free in every request (equal values share one, so this is only a margin). */
const bindingMargin = 8;
/** Literal facts of one vertex are written in values of at most this size (a Cosmos document grows by it). */
const maxLiteralValueBytes = 64 * 1024;

/** The ids and partitions of the vertices of one version, remembered for a while (hubs are mentioned by thousands of facts). */
export class VertexKeys {
  readonly ids: IdScheme;
  readonly scope: VersionScope;
  readonly #known = new Map<string, VertexKey>();

  constructor(ids: IdScheme, scope: VersionScope) {
    this.ids = ids;
    this.scope = scope;
  }

  of(node: string): VertexKey {
    let key = this.#known.get(node);
    if (!key) {
      if (this.#known.size >= 100_000) this.#known.clear();
      key = { id: this.ids.vertexId(this.scope, node), partition: this.ids.partitionOf(this.scope, node) };
      this.#known.set(node, key);
    }
    return key;
  }
}

/** Plans the writes of one batch of elements; duplicates within the batch are dropped. */
export function planWrites(batch: readonly GraphElement[], keys: VertexKeys, limits: Limits): WritePlan {
  const key = (node: string) => keys.of(node);
  const { ids, scope } = keys;
  const created = new Set<string>();
  const literals = new Map<string, Map<string, PropertyElement>>();
  const edges = new Map<string, { source: VertexKey; edges: Map<string, NewEdge> }>();
  for (const element of batch) {
    if (element.kind === 'vertex') {
      created.add(element.id);
    } else if (element.kind === 'property') {
      const encoded = encodeLiteral(element);
      if (Buffer.byteLength(encoded) > limits.maxValueBytes) {
        throw new OntomeshError('BAD_REQUEST', `A literal of ${element.predicate} on ${element.subject} is ${Buffer.byteLength(encoded)} bytes, over the ${limits.maxValueBytes}-byte limit of the Gremlin store`, { term: element.subject });
      }
      let facts = literals.get(element.subject);
      if (!facts) literals.set(element.subject, (facts = new Map()));
      facts.set(encoded, element);
    } else {
      const edge = newEdge(element, key(element.object), ids, scope);
      let group = edges.get(element.subject);
      if (!group) edges.set(element.subject, (group = { source: key(element.subject), edges: new Map() }));
      group.edges.set(edge.id, edge);
    }
  }
  const budget = budgetOf(limits);
  const vertices = new Packer<NewVertex>(budget);
  const appends: LiteralAppend[] = [];
  for (const node of created) {
    const [first, ...rest] = literalEntries([...(literals.get(node)?.values() ?? [])]);
    const vertex: NewVertex = first ? { ...key(node), node, literal: first } : { ...key(node), node };
    vertices.push(vertex, writeCosts.vertex(vertex), 1 + (first?.count ?? 0));
    for (const literal of rest) appends.push({ vertex: key(node), literal });
  }
  for (const [node, facts] of literals) {
    if (!created.has(node)) for (const literal of literalEntries([...facts.values()])) appends.push({ vertex: key(node), literal });
  }
  return {
    vertices: vertices.requests(),
    appends: packAppends(appends, limits),
    edges: packEdges([...edges.values()].map((g) => ({ source: g.source, edges: [...g.edges.values()] })), budget),
  };
}

/** Packs guarded literal appends into requests. */
export function packAppends(appends: readonly LiteralAppend[], limits: Limits): LiteralAppend[][] {
  const packer = new Packer<LiteralAppend>(budgetOf(limits));
  for (const append of appends) packer.push(append, writeCosts.append(append), append.literal.count);
  return packer.requests();
}

const budgetOf = (limits: Limits): Budget => ({
  steps: limits.maxSteps, bindings: limits.maxBindings - bindingMargin, bytes: limits.maxRequestBytes, elements: limits.maxBatchElements,
});

/** The literal facts of one vertex as `f`/`t` values of at most maxLiteralValueBytes each (a larger fact alone). */
function literalEntries(facts: readonly PropertyElement[]): LiteralEntry[] {
  const entries: LiteralEntry[] = [];
  let part: PropertyElement[] = [];
  let bytes = 0;
  const flush = () => {
    if (!part.length) return;
    const text = searchTextsOf(part);
    entries.push(text === undefined ? { value: encodeLiterals(part), count: part.length } : { value: encodeLiterals(part), text, count: part.length });
    part = [];
    bytes = 0;
  };
  for (const fact of facts) {
    const size = Buffer.byteLength(encodeLiteral(fact)) + 1;
    if (part.length && bytes + size > maxLiteralValueBytes) flush();
    part.push(fact);
    bytes += size;
  }
  flush();
  return entries;
}

function newEdge(fact: EdgeElement, target: VertexKey, ids: IdScheme, scope: VersionScope): NewEdge {
  const id = ids.edgeId(scope, edgeKey(fact));
  const edge: NewEdge = { id, target, label: fact.predicate };
  if (ids.edgeKeyOf(id) === undefined) edge.fact = encodeEdge(fact);
  return edge;
}

interface Budget extends RequestCost {
  elements: number;
}

/** Fills requests in order, starting a new one when the next item does not fit (an item too large for any goes alone). */
class Packer<T> {
  readonly #budget: Budget;
  readonly #requests: T[][] = [];
  #items: T[] = [];
  #cost: RequestCost = requestOverhead;
  #elements = 0;

  constructor(budget: Budget) {
    this.#budget = budget;
  }

  /** True when an item of this cost fits in the current request. */
  fits(cost: RequestCost, elements: number): boolean {
    const total = add(this.#cost, cost);
    const budget = this.#budget;
    return total.steps <= budget.steps && total.bindings <= budget.bindings && total.bytes <= budget.bytes && this.#elements + elements <= budget.elements;
  }

  push(item: T, cost: RequestCost, elements: number): void {
    if (this.#items.length && !this.fits(cost, elements)) this.close();
    this.#items.push(item);
    this.#cost = add(this.#cost, cost);
    this.#elements += elements;
  }

  close(): void {
    if (!this.#items.length) return;
    this.#requests.push(this.#items);
    this.#items = [];
    this.#cost = requestOverhead;
    this.#elements = 0;
  }

  requests(): T[][] {
    this.close();
    return this.#requests;
  }
}

/** Packs edge groups into requests; a group that does not fit in what is left of a request continues in the next one. */
function packEdges(groups: readonly EdgeGroup[], budget: Budget): EdgeGroup[][] {
  const packer = new Packer<EdgeGroup>(budget);
  for (const { source, edges } of groups) {
    let part: NewEdge[] = [];
    let cost = writeCosts.edgeStart(source);
    for (const edge of edges) {
      const next = add(cost, writeCosts.edge(edge));
      if (packer.fits(next, part.length + 1)) {
        cost = next;
      } else {
        if (part.length) packer.push({ source, edges: part }, cost, part.length);
        packer.close();
        part = [];
        cost = add(writeCosts.edgeStart(source), writeCosts.edge(edge));
      }
      part.push(edge);
    }
    if (part.length) packer.push({ source, edges: part }, cost, part.length);
  }
  return packer.requests();
}
