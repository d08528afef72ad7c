/**
 * The ONE place where Azure Cosmos DB for Apache Gremlin and Apache TinkerPop Gremlin Server differ
 * for this adapter. Everything else emits the common subset: string scripts with bindings, steps
 * from Cosmos's supported list, GraphSON v2, results projected to plain maps and scalars (so the
 * typed GraphSON of TinkerPop and the untyped JSON of Cosmos read the same).
 *
 * | concern             | Cosmos DB                          | TinkerPop (TinkerGraph, JanusGraph, …)     |
 * |---------------------|------------------------------------|--------------------------------------------|
 * | set an element id   | `property('id', x)`                | `property(T.id, x)` ('id' is a plain key)  |
 * | point read          | `g.V([pk, id])`                    | `g.V(id)` (ids are unique; a list is 2 ids)|
 * | vertex in a step    | `g.V(id).has(pk, v)` in `to(…)` as Microsoft's samples do, `__.V(id).has(pk, v)` starting a branch | `__.V(id)` (gremlin-lang rejects `g.` there; the partition key is a plain property, filtering on it only costs) |
 * | script language     | `gremlin-groovy` (driver default)  | `gremlin-groovy` or the grammar-only `gremlin-lang` |
 * | "already exists"    | `x-ms-status-code` 409             | "… with id already exists" message         |
 * | concurrent write    | `x-ms-status-code` 412 (retry.ts)  | TinkerTransactionGraph: "Conflict: element modified in another transaction" (the request was rolled back) |
 * | status / retry info | `x-ms-*` status attributes         | Gremlin status code only                   |
 * | write source        | `g` (Cosmos has no strategies)     | gremlin-lang: `g.withoutStrategies(…)`, no optimisation strategies in blind writes |
 */

/** Renders a value as a binding and returns its name in the script. */
export type Bind = (value: unknown) => string;

export interface Dialect {
  readonly name: 'cosmos' | 'tinkerpop';
  /** Sent as the request's `language`. */
  readonly language: 'gremlin-groovy' | 'gremlin-lang';
  /** The traversal source of write requests (writeScripts.ts). */
  readonly writeSource: string;
  /** `.property(<id key>, <binding>)` setting an element's id on addV/addE. */
  setId(binding: string): string;
  /** A traversal starting at one vertex looked up by partition key and id. */
  pointRead(bind: Bind, pkKey: string, partition: string, id: string): string;
  /** One vertex looked up inside a traversal: starting a `union()` branch, or as the other end of `addE().to(…)`. */
  nestedRead(bind: Bind, pkKey: string, partition: string, id: string, where: 'branch' | 'to'): string;
  /**
   * True when the server refused a write because the id is taken or a concurrent write to the same
   * element won; either way a retry (reading what exists first) resolves it.
   */
  isConflict(status: ResponseStatus): boolean;
}

/** What the driver tells about a failed or successful response. */
export interface ResponseStatus {
  /** Gremlin status code (e.g. 597 script evaluation error), undefined for socket-level failures. */
  code?: number;
  message: string;
  attributes: Record<string, unknown>;
}

const cosmosStatus = (status: ResponseStatus): number | undefined => {
  const value = status.attributes['x-ms-status-code'];
  return value === undefined ? undefined : Number(value);
};

export const cosmosDialect: Dialect = {
  name: 'cosmos',
  language: 'gremlin-groovy',
  writeSource: 'g',
  setId: (binding) => `.property('id', ${binding})`,
  pointRead: (bind, _pkKey, partition, id) => `g.V(${bind([partition, id])})`,
  nestedRead: (bind, pkKey, partition, id, where) => `${where === 'to' ? 'g.V' : '__.V'}(${bind(id)}).has('${pkKey}', ${bind(partition)})`,
  isConflict: (status) => cosmosStatus(status) === 409,
};

/**
 * Strategies a TinkerPop server applies to every traversal of a request, nested ones included, and
 * which have nothing to do in the blind writes of writeScripts.ts (no filters, paths, counts or
 * property lookups to optimise, ids only): they cost the server about half its time per written element
 * (JFR, TinkerPop 3.8.1), FilterRankingStrategy and PathRetractionStrategy more the deeper a request
 * nests. Only GValueReductionStrategy (bindings into steps) stays. gremlin-lang skips names the server
 * does not know (`TraversalStrategies.GlobalCache.getRegisteredStrategyClass`, filtered), so
 * TinkerGraph's own strategies can be named for any TinkerPop server; gremlin-groovy would fail on
 * names it does not import, so only gremlin-lang requests drop them.
 */
const idleWriteStrategies = [
  'ConnectiveStrategy', 'IdentityRemovalStrategy', 'MatchPredicateStrategy', 'FilterRankingStrategy', 'EarlyLimitStrategy',
  'InlineFilterStrategy', 'IncidentToAdjacentStrategy', 'AdjacentToIncidentStrategy', 'ByModulatorOptimizationStrategy',
  'RepeatUnrollStrategy', 'CountStrategy', 'PathRetractionStrategy', 'LazyBarrierStrategy', 'ProfileStrategy',
  'StandardVerificationStrategy', 'TinkerGraphCountStrategy', 'TinkerGraphStepStrategy',
];

/** TinkerPop Gremlin Server; `gremlin-lang` needs it configured (the test server has it). */
export function tinkerpopDialect(language: 'gremlin-groovy' | 'gremlin-lang' = 'gremlin-groovy'): Dialect {
  return {
    name: 'tinkerpop',
    language,
    writeSource: language === 'gremlin-lang' ? `g.withoutStrategies(${idleWriteStrategies.join(', ')})` : 'g',
    setId: (binding) => `.property(T.id, ${binding})`,
    pointRead: (bind, _pkKey, _partition, id) => `g.V(${bind(id)})`,
    nestedRead: (bind, _pkKey, _partition, id) => `__.V(${bind(id)})`,
    isConflict: (status) => /with id already exists|^Conflict: element modified in another transaction/.test(status.message),
  };
}

/** The Cosmos reason code of a response (x-ms-status-code), if the server is Cosmos. */
export { cosmosStatus };
