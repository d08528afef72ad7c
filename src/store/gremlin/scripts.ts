/**
 * Every script the adapter sends, one function per template. Together they are the adapter's whole
 * Gremlin dialect: only steps on Cosmos DB's supported list, no lambdas, values only as bindings,
 * results projected to maps and scalars, no `V()` in the middle of a traversal (Cosmos only uses its
 * index for the first one) except at the start of a `union()` branch (Microsoft's own workaround for
 * that limit) and as the target of `addE().to(…)` the way Microsoft's samples do it.
 * test/store/gremlin/gremlinStore.test.ts runs each template through the grammar-only `gremlin-lang`
 * engine; `templateNames` lists them so that test can check none is left out.
 *
 * Writes are batches of independent branches, `g.inject(0).union(b1, b2, …)`, nested so that no
 * union has more than a few branches: TinkerPop prepares a traversal in time that grows with the
 * square of a union's branch count and of a chain's length, so short branches in a shallow tree keep
 * the per-element cost flat. `writeCosts` says what each element adds to a request (steps, bindings,
 * bytes): Cosmos cancels traversals of more than 400 steps.
 *
 * Vertex layout: label `ontomesh.node`, partition key (configurable name), `n` node IRI, `f` literal
 * facts (list), `t` normalised search text (list); edges: label = predicate IRI, `m` fact. Whether a
 * node is blank is read from its IRI (skolem IRIs, src/graph/skolem.ts).
 */
import type { Dialect } from './dialect.ts';
import type { IdScheme, VersionScope } from './ids.ts';
import { ScriptBuilder, type Script } from './ScriptBuilder.ts';

export const templateNames = [
  'ping', 'readPointers', 'activate', 'createVersion', 'readVersions', 'touchVersion', 'finishVersion',
  'dropVersionRecord', 'dropPartition', 'countPartition',
  'addVertices', 'findVertices', 'appendLiterals', 'addEdges', 'findEdges',
  'readResources', 'neighboursOut', 'neighboursIn', 'searchCandidates', 'searchLiterals', 'exportPartition',
] as const;
export type TemplateName = (typeof templateNames)[number];

export const labels = { node: 'ontomesh.node', graph: 'ontomesh.graph', version: 'ontomesh.version' } as const;

/** A vertex to read or write: id and partition-key value. */
export interface VertexKey {
  id: string;
  partition: string;
}

/** A literal fact as stored on its vertex: the encoded fact and, for indexed predicates, its search text. */
export interface LiteralEntry {
  value: string;
  text?: string;
}

/** A vertex to create, with the literal facts it starts with. */
export interface NewVertex extends VertexKey {
  node: string;
  literals: LiteralEntry[];
}

/** Literal facts to add to an existing vertex. */
export interface LiteralAppend {
  vertex: VertexKey;
  literals: LiteralEntry[];
}

/** An edge to create from a source vertex: deterministic id, target, predicate IRI and encoded fact. */
export interface NewEdge {
  id: string;
  target: VertexKey;
  label: string;
  fact: string;
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

/** Steps, bindings and bytes every write request has besides its elements (inject, unions, count). */
export const requestOverhead: RequestCost = { steps: 3, bindings: 0, bytes: 64 };

const literalCost = (literal: LiteralEntry, guarded: boolean): RequestCost => ({
  steps: (guarded ? 5 : 1) + (literal.text === undefined ? 0 : 1),
  bindings: literal.text === undefined ? 1 : 2,
  bytes: 60 + (guarded ? 70 : 0) + 2 * (literal.value.length + (literal.text?.length ?? 0)),
});

/**
 * What each write element costs in a request, matching the templates below (a test holds them
 * together). A union branch adds one step for its share of the union tree; a vertex, part of a chain,
 * a quarter step.
 */
export const writeCosts = {
  /** A new vertex without its literals. */
  vertex: (v: VertexKey & { node: string }): RequestCost => ({ steps: 4.25, bindings: 3, bytes: 120 + 2 * (v.id.length + v.node.length) }),
  /** A literal written with its new vertex. */
  literal: (literal: LiteralEntry): RequestCost => literalCost(literal, false),
  /** The start of a branch appending literals to one vertex. */
  appendStart: (key: VertexKey): RequestCost => ({ steps: 3, bindings: 2, bytes: 60 + 2 * key.id.length }),
  /** One guarded literal append. */
  append: (literal: LiteralEntry): RequestCost => literalCost(literal, true),
  /** The start of a branch adding the edges of one source vertex. */
  edgeStart: (key: VertexKey): RequestCost => ({ steps: 3, bindings: 2, bytes: 60 + 2 * key.id.length }),
  /** One edge (after the first of its branch, one more step back to the source). */
  edge: (edge: NewEdge): RequestCost => ({ steps: 7, bindings: 5, bytes: 150 + 2 * (edge.id.length + edge.target.id.length + edge.label.length + edge.fact.length) }),
};

/** A new vertex with its literals. */
export function newVertexCost(vertex: NewVertex): RequestCost {
  return vertex.literals.reduce((sum, literal) => add(sum, writeCosts.literal(literal)), writeCosts.vertex(vertex));
}

/** Adds two costs. */
export function add(a: RequestCost, b: RequestCost): RequestCost {
  return { steps: a.steps + b.steps, bindings: a.bindings + b.bindings, bytes: a.bytes + b.bytes };
}

/** Vertex chains are cut at this many steps: a long chain costs TinkerPop quadratic time (and Groovy deep recursion). */
const maxChainSteps = 40;
/** Branches per union: TinkerPop's preparation of a union grows with the square of its branch count. */
const unionFanOut = 8;

/** Nests branches into unions of at most `unionFanOut` branches: `b1, b2` or `union(b1, …), union(…)`. */
function unionTree(branches: readonly string[]): string {
  if (branches.length <= unionFanOut) return branches.join(', ');
  const size = Math.max(unionFanOut, Math.ceil(branches.length / unionFanOut));
  const groups: string[] = [];
  for (let i = 0; i < branches.length; i += size) groups.push(`__.union(${unionTree(branches.slice(i, i + size))})`);
  return groups.join(', ');
}

/** Renders the scripts of one store. */
export class Scripts {
  readonly #dialect: Dialect;
  readonly #pk: string;
  readonly #ids: IdScheme;

  /** @param pkKey the partition-key property name; a plain identifier (checked by the store). */
  constructor(dialect: Dialect, pkKey: string, ids: IdScheme) {
    this.#dialect = dialect;
    this.#pk = pkKey;
    this.#ids = ids;
  }

  #start(b: ScriptBuilder, keys: readonly VertexKey[]): ScriptBuilder {
    if (keys.length === 1) return b.add(this.#dialect.pointRead(b.bind, this.#pk, keys[0]!.partition, keys[0]!.id));
    const partitions = new Set(keys.map((key) => key.partition));
    return b.add(`g.V(${b.list(keys.map((key) => key.id))}).has('${this.#pk}', within(${b.list(partitions)}))`);
  }

  #meta(b: ScriptBuilder, id: string): ScriptBuilder {
    return this.#start(b, [{ id, partition: this.#ids.metaPartition }]);
  }

  ping(): Script {
    return new ScriptBuilder().add('g.inject(1)').build('ping');
  }

  /** Graph pointers: graphId and active version. */
  readPointers(): Script {
    const b = new ScriptBuilder();
    return b
      .add(`g.V().has('${this.#pk}', ${b.bind(this.#ids.metaPartition)}).hasLabel(${b.bind(labels.graph)})`)
      .add(`.project('g', 'a', 'b').by(values('graphId')).by(values('active')).by(values('buckets'))`)
      .build('readPointers');
  }

  /** Creates the graph's pointer if needed and points it at `version`: the atomic publish. */
  activate(graphId: string, version: number, buckets: number): Script {
    const b = new ScriptBuilder();
    const id = this.#ids.pointerId(graphId);
    this.#meta(b, id)
      .add(`.fold().coalesce(unfold(), addV(${b.bind(labels.graph)})${this.#dialect.setId(b.bind(id))}`)
      .add(`.property('${this.#pk}', ${b.bind(this.#ids.metaPartition)}).property(single, 'graphId', ${b.bind(graphId)}))`)
      .add(`.property(single, 'active', ${b.bind(version)}).property(single, 'buckets', ${b.bind(buckets)}).values('active')`);
    return b.build('activate');
  }

  /**
   * Claims version number `version` of a graph: creates its record unless it exists and returns the
   * record's token. The unique id is the lock; the caller owns the version iff the token is its own.
   */
  createVersion(scope: VersionScope, token: string, meta: string, createdAt: string): Script {
    const b = new ScriptBuilder();
    const id = this.#ids.versionId(scope.graphId, scope.version);
    this.#meta(b, id)
      .add(`.fold().coalesce(unfold().values('token'), addV(${b.bind(labels.version)})${this.#dialect.setId(b.bind(id))}`)
      .add(`.property('${this.#pk}', ${b.bind(this.#ids.metaPartition)}).property(single, 'graphId', ${b.bind(scope.graphId)})`)
      .add(`.property(single, 'version', ${b.bind(scope.version)}).property(single, 'buckets', ${b.bind(scope.buckets)})`)
      .add(`.property(single, 'state', 'writing').property(single, 'token', ${b.bind(token)})`)
      .add(`.property(single, 'meta', ${b.bind(meta)}).property(single, 'createdAt', ${b.bind(createdAt)})`)
      .add(`.property(single, 'heartbeat', ${b.bind(Date.now())}).values('token'))`);
    return b.build('createVersion');
  }

  /** All version records of a graph, whatever their state. */
  readVersions(graphId: string): Script {
    const b = new ScriptBuilder();
    return b
      .add(`g.V().has('${this.#pk}', ${b.bind(this.#ids.metaPartition)}).hasLabel(${b.bind(labels.version)})`)
      .add(`.has('graphId', ${b.bind(graphId)}).valueMap('version', 'buckets', 'state', 'createdAt', 'heartbeat', 'meta', 'stats')`)
      .build('readVersions');
  }

  /** Records that the writer of a version is alive (stale writing versions get swept). */
  touchVersion(graphId: string, version: number): Script {
    const b = new ScriptBuilder();
    this.#meta(b, this.#ids.versionId(graphId, version)).add(`.property(single, 'heartbeat', ${b.bind(Date.now())}).count()`);
    return b.build('touchVersion');
  }

  /**
   * Sets a version's state: 'committed' (with its stats and meta), 'dropping' (its data is being
   * removed) or 'dropped' (a tombstone: it keeps the number from being handed out again).
   */
  finishVersion(graphId: string, version: number, state: 'committed' | 'dropping' | 'dropped', stats: string, meta: string): Script {
    const b = new ScriptBuilder();
    this.#meta(b, this.#ids.versionId(graphId, version))
      .add(`.property(single, 'state', ${b.bind(state)}).property(single, 'stats', ${b.bind(stats)}).property(single, 'meta', ${b.bind(meta)}).count()`);
    return b.build('finishVersion');
  }

  dropVersionRecord(graphId: string, version: number): Script {
    const b = new ScriptBuilder();
    this.#meta(b, this.#ids.versionId(graphId, version)).add('.drop()');
    return b.build('dropVersionRecord');
  }

  /** Drops up to `limit` vertices (with their edges) of one partition; repeat until countPartition is 0. */
  dropPartition(partition: string, limit: number): Script {
    const b = new ScriptBuilder();
    return b.add(`g.V().has('${this.#pk}', ${b.bind(partition)}).limit(${b.bind(limit)}).drop()`).build('dropPartition');
  }

  countPartition(partition: string): Script {
    const b = new ScriptBuilder();
    return b.add(`g.V().has('${this.#pk}', ${b.bind(partition)}).limit(1).count()`).build('countPartition');
  }

  /**
   * Blind insert of new vertices with their literal facts (one document write per vertex on Cosmos,
   * no lookups): `g.inject(0).union(<chains of addV>…).count()`. Fails on an id that exists.
   */
  addVertices(vertices: readonly NewVertex[]): Script {
    const b = new ScriptBuilder();
    const chains: string[] = [];
    let chain = '';
    let steps = 0;
    for (const v of vertices) {
      let text = `.addV('${labels.node}')${this.#dialect.setId(b.bind(v.id))}.property('${this.#pk}', ${b.bind(v.partition)}).property(single, 'n', ${b.bind(v.node)})`;
      for (const literal of v.literals) text += this.#literal(b, literal);
      const cost = newVertexCost(v).steps;
      if (chain && steps + cost > maxChainSteps) {
        chains.push(chain);
        chain = '';
        steps = 0;
      }
      chain += text;
      steps += cost;
    }
    if (chain) chains.push(chain);
    return b.add(`g.inject(0).union(${unionTree(chains.map((c) => `__${c}`))}).count()`).build('addVertices');
  }

  /** Which of these vertices exist: their ids. */
  findVertices(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    return this.#start(b, keys).add('.id()').build('findVertices');
  }

  /**
   * Appends literal facts (and search text) to existing vertices, each unless the vertex holds it
   * already, so the request is idempotent. Returns how many of the vertices were found: fewer than
   * asked means a fact came before its subject vertex.
   */
  appendLiterals(groups: readonly LiteralAppend[]): Script {
    const b = new ScriptBuilder();
    const branches = groups.map((group) => {
      let text = `__.V(${b.bind(group.vertex.id)}).has('${this.#pk}', ${b.bind(group.vertex.partition)})`;
      for (const literal of group.literals) {
        text += `.optional(__.not(__.properties('f').hasValue(${b.bind(literal.value)}))${this.#literal(b, literal)})`;
      }
      return text;
    });
    return b.add(`g.inject(0).union(${unionTree(branches)}).count()`).build('appendLiterals');
  }

  /**
   * Blind insert of edges with deterministic ids, one branch per source vertex (no vertex is read
   * twice); returns how many branches wrote all their edges. Fails on an id that exists.
   */
  addEdges(groups: readonly EdgeGroup[]): Script {
    const b = new ScriptBuilder();
    const branches = groups.map((group) => {
      let text = `__.V(${b.bind(group.source.id)}).has('${this.#pk}', ${b.bind(group.source.partition)})`;
      group.edges.forEach((edge, i) => {
        text += `${i ? '.outV()' : ''}.addE(${b.bind(edge.label)}).to(${this.#dialect.nestedV}(${b.bind(edge.target.id)}).has('${this.#pk}', ${b.bind(edge.target.partition)}))`;
        text += `${this.#dialect.setId(b.bind(edge.id))}.property('m', ${b.bind(edge.fact)})`;
      });
      return text;
    });
    return b.add(`g.inject(0).union(${unionTree(branches)}).count()`).build('addEdges');
  }

  /** Which of the given edge ids exist among the out-edges of these vertices. */
  findEdges(sources: readonly VertexKey[], edgeIds: readonly string[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, sources).add(`.outE().id().is(within(${b.list(edgeIds)}))`);
    return b.build('findEdges');
  }

  #literal(b: ScriptBuilder, literal: LiteralEntry): string {
    const text = `.property(list, 'f', ${b.bind(literal.value)})`;
    return literal.text === undefined ? text : `${text}.property(list, 't', ${b.bind(literal.text)})`;
  }

  /** A vertex's node IRI, literal facts, out-edge and in-edge facts. */
  readResources(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('n', 'f', 'o', 'i').by(values('n'))`);
    b.add(`.by(values('f').fold()).by(outE().values('m').fold()).by(inE().values('m').fold())`);
    return b.build('readResources');
  }

  /** The facts of edges labelled `predicate` leaving (out) or entering (in) each vertex. */
  neighbours(keys: readonly VertexKey[], predicate: string, direction: 'out' | 'in'): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('n', 'm').by(values('n')).by(${direction}E(${b.bind(predicate)}).values('m').fold())`);
    return b.build(direction === 'out' ? 'neighboursOut' : 'neighboursIn');
  }

  /** Vertices whose search text contains every token, with their search texts (light: no literals). */
  searchCandidates(partitions: readonly string[], tokens: readonly string[], limit: number): Script {
    const b = new ScriptBuilder();
    b.add(`g.V().has('${this.#pk}', within(${b.list(partitions)}))`);
    for (const token of tokens) b.add(`.has('t', TextP.containing(${b.bind(token)}))`);
    b.add(`.limit(${b.bind(limit)}).project('n', 't').by(values('n')).by(values('t').fold())`);
    return b.build('searchCandidates');
  }

  /** The literal facts of some vertices (the best search candidates, for their highlights). */
  searchLiterals(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('n', 'f').by(values('n')).by(values('f').fold())`);
    return b.build('searchLiterals');
  }

  /** Every vertex of one partition with its literal and out-edge facts. */
  exportPartition(partition: string): Script {
    const b = new ScriptBuilder();
    b.add(`g.V().has('${this.#pk}', ${b.bind(partition)}).project('n', 'f', 'o').by(values('n')).by(values('f').fold()).by(outE().values('m').fold())`);
    return b.build('exportPartition');
  }
}

