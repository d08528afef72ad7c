/**
 * A REST client of the catalog's read API: Microsoft Purview's Data Map API 2023-09-01
 * (`{endpoint}/datamap/api/...?api-version=2023-09-01`) or a plain Apache Atlas server
 * (`{endpoint}/api/atlas/v2/...`), which share the Atlas v2 entity, lineage and glossary routes.
 * Discovery (POST /search/query, paged by continuation token) is Purview's; on Atlas, assets are found
 * with Atlas's basic search (POST /api/atlas/v2/search/basic, paged by offset).
 */
import { OntomeshError } from '../../errors/index.ts';
import type { AtlasEntities, AtlasGlossary, AtlasGlossaryTerm, AtlasLineage, SearchHit, SearchPage } from './atlasModel.ts';
import { catalogRequest, type CatalogHttpOptions } from './catalogHttp.ts';

export type CatalogFlavour = 'purview' | 'atlas';

export interface PurviewClientOptions extends CatalogHttpOptions {
  /** `https://ACCOUNT.purview.azure.com` (Purview) or the Atlas server's base URL. */
  endpoint: string;
  flavour?: CatalogFlavour;
  /** Page size of searches and glossary lists (Purview's search takes at most 1000). */
  pageSize?: number;
}

/** Which assets to read. */
export interface AssetQuery {
  /** Entity types (`azure_sql_table`, `hive_table`); all DataSet types when empty. */
  typeNames: readonly string[];
  /** A Purview collection id (search filter `collectionId`). */
  collection?: string;
}

const API_VERSION = '2023-09-01';
/** Purview's search object types that hold DataSet assets (tables, views, files). */
const DATASET_OBJECT_TYPES = ['Tables', 'Files'];
/** Guids per GET /entity/bulk: keeps the URL well under common 8 KB limits. */
const GUIDS_PER_REQUEST = 50;

export class PurviewClient {
  readonly flavour: CatalogFlavour;
  readonly #base: URL;
  readonly #origin: URL;
  readonly #options: PurviewClientOptions;
  readonly #pageSize: number;

  constructor(options: PurviewClientOptions) {
    let base: URL;
    try {
      base = new URL(options.endpoint);
    } catch {
      throw new OntomeshError('BAD_REQUEST', `--endpoint must be a URL such as https://ACCOUNT.purview.azure.com (got "${options.endpoint}")`);
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new OntomeshError('BAD_REQUEST', `--endpoint must be an http(s) URL (got "${options.endpoint}")`);
    if (base.username || base.password) throw new OntomeshError('BAD_REQUEST', 'credentials never go in the endpoint URL: use Entra ID (Purview) or ATLAS_USER and ATLAS_PASSWORD (Atlas)');
    this.flavour = options.flavour ?? 'purview';
    this.#origin = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}/`);
    this.#base = new URL(this.flavour === 'purview' ? 'datamap/api/' : 'api/', this.#origin);
    this.#options = options;
    this.#pageSize = Math.min(options.pageSize ?? 1000, 1000);
  }

  /** The asset hits of a query, every page. */
  async *searchAssets(query: AssetQuery): AsyncIterable<SearchHit[]> {
    if (this.flavour === 'atlas') {
      yield* this.#basicSearch(query);
      return;
    }
    const filters: unknown[] = [query.typeNames.length > 0
      ? { or: query.typeNames.map((entityType) => ({ entityType })) }
      : { or: DATASET_OBJECT_TYPES.map((objectType) => ({ objectType })) }];
    if (query.collection !== undefined) filters.push({ collectionId: query.collection });
    let continuationToken: string | undefined;
    do {
      const page = await this.#send<SearchPage>('POST', 'search/query', undefined, {
        keywords: null, limit: this.#pageSize, filter: { and: filters }, ...(continuationToken ? { continuationToken } : {}),
      });
      yield page.value ?? [];
      continuationToken = page.continuationToken ?? undefined;
    } while (continuationToken);
  }

  async *#basicSearch(query: AssetQuery): AsyncIterable<SearchHit[]> {
    for (const typeName of query.typeNames.length > 0 ? query.typeNames : ['DataSet']) {
      for (let offset = 0; ; offset += this.#pageSize) {
        const page = await this.#send<{ entities?: { guid: string; typeName?: string; attributes?: { qualifiedName?: string } }[] }>('POST', 'atlas/v2/search/basic', undefined,
          { typeName, includeSubTypes: true, excludeDeletedEntities: true, limit: this.#pageSize, offset });
        const entities = page.entities ?? [];
        yield entities.map((e) => ({ id: e.guid, entityType: e.typeName, qualifiedName: e.attributes?.qualifiedName }));
        if (entities.length < this.#pageSize) break;
      }
    }
  }

  /**
   * Whether a Purview collection exists (the account API's GET /account/collections/{name}); asked
   * only when a search in it found nothing, to tell an unknown collection from an empty one.
   */
  async collectionExists(name: string): Promise<boolean> {
    const url = new URL(`account/collections/${encodeURIComponent(name)}`, this.#origin);
    url.searchParams.set('api-version', '2019-11-01-preview');
    try {
      await catalogRequest(url, { method: 'GET' }, this.#options);
      return true;
    } catch (error) {
      if (error instanceof OntomeshError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  /** GET /atlas/v2/entity/bulk for any number of guids, with the entities they refer to. */
  async entities(guids: readonly string[]): Promise<AtlasEntities> {
    const merged: Required<AtlasEntities> = { entities: [], referredEntities: {} };
    for (let i = 0; i < guids.length; i += GUIDS_PER_REQUEST) {
      const params = new URLSearchParams(guids.slice(i, i + GUIDS_PER_REQUEST).map((guid): [string, string] => ['guid', guid]));
      const page = await this.#send<AtlasEntities>('GET', 'atlas/v2/entity/bulk', params);
      merged.entities.push(...(page.entities ?? []));
      Object.assign(merged.referredEntities, page.referredEntities);
    }
    return merged;
  }

  /** GET /atlas/v2/lineage/{guid}, both directions. */
  lineage(guid: string, depth: number): Promise<AtlasLineage> {
    return this.#send('GET', `atlas/v2/lineage/${encodeURIComponent(guid)}`, new URLSearchParams({ direction: 'BOTH', depth: String(depth) }));
  }

  /** Every glossary (without their terms, as the API recommends for large glossaries). */
  glossaries(): Promise<AtlasGlossary[]> {
    return this.#send('GET', 'atlas/v2/glossary', new URLSearchParams({ ignoreTermsAndCategories: 'true' }));
  }

  /** The terms of a glossary, every page (limit/offset). */
  async *glossaryTerms(glossaryGuid: string): AsyncIterable<AtlasGlossaryTerm[]> {
    for (let offset = 0; ; offset += this.#pageSize) {
      const page = await this.#send<AtlasGlossaryTerm[]>('GET', `atlas/v2/glossary/${encodeURIComponent(glossaryGuid)}/terms`,
        new URLSearchParams({ limit: String(this.#pageSize), offset: String(offset) }));
      yield page;
      if (page.length < this.#pageSize) break;
    }
  }

  #send<T>(method: 'GET' | 'POST', path: string, params?: URLSearchParams, body?: unknown): Promise<T> {
    const url = new URL(path, this.#base);
    for (const [key, value] of params ?? []) url.searchParams.append(key, value);
    if (this.flavour === 'purview') url.searchParams.set('api-version', API_VERSION);
    return catalogRequest<T>(url, { method, body }, this.#options);
  }
}
