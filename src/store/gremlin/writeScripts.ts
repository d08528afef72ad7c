/**
 * The write templates and what each element costs in a request. Writes are batches of independent
 * branches, `g.inject(0).union(b1, b2, …).count()`, nested so that no union has more than a few
 * branches: TinkerPop prepares a traversal in time that grows with the square of a union's branch
 * count and of a chain's length, so short branches in a shallow tree keep the per-element cost flat.
 * Per element the templates use as few steps as they can, since each step costs the server parsing
 * and strategy work: a vertex is created with the literals of its batch as one `f` value and one `t`
 * value, its id holds its IRI and an edge's id its fact (ids.ts, factCodec.ts).
 *
 * Only steps on Cosmos DB's list; `V()` inside a traversal only at the start of a `union()` branch
 * (Microsoft's own workaround for the index limit of mid-traversal `V()`) and in `addE().to(…)`.
 * Cosmos cancels a traversal of more than 400 steps: `writeCosts` lets writePlan.ts pack requests
 * under that limit (a test holds costs and templates together).
 */
import type { Dialect } from './dialect.ts';
import type { IdScheme } from './ids.ts';
import { ScriptBuilder, type Script } from './ScriptBuilder.ts';
import { labels, type VertexKey } from './scripts.ts';

/** Literal facts written together to one vertex: one `f` value (factCodec.encodeLiterals) and their search texts. */
export interface LiteralEntry {
  value: string;
  /** The `t` value (searchText.searchTextsOf), when a fact is indexed. */
  text?: string;
  /** How many facts the value holds. */
  count: number;
}

/** A vertex to create, with the literal facts it starts with. */
export interface NewVertex extends VertexKey {
  node: string;
  literal?: LiteralEntry;
}

/** Literal facts to add to an existing vertex. */
export interface LiteralAppend {
  vertex: VertexKey;
  literal: LiteralEntry;
}

/** An edge to create from a source vertex: id (holding the fact), target, predicate IRI, and the fact when the id cannot hold it. */
export interface NewEdge {
  id: string;
  target: VertexKey;
  label: string;
  fact?: string;
}

/** The new edges of one source vertex. */
export interface EdgeGroup {
  source: VertexKey;
  edges: NewEdge[];
}

/** What an element adds to a write request. */
export interface RequestCost {
  /** Gremlin steps (Cosmos DB cancels a traversal of more than 400). */
  steps: number;
  /** Bindings, before equal values are shared. */
  bindings: number;
  /** Approximate bytes of script text and bound values. */
  bytes: number;
}

/** Steps, bindings and bytes every write request has besides its elements (inject, union, count). */
export const requestOverhead: RequestCost = { steps: 3, bindings: 0, bytes: 64 };

const isDigestVertex = (id: string) => id.includes('|~');
const literalCost = (literal: LiteralEntry | undefined): RequestCost => literal === undefined
  ? { steps: 0, bindings: 0, bytes: 0 }
  : { steps: literal.text === undefined ? 1 : 2, bindings: literal.text === undefined ? 1 : 2, bytes: 50 + 2 * (literal.value.length + (literal.text?.length ?? 0)) };

/**
 * What each write element costs, counted the way Cosmos counts (every step, those in nested
 * traversals too, with the partition-key filters Cosmos needs). A union branch adds one step for its
 * share of the union tree; a vertex, part of a chain, a quarter step.
 */
export const writeCosts = {
  vertex: (v: NewVertex): RequestCost => add(literalCost(v.literal), {
    steps: 3.25 + (isDigestVertex(v.id) ? 1 : 0), bindings: isDigestVertex(v.id) ? 3 : 2, bytes: 100 + 2 * (v.id.length + (isDigestVertex(v.id) ? v.node.length : 0)),
  }),
  append: (a: LiteralAppend): RequestCost => add(literalCost(a.literal), { steps: 7, bindings: 2, bytes: 130 + 2 * a.vertex.id.length }),
  /** The start of a branch adding the edges of one source vertex. */
  edgeStart: (key: VertexKey): RequestCost => ({ steps: 3, bindings: 2, bytes: 60 + 2 * key.id.length }),
  /** One edge (after the first of its branch, one more step back to the source). */
  edge: (edge: NewEdge): RequestCost => ({
    steps: edge.fact === undefined ? 6 : 7, bindings: edge.fact === undefined ? 4 : 5,
    bytes: 130 + 2 * (edge.id.length + edge.target.id.length + edge.label.length + (edge.fact?.length ?? 0)),
  }),
};

/** Adds two costs. */
export function add(a: RequestCost, b: RequestCost): RequestCost {
  return { steps: a.steps + b.steps, bindings: a.bindings + b.bindings, bytes: a.bytes + b.bytes };
}

/**
 * Vertex chains are cut at this many steps: TinkerPop prepares a chain in time that grows with the
 * square of its length (placeholder steps replaced one by one), and Groovy compiles one recursively.
 */
const maxChainSteps = 100;
/**
 * Branches per union: TinkerPop's preparation of a union grows with the square of its branch count,
 * and with the depth of nested unions (parents are hashed whole). 16 measured best for 50–60 branches.
 */
const unionFanOut = 16;

/** Nests branches into unions of at most `unionFanOut` branches: `b1, b2` or `__.union(b1, …), __.union(…)`. */
function unionTree(branches: readonly string[]): string {
  if (branches.length <= unionFanOut) return branches.join(', ');
  const size = Math.max(unionFanOut, Math.ceil(branches.length / unionFanOut));
  const groups: string[] = [];
  for (let i = 0; i < branches.length; i += size) groups.push(`__.union(${unionTree(branches.slice(i, i + size))})`);
  return groups.join(', ');
}

/** Renders the write scripts of one store. */
export class WriteScripts {
  readonly #dialect: Dialect;
  readonly #pk: string;
  readonly #ids: IdScheme;

  constructor(dialect: Dialect, pkKey: string, ids: IdScheme) {
    this.#dialect = dialect;
    this.#pk = pkKey;
    this.#ids = ids;
  }

  /** Blind insert of new vertices with their literals, in chains; fails on an id that exists. */
  addVertices(vertices: readonly NewVertex[]): Script {
    const b = new ScriptBuilder();
    const chains: string[] = [];
    let chain = '';
    let steps = 0;
    for (const v of vertices) {
      const cost = writeCosts.vertex(v).steps;
      if (chain && steps + cost > maxChainSteps) {
        chains.push(chain);
        chain = '';
        steps = 0;
      }
      chain += `.addV('${labels.node}')${this.#dialect.setId(b.bind(v.id))}.property('${this.#pk}', ${b.bind(v.partition)})`;
      // A new vertex has one value per key: no cardinality, so TinkerPop folds the properties into addV().
      if (this.#ids.nodeOf(v.id) === undefined) chain += `.property('n', ${b.bind(v.node)})`;
      if (v.literal) chain += this.#literal(b, v.literal, '');
      steps += cost;
    }
    if (chain) chains.push(chain);
    return b.add(`${this.#dialect.writeSource}.inject(0).union(${unionTree(chains.map((c) => `__${c}`))}).count()`).build('addVertices');
  }

  /**
   * Adds literal facts (and their search texts) to existing vertices, each value unless the vertex
   * holds it already, so the request is idempotent. Returns how many branches found their vertex:
   * fewer than asked means a fact came before its subject vertex.
   */
  appendLiterals(appends: readonly LiteralAppend[]): Script {
    const b = new ScriptBuilder();
    const branches = appends.map(({ vertex, literal }) => {
      const start = this.#dialect.nestedRead(b.bind, this.#pk, vertex.partition, vertex.id, 'branch');
      return `${start}.optional(__.not(__.properties('f').hasValue(${b.bind(literal.value)}))${this.#literal(b, literal, 'list, ')})`;
    });
    return b.add(`${this.#dialect.writeSource}.inject(0).union(${unionTree(branches)}).count()`).build('appendLiterals');
  }

  /**
   * Blind insert of edges with deterministic ids, one branch per source vertex (each vertex is read
   * once); returns how many branches wrote all their edges. Fails on an id that exists.
   */
  addEdges(groups: readonly EdgeGroup[]): Script {
    const b = new ScriptBuilder();
    const branches = groups.map((group) => {
      let text = this.#dialect.nestedRead(b.bind, this.#pk, group.source.partition, group.source.id, 'branch');
      group.edges.forEach((edge, i) => {
        const target = this.#dialect.nestedRead(b.bind, this.#pk, edge.target.partition, edge.target.id, 'to');
        text += `${i ? '.outV()' : ''}.addE(${b.bind(edge.label)}).to(${target})${this.#dialect.setId(b.bind(edge.id))}`;
        if (edge.fact !== undefined) text += `.property('m', ${b.bind(edge.fact)})`;
      });
      return text;
    });
    return b.add(`${this.#dialect.writeSource}.inject(0).union(${unionTree(branches)}).count()`).build('addEdges');
  }

  #literal(b: ScriptBuilder, literal: LiteralEntry, cardinality: '' | 'list, '): string {
    const text = `.property(${cardinality}'f', ${b.bind(literal.value)})`;
    return literal.text === undefined ? text : `${text}.property(${cardinality}'t', ${b.bind(literal.text)})`;
  }
}
