/**
 * Every script the adapter sends, one function per template (the writes in writeScripts.ts).
 * Together they are the adapter's whole Gremlin dialect: only steps on Cosmos DB's supported list, no
 * lambdas, values only as bindings, results projected to maps and scalars, no `V()` in the middle of
 * a traversal (Cosmos only uses its index for the first one) except where Microsoft's own samples
 * and workarounds put it. test/store/gremlin/gremlinStore.test.ts runs each template through the
 * grammar-only `gremlin-lang` engine; `templateNames` lists them so that test can check none is left out.
 *
 * Vertex layout: label `ontomesh.node`, partition key (configurable name), `f` literal facts (list,
 * one value per write), `t` search texts (list, one value per write), `n` the node IRI when the id is
 * a digest (ids.ts); edges: label = predicate IRI, the fact in the id, or in `m` when the id is a
 * digest. Reads project a vertex as `v` (its id) and `n` (its IRI property, if any): nodeOf() below.
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

  /** Which of these vertices exist: their ids. */
  findVertices(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    return this.#start(b, keys).add('.id()').build('findVertices');
  }

  /** Which of the given edge ids exist among the out-edges of these vertices. */
  findEdges(sources: readonly VertexKey[], edgeIds: readonly string[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, sources).add(`.outE().id().is(within(${b.list(edgeIds)}))`);
    return b.build('findEdges');
  }

  /** A vertex's literal facts, out-edge and in-edge facts (edge values: see edgeValues). */
  readResources(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('f', 'o', 'i').by(values('f').fold()).by(${edgeValues('outE()')}).by(${edgeValues('inE()')})`);
    return b.build('readResources');
  }

  /** The facts of edges labelled `predicate` leaving (out) or entering (in) each vertex. */
  neighbours(keys: readonly VertexKey[], predicate: string, direction: 'out' | 'in'): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('v', 'n', 'm')${byNode}.by(${edgeValues(`${direction}E(${b.bind(predicate)})`)})`);
    return b.build(direction === 'out' ? 'neighboursOut' : 'neighboursIn');
  }

  /** Vertices whose search text contains every token, with their search texts (light: no literals). */
  searchCandidates(partitions: readonly string[], tokens: readonly string[], limit: number): Script {
    const b = new ScriptBuilder();
    b.add(`g.V().has('${this.#pk}', within(${b.list(partitions)}))`);
    for (const token of tokens) b.add(`.has('t', TextP.containing(${b.bind(token)}))`);
    b.add(`.limit(${b.bind(limit)}).project('v', 'n', 't')${byNode}.by(values('t').fold())`);
    return b.build('searchCandidates');
  }

  /** The literal facts of some vertices (the best search candidates, for their highlights). */
  searchLiterals(keys: readonly VertexKey[]): Script {
    const b = new ScriptBuilder();
    this.#start(b, keys).add(`.project('v', 'n', 'f')${byNode}.by(values('f').fold())`);
    return b.build('searchLiterals');
  }

  /** Every vertex of one partition with its literal and out-edge facts. */
  exportPartition(partition: string): Script {
    const b = new ScriptBuilder();
    b.add(`g.V().has('${this.#pk}', ${b.bind(partition)}).project('v', 'n', 'f', 'o')${byNode}.by(values('f').fold()).by(${edgeValues('outE()')})`);
    return b.build('exportPartition');
  }
}

/** The `by()` modulators of `v` and `n`: a vertex's id and its IRI property (present only when the id is a digest). */
const byNode = `.by(id()).by(values('n').fold())`;

/** The facts of some edges as a list: each edge's `m` property if it has one, else its id (which then holds the fact). */
const edgeValues = (edges: string) => `${edges}.coalesce(values('m'), id()).fold()`;
