/**
 * A local stand-in for Microsoft Entra ID, over real HTTP, in the shapes the real service has: a
 * tenant's v2.0 and v1 OpenID metadata (issuers `https://login.microsoftonline.com/{tid}/v2.0` and
 * `https://sts.windows.net/{tid}/`, the tenant reachable by id or domain, AADSTS90002 for another),
 * its JWKS (RSA keys with `kid`, `x5t`, `use: sig`), access tokens signed RS256 with Entra's claims
 * (aud, iss, iat, nbf, exp, tid, oid, sub, roles, scp, ver, azp or appid, idtyp, uti), and Azure App
 * Service's managed-identity endpoint (`IDENTITY_ENDPOINT`, `X-IDENTITY-HEADER`, api-version 2019-08-01)
 * through which DefaultAzureCredential gets tokens. Keys are generated per test run.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  jwk: JWK;
}

export interface TokenOptions {
  /** Claims that replace or add to the defaults (undefined removes one). */
  claims?: Record<string, unknown>;
  /** v1 (sts.windows.net issuer, `appid`) or v2.0 (login.microsoftonline.com/.../v2.0, `azp`). */
  version?: '1.0' | '2.0';
  /** The signing key (default: the first published one). */
  key?: SigningKey;
}

export interface EntraStandIn {
  /** The authority to configure (ONTOMESH_AUTH_AUTHORITY), e.g. http://127.0.0.1:PORT */
  authority: string;
  tenantId: string;
  tenantDomain: string;
  /** The keys in the JWKS now. */
  published: SigningKey[];
  /** What the JWKS endpoint answers: 200 with the keys, or this status with an error. */
  keysStatus: number;
  /** A key pair, not published until `publish`. */
  newKey(): Promise<SigningKey>;
  publish(key: SigningKey): void;
  token(options?: TokenOptions): Promise<string>;
  /** Requests served, by path (to see what was fetched). */
  requests: string[];
  /** Tokens issued through the managed-identity endpoint. */
  managedIdentityTokens: string[];
  /** The IDENTITY_ENDPOINT / IDENTITY_HEADER pair of the managed-identity endpoint. */
  managedIdentity: { endpoint: string; header: string; roles: string[]; expiresInSeconds: number };
  close(): Promise<void>;
}

export const apiAudience = 'api://ontomesh-test';
export const apiClientId = '6f1c1b8e-3d2a-4f7e-9b1a-2c5d8e7f9a10';

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startEntraStandIn(): Promise<EntraStandIn> {
  const tenantId = randomUUID();
  const tenantDomain = 'ontomesh-test.onmicrosoft.com';
  const requests: string[] = [];
  const managedIdentityTokens: string[] = [];
  const first = await signingKey();
  const standIn: EntraStandIn = {
    authority: '',
    tenantId,
    tenantDomain,
    published: [first],
    keysStatus: 200,
    newKey: signingKey,
    publish(key) {
      standIn.published = [...standIn.published, key];
    },
    token: (options = {}) => token(tenantId, options.key ?? standIn.published[0]!, options),
    requests,
    managedIdentityTokens,
    managedIdentity: { endpoint: '', header: randomBytes(16).toString('hex'), roles: ['Ontomesh.Write'], expiresInSeconds: 120 },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', standIn.authority);
    requests.push(url.pathname);
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    if (url.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== standIn.managedIdentity.header) return send(401, { error: 'unauthorized' });
      const resource = url.searchParams.get('resource') ?? '';
      const expiresOn = Math.floor(Date.now() / 1000) + standIn.managedIdentity.expiresInSeconds;
      const accessToken = await token(tenantId, standIn.published[0]!, { claims: { aud: resource, roles: standIn.managedIdentity.roles, exp: expiresOn } });
      managedIdentityTokens.push(accessToken);
      return send(200, { access_token: accessToken, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: managedIdentityClientId });
    }
    const match = /^\/([^/]+)\/(v2\.0\/)?\.well-known\/openid-configuration$/.exec(url.pathname);
    const tenant = match?.[1] ?? /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(url.pathname)?.[1];
    if (tenant !== tenantId && tenant !== tenantDomain) {
      return send(400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
    }
    if (match === null) return standIn.keysStatus === 200 ? send(200, { keys: standIn.published.map((key) => key.jwk) }) : send(standIn.keysStatus, { error: 'temporarily_unavailable' });
    send(200, metadata(standIn.authority, tenantId, match[2] === undefined ? '1.0' : '2.0'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.managedIdentity.endpoint = `${standIn.authority}/msi/token`;
  return standIn;
}

const managedIdentityClientId = '0c9e8b7a-6d5f-4e3c-8b2a-1f0e9d8c7b6a';

async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const kid = randomBytes(20).toString('base64url').slice(0, 27);
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, ...(await exportJWK(publicKey)) } };
}

/** The v2.0 or v1 discovery document as Entra ID serves it (its endpoints here), issuer as Entra ID's. */
function metadata(authority: string, tenantId: string, version: '1.0' | '2.0') {
  const v2 = version === '2.0';
  return {
    token_endpoint: `${authority}/${tenantId}/oauth2/${v2 ? 'v2.0/' : ''}token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${authority}/${tenantId}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', v2 ? 'id_token token' : 'token id_token', ...(v2 ? [] : ['token'])],
    scopes_supported: ['openid', ...(v2 ? ['profile', 'email', 'offline_access'] : [])],
    issuer: v2 ? `https://login.microsoftonline.com/${tenantId}/v2.0` : `https://sts.windows.net/${tenantId}/`,
    authorization_endpoint: `${authority}/${tenantId}/oauth2/${v2 ? 'v2.0/' : ''}authorize`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  };
}

/** An app-only access token for the test API, shaped as Entra ID issues them. */
async function token(tenantId: string, key: SigningKey, { claims = {}, version = '2.0' }: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const v2 = version === '2.0';
  const oid = 'a1b2c3d4-0000-4000-8000-00000000c0de';
  const client = '11111111-2222-4333-8444-555555555555';
  const payload: Record<string, unknown> = {
    aud: v2 ? apiClientId : apiAudience,
    iss: v2 ? `https://login.microsoftonline.com/${tenantId}/v2.0` : `https://sts.windows.net/${tenantId}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    aio: randomBytes(24).toString('base64'),
    ...(v2 ? { azp: client, azpacr: '1' } : { appid: client, appidacr: '1', idp: `https://sts.windows.net/${tenantId}/` }),
    idtyp: 'app',
    oid,
    rh: '0.AAAA',
    roles: ['Ontomesh.Read'],
    sub: oid,
    tid: tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: version,
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid }).sign(key.privateKey);
}
