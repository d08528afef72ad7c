/**
 * The naive Gremlin loader bench/gremlin-load.ts compares the adapter with: one request per element,
 * sent one after the other, each a get-or-create in one traversal the way Apache TinkerPop's
 * element-existence recipe and Microsoft's Cosmos DB samples write it (`fold().coalesce(unfold(),
 * addV(…))`, `coalesce(outE(…).hasId(…), addE(…).to(…))`, a value added unless present). It writes the
 * adapter's graph layout (ids, partitions, properties, fact encoding) into a version the store begins
 * and commits, so both loads export the same facts and the store reads either.
 */
import type { EdgeElement, GraphElement } from '../src/graph/elements.ts';
import type { LoadStats } from '../src/graph/GraphStore.ts';
import { edgeKey, encodeEdge, encodeLiteral } from '../src/store/gremlin/factCodec.ts';
import type { GremlinClient } from '../src/store/gremlin/GremlinClient.ts';
import type { GremlinGraphStore } from '../src/store/gremlin/GremlinGraphStore.ts';
import { IdScheme } from '../src/store/gremlin/ids.ts';
import { ScriptBuilder, type Script } from '../src/store/gremlin/ScriptBuilder.ts';
import { labels } from '../src/store/gremlin/scripts.ts';
import { searchTextOf } from '../src/store/gremlin/searchText.ts';

/**
 * Loads element batches as one committed version of `graphId` (the store opened with `buckets` partition
 * buckets, the naive writes sent on `client`); returns its version and the element requests it sent.
 */
export async function loadNaively(store: GremlinGraphStore, client: GremlinClient, namespace: string, graphId: string, buckets: number,
  batches: readonly GraphElement[][], stats: LoadStats): Promise<{ requests: number; version: number }> {
  const writer = await store.beginVersion(graphId, { documents: [], prefixes: {}, missingImports: [] });
  const ids = new IdScheme(namespace);
  const scope = ids.versionScope(graphId, writer.version, buckets);
  const script = naiveScript(client, ids, (node) => ({ id: ids.vertexId(scope, node), partition: ids.partitionOf(scope, node) }), (fact) => ids.edgeId(scope, edgeKey(fact)));
  const before = client.requests;
  for (const batch of batches) {
    for (const element of batch) await client.query(script(element));
  }
  const requests = client.requests - before;
  await writer.commit(stats);
  return { requests, version: writer.version };
}

type Key = { id: string; partition: string };

/** The get-or-create script of one element (partition-key property `pk`, as the store's default; lookups as the adapter's dialect writes them). */
function naiveScript(client: GremlinClient, ids: IdScheme, key: (node: string) => Key, edgeId: (fact: EdgeElement) => string): (element: GraphElement) => Script {
  const { dialect } = client;
  const lookup = (b: ScriptBuilder, k: Key) => dialect.pointRead(b.bind, 'pk', k.partition, k.id);
  return (element) => {
    const b = new ScriptBuilder();
    if (element.kind === 'vertex') {
      const k = key(element.id);
      b.add(`${lookup(b, k)}.fold().coalesce(unfold(), addV('${labels.node}')${dialect.setId(b.bind(k.id))}.property('pk', ${b.bind(k.partition)})`);
      if (ids.nodeOf(k.id) === undefined) b.add(`.property(single, 'n', ${b.bind(element.id)})`);
      b.add(').count()');
    } else if (element.kind === 'property') {
      const value = encodeLiteral(element);
      const text = searchTextOf(element);
      b.add(`${lookup(b, key(element.subject))}.not(properties('f').hasValue(${b.bind(value)})).property(list, 'f', ${b.bind(value)})`);
      if (text !== undefined) b.add(`.property(list, 't', ${b.bind(text)})`);
      b.add('.count()');
    } else {
      const id = edgeId(element);
      const target = key(element.object);
      b.add(`${lookup(b, key(element.subject))}.coalesce(outE(${b.bind(element.predicate)}).hasId(${b.bind(id)}), addE(${b.bind(element.predicate)})`);
      b.add(`.to(${dialect.nestedRead(b.bind, 'pk', target.partition, target.id, 'to')})${dialect.setId(b.bind(id))}`);
      if (ids.edgeKeyOf(id) === undefined) b.add(`.property('m', ${b.bind(encodeEdge(element))})`);
      b.add(').count()');
    }
    return b.build(`naive ${element.kind}`);
  };
}
