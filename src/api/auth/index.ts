/** Microsoft Entra ID authentication and app-role authorization of the HTTP API. */
export { apiAuth, type ApiAuth } from './apiAuth.ts';
export { appRoles, authConfigFromEnv, authVariables, type AuthConfig } from './authConfig.ts';
export { createTokenValidator, type TokenValidator } from './tokenValidator.ts';
