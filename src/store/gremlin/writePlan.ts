/**
 * Turns a batch of graph elements into write requests. A vertex is created together with the
 * literal facts of the same batch (Cosmos writes its document once, TinkerPop needs no lookup);
 * literals of vertices created earlier become guarded appends grouped by vertex; edges are grouped by
 * source vertex. Requests are packed up to what one request may hold: steps (Cosmos cancels a
 * traversal of more than 400), bindings, bytes and elements. An element group too large for one
 * request is split (a vertex keeps the literals that fit and appends the rest).
 */
import { OntomeshError } from '../../errors/index.ts';
import type { EdgeElement, GraphElement, PropertyElement } from '../../graph/elements.ts';
import type { StoreLimits } from './context.ts';
import { encodeEdge, encodeLiteral } from './factCodec.ts';
import type { IdScheme, VersionScope } from './ids.ts';
import {
  add, newVertexCost, requestOverhead, writeCosts, type EdgeGroup, type LiteralAppend, type LiteralEntry, type NewEdge, type NewVertex,
  type RequestCost, type VertexKey,
} from './scripts.ts';
import { searchTextOf } from './searchText.ts';

/** The requests of one batch, in the order they may run: all vertex requests before the others. */
export interface WritePlan {
  vertices: NewVertex[][];
  appends: LiteralAppend[][];
  edges: EdgeGroup[][];
}

type Limits = Pick<StoreLimits, 'maxBatchElements' | 'maxBindings' | 'maxRequestBytes' | 'maxSteps' | 'maxValueBytes'>;

/** Bindings kept free in every request (reads add a few; equal values share one). */
const bindingMargin = 8;

/** Plans the writes of one batch of elements of version `scope`; duplicates within the batch are dropped. */
export function planWrites(batch: readonly GraphElement[], ids: IdScheme, scope: VersionScope, limits: Limits): WritePlan {
  const key = (node: string): VertexKey => ({ id: ids.vertexId(scope, node), partition: ids.partitionOf(scope, node) });
  const created = new Map<string, NewVertex>();
  const appends = new Map<string, { vertex: VertexKey; literals: Map<string, LiteralEntry> }>();
  const edges = new Map<string, { source: VertexKey; edges: Map<string, NewEdge> }>();
  const seenLiterals = new Map<string, Set<string>>();
  for (const element of batch) {
    if (element.kind === 'vertex' && !created.has(element.id)) created.set(element.id, { ...key(element.id), node: element.id, literals: [] });
  }
  for (const element of batch) {
    if (element.kind === 'property') {
      const literal = literalEntry(element, limits.maxValueBytes);
      let seen = seenLiterals.get(element.subject);
      if (!seen) seenLiterals.set(element.subject, (seen = new Set()));
      if (seen.has(literal.value)) continue;
      seen.add(literal.value);
      const vertex = created.get(element.subject);
      if (vertex) {
        vertex.literals.push(literal);
        continue;
      }
      let group = appends.get(element.subject);
      if (!group) appends.set(element.subject, (group = { vertex: key(element.subject), literals: new Map() }));
      group.literals.set(literal.value, literal);
    } else if (element.kind === 'edge') {
      const edge = newEdge(element, key(element.object), ids, scope);
      let group = edges.get(element.subject);
      if (!group) edges.set(element.subject, (group = { source: key(element.subject), edges: new Map() }));
      group.edges.set(edge.id, edge);
    }
  }
  const budget = budgetOf(limits);
  const vertexRequests = new Packer<NewVertex>(budget);
  const overflow: LiteralAppend[] = [];
  for (const vertex of created.values()) {
    const kept = fitVertex(vertex, budget);
    if (kept.literals.length < vertex.literals.length) overflow.push({ vertex: kept, literals: vertex.literals.slice(kept.literals.length) });
    vertexRequests.push(kept, newVertexCost(kept), 1 + kept.literals.length);
  }
  const appendGroups = [...overflow, ...[...appends.values()].map((g) => ({ vertex: g.vertex, literals: [...g.literals.values()] }))];
  return {
    vertices: vertexRequests.requests(),
    appends: packAppends(appendGroups, limits),
    edges: packGroups([...edges.values()].map((g) => ({ source: g.source, edges: [...g.edges.values()] })), (g) => g.source, (g) => g.edges,
      (source, edgeList) => ({ source, edges: edgeList }), writeCosts.edgeStart, writeCosts.edge, budget),
  };
}

/** Packs guarded literal appends into requests. */
export function packAppends(groups: readonly LiteralAppend[], limits: Limits): LiteralAppend[][] {
  return packGroups(groups, (g) => g.vertex, (g) => g.literals, (vertex, literals) => ({ vertex, literals }), writeCosts.appendStart, writeCosts.append, budgetOf(limits));
}

const budgetOf = (limits: Limits): Budget => ({
  steps: limits.maxSteps, bindings: limits.maxBindings - bindingMargin, bytes: limits.maxRequestBytes, elements: limits.maxBatchElements,
});

function literalEntry(fact: PropertyElement, maxValueBytes: number): LiteralEntry {
  const value = encodeLiteral(fact);
  if (Buffer.byteLength(value) > maxValueBytes) {
    throw new OntomeshError('BAD_REQUEST', `A literal of ${fact.predicate} on ${fact.subject} is ${Buffer.byteLength(value)} bytes, over the ${maxValueBytes}-byte limit of the Gremlin store`, { term: fact.subject });
  }
  const text = searchTextOf(fact);
  return text === undefined ? { value } : { value, text };
}

function newEdge(fact: EdgeElement, target: VertexKey, ids: IdScheme, scope: VersionScope): NewEdge {
  const encoded = encodeEdge(fact);
  return { id: ids.edgeId(scope, encoded), target, label: fact.predicate, fact: encoded };
}

interface Budget extends RequestCost {
  elements: number;
}

const fits = (cost: RequestCost, elements: number, budget: Budget) =>
  cost.steps <= budget.steps && cost.bindings <= budget.bindings && cost.bytes <= budget.bytes && elements <= budget.elements;

/** The vertex with as many of its literals as fit in one request by itself (possibly none). */
function fitVertex(vertex: NewVertex, budget: Budget): NewVertex {
  let cost = add(requestOverhead, writeCosts.vertex(vertex));
  let kept = 0;
  for (const literal of vertex.literals) {
    const next = add(cost, writeCosts.literal(literal));
    if (!fits(next, 2 + kept, budget)) break;
    cost = next;
    kept++;
  }
  return kept === vertex.literals.length ? vertex : { ...vertex, literals: vertex.literals.slice(0, kept) };
}

/** Fills requests in order, starting a new one when the next item does not fit. */
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
    return fits(add(this.#cost, cost), this.#elements + elements, this.#budget);
  }

  get empty(): boolean {
    return this.#items.length === 0;
  }

  /** Adds an item, first closing the current request if the item does not fit (an item never fits nowhere: it goes alone). */
  push(item: T, cost: RequestCost, elements: number): void {
    if (!this.empty && !this.fits(cost, elements)) this.close();
    this.#items.push(item);
    this.#cost = add(this.#cost, cost);
    this.#elements += elements;
  }

  close(): void {
    if (this.empty) return;
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

/**
 * Packs groups (a vertex and its appends, a source and its edges) into requests; a group that does
 * not fit in what is left of a request continues in the next one, under the same vertex.
 */
function packGroups<G, I>(
  groups: readonly G[], keyOf: (group: G) => VertexKey, itemsOf: (group: G) => readonly I[], make: (key: VertexKey, items: I[]) => G,
  startCost: (key: VertexKey) => RequestCost, itemCost: (item: I) => RequestCost, budget: Budget,
): G[][] {
  const packer = new Packer<G>(budget);
  for (const group of groups) {
    const key = keyOf(group);
    let items: I[] = [];
    let cost = startCost(key);
    for (const item of itemsOf(group)) {
      const next = add(cost, itemCost(item));
      if (packer.fits(next, items.length + 1)) {
        cost = next;
      } else {
        // The rest of the group goes to the next request (an item too large for any goes alone).
        if (items.length) packer.push(make(key, items), cost, items.length);
        packer.close();
        items = [];
        cost = add(startCost(key), itemCost(item));
      }
      items.push(item);
    }
    if (items.length) packer.push(make(key, items), cost, items.length);
  }
  return packer.requests();
}
