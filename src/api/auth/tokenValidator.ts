/**
 * Validates Entra ID access tokens with jose: the RS256 signature against the tenant's published
 * keys (cached; fetched again when a token names a `kid` not in the cache, as after a key rollover,
 * at most once per cooldown), the issuer (the tenant's v2.0 or v1 issuer: Entra ID signs every
 * tenant's tokens with the same keys, so the issuer is what ties a token to this tenant), the
 * audience, `exp` and `nbf` within the clock skew. Every refusal says why, for the
 * `WWW-Authenticate` error description.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { OntomeshError } from '../../errors/index.ts';
import type { AuthConfig } from './authConfig.ts';
import { callerOf, type Caller } from './Caller.ts';
import { fetchTenantMetadata, type TenantMetadata } from './tenantMetadata.ts';

export interface TokenValidator {
  /**
   * The caller of a valid token.
   *
   * @throws OntomeshError UNAUTHENTICATED saying what is wrong with the token; AUTH_UNAVAILABLE when
   *   the tenant's metadata or keys cannot be fetched.
   */
  validate(token: string): Promise<Caller>;
  /** Fetches the metadata now (at start, so a wrong tenant shows in the log before the first request). */
  prefetch(): Promise<void>;
}

interface Keys {
  metadata: TenantMetadata;
  getKey: JWTVerifyGetKey;
}

/**
 * A validator for the configured tenant and audiences. The metadata is fetched on first use and
 * kept; a failed fetch is tried again by the next request.
 *
 * @example const caller = await createTokenValidator(config).validate(bearerToken);
 */
export function createTokenValidator(config: AuthConfig): TokenValidator {
  let keys: Promise<Keys> | undefined;
  const load = () => (keys ??= fetchTenantMetadata(config.authority, config.tenant).then((metadata) => ({
    metadata,
    getKey: createRemoteJWKSet(metadata.jwksUri, { cooldownDuration: config.keyRefetchCooldownMs, timeoutDuration: 10_000 }),
  })).catch((error: unknown) => {
    keys = undefined;
    throw error;
  }));
  return {
    async validate(token) {
      const { metadata, getKey } = await load();
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: metadata.issuers,
          audience: config.audiences,
          algorithms: ['RS256'],
          clockTolerance: config.clockSkewSeconds,
          requiredClaims: ['exp'],
        });
        return callerOf(payload);
      } catch (error) {
        throw refusal(error, config, metadata);
      }
    },
    async prefetch() {
      await load();
    },
  };
}

/** A jose failure as UNAUTHENTICATED with what is wrong, or AUTH_UNAVAILABLE when the keys could not be fetched. */
function refusal(error: unknown, config: AuthConfig, metadata: TenantMetadata): OntomeshError {
  const invalid = (message: string) => new OntomeshError('UNAUTHENTICATED', message, {}, {}, { cause: error });
  if (error instanceof errors.JWTExpired) return invalid(`the token expired at ${instant(error.payload.exp)}`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, payload } = error;
    if (claim === 'aud') return invalid(`the token is for audience ${JSON.stringify(payload.aud)}, not this API (${config.audiences.join(', ')})`);
    if (claim === 'iss') return invalid(`the token is issued by "${String(payload.iss)}", not by tenant ${config.tenant} (${metadata.issuers.join(' or ')})`);
    if (claim === 'nbf') return invalid(`the token is not valid before ${instant(payload.nbf)}`);
    return invalid(`the token's claims are not valid: ${error.message}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return invalid(`the token is signed with a key tenant ${config.tenant} does not publish`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('the token\'s signature does not verify');
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid('the token is not signed with RS256, as Entra ID signs access tokens');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return invalid(`the token is not a well-formed JWT: ${error.message}`);
  if (keySetUnavailable(error)) {
    const message = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return new OntomeshError('AUTH_UNAVAILABLE', `the signing keys at ${metadata.jwksUri.href} cannot be fetched: ${message}`, {}, {}, { cause: error });
  }
  // What jose refuses besides (a `crit` header it does not know, a key the token names twice, ...) is the token's doing.
  return invalid(`the token cannot be verified: ${(error as Error).message}`);
}

/** Fetching the key set failed: a timeout, a refused connection (fetch's TypeError), a non-200 answer or no JWKS in it. */
function keySetUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || /JSON Web Key Set HTTP response/.test(error.message);
}

const instant = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : String(seconds));
