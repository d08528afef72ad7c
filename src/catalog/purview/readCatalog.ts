/**
 * Reads what a sync maps, through the client: the assets a query selects, their columns (directly as
 * `columns`, or through a schema entity such as Purview's `tabular_schema` → `columns`), the lineage
 * around each asset (GET lineage, both directions) and the Process entities on it (with their
 * `inputs`, `outputs` and Purview `columnMapping`), the column-lineage processes their columns feed, and
 * every glossary term. Nothing is written here: a read that fails leaves nothing behind.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { AtlasEntity, AtlasGlossaryTerm, AtlasObjectId } from './atlasModel.ts';
import type { AssetQuery, PurviewClient } from './PurviewClient.ts';

/** Everything a sync read, keyed by guid. */
export interface CatalogSnapshot {
  /** The guids the query selected, in search order. */
  assets: string[];
  /** Every entity read: assets, their columns and schemas, processes, lineage neighbours. */
  entities: Map<string, AtlasEntity>;
  terms: Map<string, AtlasGlossaryTerm>;
  /** Glossary guid → glossary name. */
  glossaries: Map<string, string>;
}

export interface ReadProgress {
  phase: 'search' | 'entities' | 'lineage' | 'glossary';
  done: number;
  /** Known total of the phase, when there is one. */
  total?: number;
}

export interface ReadCatalogOptions extends AssetQuery {
  /** Lineage hops read around each asset (default 3). */
  lineageDepth?: number;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

/** Relationship attributes that lead from a dataset to its schema entity. */
export const SCHEMA_ATTRIBUTES = ['tabular_schema', 'attachedSchema', 'schema'];
/** Lineage requests a sync keeps in flight. */
const LINEAGE_READS_IN_FLIGHT = 4;
/** Relationship attributes that lead from a dataset or column to the processes it feeds or comes from. */
const PROCESS_ATTRIBUTES = ['inputToProcesses', 'outputFromProcesses'];

/**
 * Reads the catalog for a sync.
 *
 * @throws OntomeshError NOT_FOUND for a collection the account does not have; the client's errors.
 * @example
 * const snapshot = await readCatalog(client, { typeNames: [], collection: 'sales' });
 */
export async function readCatalog(client: PurviewClient, options: ReadCatalogOptions): Promise<CatalogSnapshot> {
  const { onProgress, signal } = options;
  const entities = new Map<string, AtlasEntity>();
  const fetchMissing = async (guids: Iterable<string>) => {
    const missing = [...new Set(guids)].filter((guid) => !entities.has(guid));
    if (missing.length === 0) return;
    const answer = await client.entities(missing);
    for (const entity of [...(answer.entities ?? []), ...Object.values(answer.referredEntities ?? {})]) entities.set(entity.guid, entity);
  };

  const assets: string[] = [];
  const seen = new Set<string>();
  for await (const hits of client.searchAssets(options)) {
    signal?.throwIfAborted();
    for (const hit of hits) if (!seen.has(hit.id)) seen.add(hit.id), assets.push(hit.id);
    onProgress?.({ phase: 'search', done: assets.length });
  }
  if (assets.length === 0 && options.collection !== undefined && client.flavour === 'purview' && !(await client.collectionExists(options.collection))) {
    throw new OntomeshError('NOT_FOUND', `the Purview account has no collection "${options.collection}" (give the collection's name as in the entities' collectionId, not its display name)`, { term: options.collection });
  }

  await fetchMissing(assets);
  onProgress?.({ phase: 'entities', done: entities.size });
  await fetchMissing(await readLineageNeighbours(client, assets, options));
  // Schemas, columns and the processes that columns and datasets feed, until nothing new turns up.
  for (let round = 0; round < 4; round++) {
    const wanted = new Set<string>();
    for (const entity of entities.values()) {
      for (const attribute of [...SCHEMA_ATTRIBUTES, 'columns', 'table', ...PROCESS_ATTRIBUTES]) for (const ref of refsOf(entity, attribute)) if (ref.guid) wanted.add(ref.guid);
      if (isProcess(entity)) for (const ref of [...refsOf(entity, 'inputs'), ...refsOf(entity, 'outputs')]) if (ref.guid) wanted.add(ref.guid);
    }
    const before = entities.size;
    await fetchMissing(wanted);
    onProgress?.({ phase: 'entities', done: entities.size });
    if (entities.size === before) break;
  }

  const terms = new Map<string, AtlasGlossaryTerm>();
  const glossaries = new Map<string, string>();
  for (const glossary of await client.glossaries()) {
    glossaries.set(glossary.guid, glossary.name ?? glossary.qualifiedName ?? glossary.guid);
    for await (const page of client.glossaryTerms(glossary.guid)) for (const term of page) terms.set(term.guid, term);
    onProgress?.({ phase: 'glossary', done: terms.size });
  }
  return { assets, entities, terms, glossaries };
}

/**
 * The guids on the lineage of every asset (GET lineage, both directions), a few requests at a time:
 * one after another, a large account's sync would wait on thousands of round trips, while Purview allows
 * about 25 requests per second per capacity unit, far above a handful in flight.
 */
async function readLineageNeighbours(client: PurviewClient, assets: readonly string[], options: ReadCatalogOptions): Promise<Set<string>> {
  const { onProgress, signal } = options;
  const depth = options.lineageDepth ?? 3;
  const neighbours = new Set<string>();
  let next = 0;
  let done = 0;
  let failed = false;
  const reader = async () => {
    while (next < assets.length && !failed) {
      signal?.throwIfAborted();
      const lineage = await client.lineage(assets[next++]!, depth);
      for (const guid of Object.keys(lineage.guidEntityMap ?? {})) neighbours.add(guid);
      onProgress?.({ phase: 'lineage', done: ++done, total: assets.length });
    }
  };
  // The first failure stops the other readers from starting more requests.
  const stopOnFailure = (error: unknown) => {
    failed = true;
    throw error;
  };
  await Promise.all(Array.from({ length: Math.min(LINEAGE_READS_IN_FLIGHT, assets.length) }, () => reader().catch(stopOnFailure)));
  return neighbours;
}

/** The references an entity holds in a relationship attribute or attribute (one or many). */
export function refsOf(entity: AtlasEntity, name: string): AtlasObjectId[] {
  const value = entity.relationshipAttributes?.[name] ?? entity.attributes[name];
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.filter((ref): ref is AtlasObjectId => typeof ref === 'object' && ref !== null && ('guid' in ref || 'uniqueAttributes' in ref));
}

/** A Process (or subtype): it has `inputs` or `outputs`. */
export function isProcess(entity: AtlasEntity): boolean {
  return 'inputs' in entity.attributes || 'outputs' in entity.attributes;
}
