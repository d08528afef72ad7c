/**
 * What a tenant's OpenID Connect metadata says about its tokens: the issuer of v2.0 tokens
 * (`https://login.microsoftonline.com/{tid}/v2.0`) from `{authority}/{tenant}/v2.0/.well-known/openid-configuration`,
 * the issuer of v1 tokens (`https://sts.windows.net/{tid}/`) from `{authority}/{tenant}/.well-known/openid-configuration`,
 * and where the signing keys are. Read from the documents rather than built from the tenant, so a
 * tenant configured by domain and the national clouds' issuers are right too.
 */
import { OntomeshError } from '../../errors/index.ts';

export interface TenantMetadata {
  /** The v2.0 and v1 issuers, the only `iss` values accepted. */
  issuers: string[];
  /** The JWKS of the tenant's signing keys (the v2.0 document's; v1 and v2.0 tokens are signed by the same keys). */
  jwksUri: URL;
}

const timeoutMs = 10_000;

/**
 * Fetches both metadata documents.
 *
 * @throws OntomeshError AUTH_UNAVAILABLE when either cannot be fetched or lacks `issuer` / `jwks_uri`.
 * @example await fetchTenantMetadata(new URL('https://login.microsoftonline.com'), 'contoso.onmicrosoft.com')
 */
export async function fetchTenantMetadata(authority: URL, tenant: string): Promise<TenantMetadata> {
  const base = authority.href.endsWith('/') ? authority.href : `${authority.href}/`;
  const [v2, v1] = await Promise.all([
    document(new URL(`${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`, base)),
    document(new URL(`${encodeURIComponent(tenant)}/.well-known/openid-configuration`, base)),
  ]);
  return { issuers: [v2.issuer, v1.issuer], jwksUri: new URL(v2.jwks_uri) };
}

async function document(url: URL): Promise<{ issuer: string; jwks_uri: string }> {
  const unavailable = (why: string, cause?: unknown) =>
    new OntomeshError('AUTH_UNAVAILABLE', `the OpenID metadata ${url.href} ${why}`, {}, {}, { cause });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    throw unavailable(`cannot be fetched: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`, error);
  }
  // Entra ID answers 400 (AADSTS90002) for a tenant that does not exist.
  if (!response.ok) throw unavailable(`answered ${response.status}${response.status === 400 ? ': is the tenant right?' : ''}`);
  const json = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
  const issuer = json?.['issuer'];
  const jwksUri = json?.['jwks_uri'];
  if (typeof issuer !== 'string' || typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) throw unavailable('has no issuer and jwks_uri');
  return { issuer, jwks_uri: jwksUri };
}
