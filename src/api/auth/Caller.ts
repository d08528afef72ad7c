/**
 * Who called, as a validated Entra ID access token says: enough to authorize (roles) and to log
 * (object id, client application). v1 tokens name the client in `appid`, v2.0 tokens in `azp`.
 */
import type { JWTPayload } from 'jose';

export interface Caller {
  /** The object id of the user or the service principal (managed identity, app) in the tenant. */
  oid: string | undefined;
  /** The client application's id (`azp` in v2.0 tokens, `appid` in v1). */
  appid: string | undefined;
  /** The app roles assigned to the caller (for users: directly or through a group). */
  roles: string[];
}

/** The caller a verified token's claims describe. */
export function callerOf(claims: JWTPayload): Caller {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const roles = Array.isArray(claims['roles']) ? claims['roles'].filter((role): role is string => typeof role === 'string') : [];
  return { oid: text(claims['oid']), appid: text(claims['azp']) ?? text(claims['appid']), roles };
}
