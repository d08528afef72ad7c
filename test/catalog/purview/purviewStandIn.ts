/**
 * A local stand-in for a Purview account's Data Map API, serving recorded real responses
 * (test/fixtures/shared/atlas: purviewcli's captures of a real account, Apache Atlas's stocksDB and
 * table1/table2 entities) through the routes the sync uses: POST /search/query (paged by continuation
 * token), GET /atlas/v2/entity/bulk, GET /atlas/v2/lineage/{guid} (computed from the Process entities,
 * as Atlas does), GET /atlas/v2/glossary and /glossary/{guid}/terms (limit/offset), and the account's
 * GET /account/collections/{name}; and Apache Atlas's /api/atlas/v2 routes with basic search and basic auth.
 * It checks the bearer token (basic credentials on Atlas routes), answers 429 with Retry-After to every
 * `throttleEvery`-th request, and can fail on purpose (500 from a given request on, or 403 everywhere).
 *
 * Two things the recordings lack are completed from what they say: the two processes table1/table2.json
 * reference (a hive_process and its hive_column_lineage, built from the relationship ends, with the
 * qualifiedName Hive gives them: the column lineage's display text is `{process qualifiedName}:{column}`),
 * and the glossary terms the recorded assets' `meanings` name but the recorded glossary lacks (built from
 * the meaning headers: guid, display text as name, `{name}@Glossary` as Purview's qualifiedName).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const atlas = new URL('../../fixtures/shared/atlas/samples/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, atlas), 'utf8'));
const readComposed = (path: string) => JSON.parse(readFileSync(new URL(`../../fixtures/purview/${path}`, import.meta.url), 'utf8'));

type Json = Record<string, any>;

/** The recorded files the stand-in serves, by role; tests compute their expectations from these. */
export const recorded = {
  bulk: read('purview-purviewcli-docs/entity-readBulk.json') as Json,
  search: read('purview-purviewcli-docs/search-query.json') as Json,
  glossary: read('purview-purviewcli-docs/glossary-readDetailed.json') as Json,
  stocks: ['table-columns.json', 'table-view.json', 'table-table-lineage.json'].map((f) => read(`apache-atlas-entities/repository/src/test/resources/json/stocksDB-Entities/${f}`)) as Json[],
  tables: ['table1.json', 'table2.json'].map((f) => read(`apache-atlas-entities/repository/src/test/resources/json/entities/${f}`)) as Json[],
  columnMapping: readComposed('column-mapping-process.json') as Json,
};

/** Every entity the stand-in knows, by guid. */
export function standInEntities(): Map<string, Json> {
  const entities = new Map<string, Json>();
  const add = (answer: Json) => {
    for (const e of [...(answer.entities ?? [answer.entity]), ...Object.values(answer.referredEntities ?? {})] as Json[]) entities.set(e.guid, e);
  };
  add(recorded.bulk);
  recorded.stocks.forEach(add);
  recorded.tables.forEach(add);
  add(recorded.columnMapping);
  for (const process of referencedProcesses(entities)) entities.set(process.guid, process);
  return entities;
}

/** Processes only referenced (inputToProcesses / outputFromProcesses), built from their ends. */
function referencedProcesses(entities: Map<string, Json>): Json[] {
  const built = new Map<string, Json>();
  for (const entity of entities.values()) {
    for (const [attribute, side] of [['inputToProcesses', 'inputs'], ['outputFromProcesses', 'outputs']] as const) {
      for (const ref of entity.relationshipAttributes?.[attribute] ?? []) {
        if (entities.has(ref.guid)) continue;
        const process = built.get(ref.guid) ?? { guid: ref.guid, typeName: ref.typeName, status: 'ACTIVE', attributes: { name: ref.displayText, inputs: [], outputs: [] } };
        process.attributes[side].push({ guid: entity.guid, typeName: entity.typeName });
        built.set(ref.guid, process);
      }
    }
  }
  const columnLineage = [...built.values()].filter((p) => p.typeName.endsWith('_column_lineage'));
  for (const process of built.values()) {
    if (process.typeName.endsWith('_column_lineage')) {
      process.attributes.qualifiedName = process.attributes.name;
    } else {
      const column = columnLineage.find((c) => c.attributes.outputs.some((o: Json) => entities.get(o.guid)?.relationshipAttributes?.table?.guid === process.attributes.outputs[0]?.guid));
      process.attributes.qualifiedName = column ? column.attributes.name.replace(/:[^:]*$/, '') : process.attributes.name;
    }
  }
  return [...built.values()];
}

/** Glossary terms: the recorded glossary's, plus those the recorded meanings name and it lacks. */
export function standInTerms(entities: Map<string, Json>): Json[] {
  const terms = new Map<string, Json>(Object.entries(recorded.glossary.termInfo as Json));
  for (const entity of entities.values()) {
    for (const meaning of entity.relationshipAttributes?.meanings ?? []) {
      if (!terms.has(meaning.guid)) {
        terms.set(meaning.guid, { guid: meaning.guid, name: meaning.displayText, qualifiedName: `${meaning.displayText}@Glossary`, anchor: { glossaryGuid: recorded.glossary.guid }, status: 'Approved' });
      }
    }
  }
  return [...terms.values()];
}

/** The entities with their collections renamed (recorded name → name); the recorded objects stay as they are. */
function renameCollections(entities: Map<string, Json>, names: Record<string, string>): Map<string, Json> {
  return new Map([...entities].map(([guid, e]) => [guid, e.collectionId in names ? { ...e, collectionId: names[e.collectionId] } : e]));
}

/** Search hits: the recorded ones, and one per recorded Atlas table (as Purview indexes every asset). */
function searchIndex(entities: Map<string, Json>, names: Record<string, string>): Json[] {
  const hits: Json[] = recorded.search.value.map((hit: Json) => (hit.collectionId in names ? { ...hit, collectionId: names[hit.collectionId] } : hit));
  for (const e of entities.values()) {
    if (e.typeName === 'hive_table') hits.push({ id: e.guid, qualifiedName: e.attributes.qualifiedName, name: e.attributes.name, entityType: e.typeName });
  }
  return hits;
}

/** The stand-in's reading of Purview's object types, for the types the recordings hold. */
const OBJECT_TYPES: Record<string, string> = { azure_datalake_gen2_path: 'Files', hive_table: 'Tables' };

export interface StandInOptions {
  /** The bearer token Purview routes take. */
  token: string;
  /** `user:password` the Atlas routes (/api/atlas/v2/…) take as basic auth. */
  basic?: string;
  /** Every n-th request is answered 429 (default 3; 0 for never), with Retry-After `retryAfter` (default 0) seconds. */
  throttleEvery?: number;
  retryAfter?: string;
  /** From this request on (1-based), every request is answered 500. */
  failFrom?: number;
  /** Every request is answered 403. */
  forbidden?: boolean;
  /** Lineage answers come this much later (default 0), so that requests in flight together overlap. */
  lineageLatencyMs?: number;
  /**
   * The account's collections under other names (recorded name → name), as an account whose collections are
   * named after the mesh's domains (a collection's name is chosen when it is created through the API).
   */
  collectionNames?: Record<string, string>;
}

export interface StandIn {
  endpoint: string;
  requests: { method: string; path: string; status: number }[];
  /** The most lineage requests the stand-in was answering at once. */
  readonly lineageInFlightMax: number;
  close(): Promise<void>;
}

export async function startPurviewStandIn(options: StandInOptions): Promise<StandIn> {
  const names = options.collectionNames ?? {};
  const entities = renameCollections(standInEntities(), names);
  const terms = standInTerms(entities);
  const hits = searchIndex(entities, names);
  const collections = new Set(hits.map((h) => h.collectionId).filter(Boolean));
  const requests: StandIn['requests'] = [];
  const throttleEvery = options.throttleEvery ?? 3;
  let lineageInFlight = 0;
  let lineageInFlightMax = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://stand-in');
    const n = requests.length + 1;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method!, path: url.pathname, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const error = (status: number, errorCode: string, errorMessage: string, headers?: Record<string, string>) =>
      answer(status, { requestId: `stand-in-${n}`, errorCode, errorMessage }, headers);
    const atlasRoute = url.pathname.startsWith('/api/atlas/v2/');
    const expected = atlasRoute ? `Basic ${Buffer.from(options.basic ?? '').toString('base64')}` : `Bearer ${options.token}`;
    if (req.headers.authorization !== expected) return error(401, 'Unauthorized', 'Token is missing or invalid');
    if (options.forbidden) return error(403, 'Forbidden', 'The caller has no permission on this collection');
    if (options.failFrom !== undefined && n >= options.failFrom) return error(500, 'InternalServerError', 'Something went wrong');
    if (throttleEvery > 0 && n % throttleEvery === 0) return error(429, 'TooManyRequests', 'Rate limit exceeded', { 'retry-after': options.retryAfter ?? '0' });
    const body = req.method === 'POST' ? JSON.parse(await text(req)) : undefined;
    if (!atlasRoute && url.pathname.startsWith('/datamap/api/') && url.searchParams.get('api-version') !== '2023-09-01') return error(400, 'BadRequest', 'api-version 2023-09-01 expected');
    // Atlas serves the same v2 routes under /api; its basic search stands in for Purview's discovery.
    const path = atlasRoute ? `/datamap${url.pathname}` : url.pathname;
    if (req.method === 'POST' && path === '/datamap/api/atlas/v2/search/basic') {
      const selected = hits.filter((hit) => hit.entityType === body.typeName || (body.typeName === 'DataSet' && body.includeSubTypes && OBJECT_TYPES[hit.entityType]))
        .filter((hit) => entities.has(hit.id)).slice(body.offset, body.offset + body.limit);
      return answer(200, { queryType: 'BASIC', entities: selected.map((hit) => ({ guid: hit.id, typeName: hit.entityType, attributes: { qualifiedName: hit.qualifiedName } })) });
    }

    if (req.method === 'POST' && path === '/datamap/api/search/query') {
      const selected = hits.filter((hit) => matches(hit, body.filter));
      const offset = body.continuationToken ? Number(Buffer.from(body.continuationToken, 'base64').toString()) : 0;
      const limit = body.limit ?? 50;
      const next = offset + limit < selected.length ? Buffer.from(String(offset + limit)).toString('base64') : undefined;
      return answer(200, { '@search.count': selected.length, value: selected.slice(offset, offset + limit), ...(next ? { continuationToken: next } : {}) });
    }
    if (path === '/datamap/api/atlas/v2/entity/bulk') {
      const found = url.searchParams.getAll('guid').map((g) => entities.get(g)).filter(Boolean);
      return answer(200, { entities: found, referredEntities: {} });
    }
    const lineage = /^\/datamap\/api\/atlas\/v2\/lineage\/([^/]+)$/.exec(path);
    if (lineage) {
      lineageInFlightMax = Math.max(lineageInFlightMax, ++lineageInFlight);
      await new Promise((resolve) => setTimeout(resolve, options.lineageLatencyMs ?? 0));
      lineageInFlight--;
      return answer(200, lineageOf(entities, lineage[1]!, Number(url.searchParams.get('depth') ?? 3)));
    }
    if (path === '/datamap/api/atlas/v2/glossary') {
      return answer(200, [{ guid: recorded.glossary.guid, name: recorded.glossary.name, qualifiedName: recorded.glossary.qualifiedName }]);
    }
    const glossaryTerms = /^\/datamap\/api\/atlas\/v2\/glossary\/([^/]+)\/terms$/.exec(path);
    if (glossaryTerms) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? -1);
      return answer(200, terms.slice(offset, limit < 0 ? undefined : offset + limit));
    }
    const collection = /^\/account\/collections\/([^/]+)$/.exec(path);
    if (collection) {
      const name = decodeURIComponent(collection[1]!);
      return collections.has(name) ? answer(200, { name, friendlyName: name }) : error(404, 'CollectionNotFound', `Collection ${name} not found`);
    }
    return error(404, 'NotFound', `no route ${req.method} ${path}`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get lineageInFlightMax() {
      return lineageInFlightMax;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function matches(hit: Json, filter: Json | undefined): boolean {
  if (filter === undefined) return true;
  if (filter.and) return filter.and.every((f: Json) => matches(hit, f));
  if (filter.or) return filter.or.some((f: Json) => matches(hit, f));
  if (filter.entityType !== undefined) return hit.entityType === filter.entityType;
  if (filter.objectType !== undefined) return OBJECT_TYPES[hit.entityType] === filter.objectType;
  if (filter.collectionId !== undefined) return hit.collectionId === filter.collectionId;
  return false;
}

/** Atlas's lineage graph around a dataset: processes and datasets within `depth` process hops, both ways. */
function lineageOf(entities: Map<string, Json>, base: string, depth: number): Json {
  const processes = [...entities.values()].filter((e) => e.attributes.inputs || e.attributes.outputs);
  const map: Json = {};
  const relations: Json[] = [];
  const header = (guid: string) => {
    const e = entities.get(guid);
    if (e) map[guid] = { guid, typeName: e.typeName, attributes: { qualifiedName: e.attributes.qualifiedName, name: e.attributes.name }, status: e.status ?? 'ACTIVE' };
  };
  let frontier = new Set([base]);
  const seen = new Set([base]);
  header(base);
  for (let hop = 0; hop < depth && frontier.size > 0; hop++) {
    const next = new Set<string>();
    for (const p of processes) {
      const ins: string[] = (p.attributes.inputs ?? []).map((r: Json) => r.guid);
      const outs: string[] = (p.attributes.outputs ?? []).map((r: Json) => r.guid);
      if (![...ins, ...outs].some((g) => frontier.has(g))) continue;
      header(p.guid);
      for (const g of ins) relations.push({ fromEntityId: g, toEntityId: p.guid });
      for (const g of outs) relations.push({ fromEntityId: p.guid, toEntityId: g });
      for (const g of [...ins, ...outs]) if (!seen.has(g)) seen.add(g), next.add(g), header(g);
    }
    frontier = next;
  }
  return { baseEntityGuid: base, lineageDirection: 'BOTH', lineageDepth: depth, guidEntityMap: map, relations, parentRelations: [], widthCounts: {} };
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8').on('data', (chunk) => (data += chunk)).on('end', () => resolve(data)).on('error', reject);
  });
}
