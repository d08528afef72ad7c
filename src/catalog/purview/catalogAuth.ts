/**
 * How the client proves who it is: a Microsoft Entra ID bearer token for Purview (DefaultAzureCredential:
 * environment, workload identity, managed identity, Azure CLI, …; scope https://purview.azure.net/.default),
 * or HTTP basic auth for a plain Apache Atlas server. A credential that yields no token is UNAUTHENTICATED.
 */
import type { TokenCredential } from '@azure/identity';
import { OntomeshError } from '../../errors/index.ts';

/** Returns the Authorization header value for the next request. */
export type AuthorizationProvider = () => Promise<string>;

/** The OAuth2 scope of Purview's data plane (FACTS.md §4.2). */
export const PURVIEW_SCOPE = 'https://purview.azure.net/.default';

/**
 * Bearer tokens from an Entra ID credential (DefaultAzureCredential unless given one); the credential
 * caches and refreshes them. @azure/identity is imported on the first token, so the commands that
 * never sync (every `ontomesh load`, `serve`) do not pay for loading it.
 *
 * @example
 * const authorization = entraAuthorization();
 */
export function entraAuthorization(given?: TokenCredential): AuthorizationProvider {
  let credential = given;
  return async () => {
    let token;
    try {
      credential ??= new (await import('@azure/identity')).DefaultAzureCredential();
      token = await credential.getToken(PURVIEW_SCOPE);
    } catch (error) {
      throw new OntomeshError('UNAUTHENTICATED',
        `no Microsoft Entra ID token for ${PURVIEW_SCOPE}: ${(error as Error).message.split('\n')[0]} (sign in with "az login", or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET)`,
        {}, {}, { cause: error });
    }
    if (!token) throw new OntomeshError('UNAUTHENTICATED', `the Microsoft Entra ID credential gave no token for ${PURVIEW_SCOPE}`);
    return `Bearer ${token.token}`;
  };
}

/** HTTP basic auth, as a plain Apache Atlas server takes it. */
export function basicAuthorization(user: string, password: string): AuthorizationProvider {
  const value = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return async () => value;
}
