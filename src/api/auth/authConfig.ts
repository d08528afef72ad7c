/**
 * Whether and how the HTTP API asks for Microsoft Entra ID tokens, from ONTOMESH_AUTH_* environment
 * variables. Unset (no tenant, no audience) means the service runs open, as the demo does; a half
 * configuration (one without the other) or a bad value stops `serve` before it starts, since a typo
 * must not leave a production catalog open.
 */
import { OntomeshError } from '../../errors/index.ts';
import { durationMsFromEnv } from '../durationMsFromEnv.ts';

/** The app roles the API checks in a token's `roles` claim (defined in the API's app registration). */
export const appRoles = {
  /** GraphQL queries and GET/HEAD of /ontologies, /products, /contracts. */
  read: 'Ontomesh.Read',
  /** Uploads, registrations, activations and deletions; it includes reading. */
  write: 'Ontomesh.Write',
} as const;

export type Access = keyof typeof appRoles;

export interface AuthConfig {
  /** The tenant as configured (a GUID or a verified domain); the issuers come from its OpenID metadata. */
  tenant: string;
  /** Accepted `aud` values: the API's application ID URI (v1 tokens) and its client id (v2 tokens). */
  audiences: string[];
  /** Where the tenant's metadata is: https://login.microsoftonline.com, or a national cloud's. */
  authority: URL;
  /** False: GraphQL and GETs are served without a token; writes still need one. */
  readsNeedToken: boolean;
  /** How far `exp` and `nbf` may be off this machine's clock. */
  clockSkewSeconds: number;
  /** The least time between two fetches of the signing keys on an unknown `kid` (jose's cooldown). */
  keyRefetchCooldownMs: number;
}

export const authVariables = {
  tenant: 'ONTOMESH_AUTH_TENANT_ID',
  audience: 'ONTOMESH_AUTH_AUDIENCE',
  reads: 'ONTOMESH_AUTH_READS',
  authority: 'ONTOMESH_AUTH_AUTHORITY',
  clockSkew: 'ONTOMESH_AUTH_CLOCK_SKEW_SECONDS',
} as const;

/** Entra ID's public cloud. */
export const defaultAuthority = 'https://login.microsoftonline.com';
/** Five minutes, the tolerance Microsoft's own token validation (Microsoft.IdentityModel) allows. */
const defaultClockSkewMs = 300_000;
/** jose's default: an unknown `kid` fetches the keys again at most every 30 s, so bad tokens cannot flood Entra ID. */
export const defaultKeyRefetchCooldownMs = 30_000;

const tenantPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
/** Multi-tenant endpoints: their tokens come from any tenant, which a single-tenant catalog must not accept. */
const sharedTenants = new Set(['common', 'organizations', 'consumers']);
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The configuration from the environment, or undefined when neither tenant nor audience is set.
 *
 * @throws OntomeshError BAD_REQUEST naming the variable when one is set without the other or a value is invalid.
 * @example authConfigFromEnv({ ONTOMESH_AUTH_TENANT_ID: 'contoso.onmicrosoft.com', ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh' })
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig | undefined {
  const tenant = env[authVariables.tenant]?.trim() ?? '';
  const audiences = (env[authVariables.audience] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (tenant === '' && audiences.length === 0) return undefined;
  if (tenant === '') throw refused(authVariables.tenant, `must be set with ${authVariables.audience} (the Entra ID tenant id or domain whose tokens the API accepts)`);
  if (audiences.length === 0) throw refused(authVariables.audience, `must be set with ${authVariables.tenant} (the API's application ID URI and/or client id, comma-separated)`);
  if (sharedTenants.has(tenant.toLowerCase())) throw refused(authVariables.tenant, `must name one tenant, not "${tenant}" (a multi-tenant endpoint's tokens come from any tenant)`);
  if (!tenantPattern.test(tenant)) throw refused(authVariables.tenant, `must be a tenant id (GUID) or domain (got "${tenant}")`);
  const badAudience = audiences.find((a) => /\s/.test(a));
  if (badAudience !== undefined) throw refused(authVariables.audience, `must be comma-separated values without spaces (got "${badAudience}")`);
  return {
    tenant,
    audiences,
    authority: authorityOf(env[authVariables.authority]?.trim() || defaultAuthority),
    readsNeedToken: readsNeedToken(env[authVariables.reads]?.trim() ?? ''),
    clockSkewSeconds: durationMsFromEnv(env, authVariables.clockSkew, { defaultMs: defaultClockSkewMs, maxSeconds: 3_600 }) / 1000,
    keyRefetchCooldownMs: defaultKeyRefetchCooldownMs,
  };
}

function readsNeedToken(value: string): boolean {
  if (value === '' || value === 'token') return true;
  if (value === 'open') return false;
  throw refused(authVariables.reads, `must be token (the default: reads need Ontomesh.Read) or open (got "${value}")`);
}

/** HTTPS, or HTTP on this machine only (a local stand-in): the metadata decides which keys are trusted. */
function authorityOf(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(url.hostname)))) {
    throw refused(authVariables.authority, `must be an https URL such as ${defaultAuthority} (got "${text}")`);
  }
  return url;
}

const refused = (variable: string, message: string) => new OntomeshError('BAD_REQUEST', `${variable} ${message}`, { term: variable });
