/**
 * The Entra ID access token `ontomesh push` sends when the server asks for one: from
 * DefaultAzureCredential (environment variables, workload or managed identity, Azure CLI, ...) for the
 * API's scope, e.g. `api://ontomesh/.default`. Asked for before every upload: the credential keeps the
 * token and gets a new one as it nears expiry, so a `--watch` running for days keeps sending a valid one.
 */
import { OntomeshError } from '../../errors/index.ts';

/** The token for the next request. */
export type AccessToken = () => Promise<string>;

/**
 * Tokens for `scope` from a DefaultAzureCredential (imported only when a scope is set).
 *
 * @throws (from the returned function) OntomeshError UNAUTHENTICATED naming the scope when no credential gives a token.
 * @example const token = await accessToken('api://ontomesh/.default'); headers.authorization = `Bearer ${await token()}`;
 */
export async function accessToken(scope: string): Promise<AccessToken> {
  const source = new (await import('@azure/identity')).DefaultAzureCredential();
  return async () => {
    let token: string | undefined;
    try {
      token = (await source.getToken(scope))?.token;
    } catch (error) {
      throw new OntomeshError('UNAUTHENTICATED', `no Microsoft Entra ID token for scope ${scope}: ${(error as Error).message}`, { term: scope }, {}, { cause: error });
    }
    if (!token) throw new OntomeshError('UNAUTHENTICATED', `the Microsoft Entra ID credential gave no token for scope ${scope}`, { term: scope });
    return token;
  };
}
