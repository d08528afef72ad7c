/**
 * Store URLs of the Gremlin adapter (ARCHITECTURE.md "Public interfaces"):
 *
 * - `gremlin://HOST:PORT[?tls=true&path=/gremlin&language=gremlin-lang]` — a TinkerPop Gremlin
 *   Server; optional SASL credentials from GREMLIN_USERNAME / GREMLIN_PASSWORD.
 * - `cosmos://ACCOUNT/DB/GRAPH` — Azure Cosmos DB for Apache Gremlin at
 *   `wss://ACCOUNT.gremlin.cosmos.azure.com:443/` (ACCOUNT may also be a full host name); the key
 *   from COSMOS_GREMLIN_KEY, otherwise a Microsoft Entra ID token (DefaultAzureCredential).
 *
 * Both take in the query: `pk` (partition-key property name, default `pk`), `namespace`,
 * `connections`, and the write limits `batch` (elements per request), `maxSteps`, `maxBindings`, `concurrency`
 * and `buckets` (see StoreLimits). Credentials never come from the URL: one with a user or password
 * is refused.
 */
import { OntomeshError } from '../../errors/index.ts';
import { cosmosDialect, tinkerpopDialect, type Dialect } from './dialect.ts';
import type { StoreLimits } from './context.ts';
import type { Credentials } from './GremlinClient.ts';

export interface GremlinTarget {
  /** WebSocket URL. */
  url: string;
  dialect: Dialect;
  /** The URL as shown to people (no secrets in it by construction). */
  description: string;
  credentials?: () => Promise<Credentials>;
  partitionKey?: string;
  namespace?: string;
  connections?: number;
  limits: Partial<StoreLimits>;
}

const limitParameters = { batch: 'maxBatchElements', maxSteps: 'maxSteps', maxBindings: 'maxBindings', concurrency: 'concurrency', buckets: 'buckets' } as const;

/** Where to find secrets; `process.env` by default. */
export type Environment = Record<string, string | undefined>;

/** Scope of Microsoft Entra ID tokens for Cosmos DB data-plane access. */
export const cosmosScope = 'https://cosmos.azure.com/.default';

export function parseGremlinUrl(text: string, env: Environment = process.env): GremlinTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OntomeshError('BAD_REQUEST', `Invalid store URL "${text}"`);
  }
  if (url.username || url.password) {
    throw new OntomeshError('BAD_REQUEST', 'Store URLs must not carry credentials; use the environment (COSMOS_GREMLIN_KEY, GREMLIN_USERNAME/GREMLIN_PASSWORD) or Entra ID');
  }
  const query = url.searchParams;
  const limits: Partial<StoreLimits> = {};
  for (const [parameter, limit] of Object.entries(limitParameters)) {
    const value = query.get(parameter);
    if (value === null) continue;
    if (!/^[1-9]\d*$/.test(value)) throw new OntomeshError('BAD_REQUEST', `Store URL parameter ${parameter} must be a positive integer, not "${value}"`);
    limits[limit] = Number(value);
  }
  const common = {
    limits,
    ...(query.has('pk') ? { partitionKey: query.get('pk')! } : {}),
    ...(query.has('namespace') ? { namespace: query.get('namespace')! } : {}),
    ...(query.has('connections') ? { connections: Number(query.get('connections')) } : {}),
  };
  if (url.protocol === 'gremlin:') {
    if (!url.hostname) throw new OntomeshError('BAD_REQUEST', `Store URL "${text}" names no host`);
    const language = query.get('language') ?? 'gremlin-groovy';
    if (language !== 'gremlin-groovy' && language !== 'gremlin-lang') throw new OntomeshError('BAD_REQUEST', `Unknown Gremlin language "${language}"`);
    const scheme = query.get('tls') === 'true' ? 'wss' : 'ws';
    const port = url.port || '8182';
    const { GREMLIN_USERNAME: username, GREMLIN_PASSWORD: password } = env;
    return {
      url: `${scheme}://${url.hostname}:${port}${query.get('path') ?? '/gremlin'}`,
      dialect: tinkerpopDialect(language),
      description: `gremlin://${url.hostname}:${port}`,
      ...(username && password ? { credentials: async () => ({ username, password }) } : {}),
      ...common,
    };
  }
  if (url.protocol === 'cosmos:') {
    const [database, graph, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (!url.hostname || !database || !graph || rest.length) {
      throw new OntomeshError('BAD_REQUEST', `Cosmos store URLs look like cosmos://ACCOUNT/DATABASE/GRAPH, not "${text}"`);
    }
    const host = url.hostname.includes('.') ? url.hostname : `${url.hostname}.gremlin.cosmos.azure.com`;
    const username = `/dbs/${database}/colls/${graph}`;
    const key = env.COSMOS_GREMLIN_KEY;
    return {
      url: `wss://${host}:443/`,
      dialect: cosmosDialect,
      description: `cosmos://${url.hostname}/${database}/${graph}`,
      credentials: key ? async () => ({ username, password: key }) : entraIdCredentials(username),
      connections: 4,
      ...common,
    };
  }
  throw new OntomeshError('BAD_REQUEST', `The Gremlin store takes gremlin:// or cosmos:// URLs, not "${text}"`);
}

/** An Entra ID access token as the SASL password (the same username as with keys). */
function entraIdCredentials(username: string): () => Promise<Credentials> {
  let credential: { getToken(scope: string): Promise<{ token: string; expiresOnTimestamp: number } | null> } | undefined;
  return async () => {
    if (!credential) {
      const { DefaultAzureCredential } = await import('@azure/identity');
      credential = new DefaultAzureCredential();
    }
    const token = await credential.getToken(cosmosScope).catch((error: unknown) => {
      throw new OntomeshError('STORE_UNAVAILABLE', `No Cosmos DB key (COSMOS_GREMLIN_KEY) and no Microsoft Entra ID token: ${error instanceof Error ? error.message : String(error)}`, {}, {}, { cause: error });
    });
    if (!token) throw new OntomeshError('STORE_UNAVAILABLE', 'Microsoft Entra ID returned no token for Cosmos DB');
    return { username, password: token.token, expiresAt: token.expiresOnTimestamp };
  };
}
