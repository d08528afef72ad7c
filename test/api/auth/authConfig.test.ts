/**
 * ONTOMESH_AUTH_*: unset runs open, a whole configuration is read, and every half or wrong one is
 * refused naming its variable (a typo must not leave the API open).
 */
import { describe, expect, it } from 'vitest';
import { authConfigFromEnv } from '../../../src/api/auth/index.ts';
import { OntomeshError } from '../../../src/errors/index.ts';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function refusal(env: NodeJS.ProcessEnv): { code: string; message: string } {
  try {
    authConfigFromEnv(env);
  } catch (error) {
    if (error instanceof OntomeshError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('authConfigFromEnv', () => {
  it('is undefined (open API) when neither tenant nor audience is set, or both are empty', () => {
    expect(authConfigFromEnv({})).toBeUndefined();
    expect(authConfigFromEnv({ ONTOMESH_AUTH_TENANT_ID: ' ', ONTOMESH_AUTH_AUDIENCE: ',' })).toBeUndefined();
  });

  it('reads a whole configuration, with the defaults', () => {
    const config = authConfigFromEnv({ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh, 6f1c1b8e-3d2a-4f7e-9b1a-2c5d8e7f9a10' });
    expect(config).toEqual({
      tenant,
      audiences: ['api://ontomesh', '6f1c1b8e-3d2a-4f7e-9b1a-2c5d8e7f9a10'],
      authority: new URL('https://login.microsoftonline.com'),
      readsNeedToken: true,
      clockSkewSeconds: 300,
      keyRefetchCooldownMs: 30_000,
    });
  });

  it('takes a tenant domain, open reads, a national cloud and a clock skew', () => {
    const config = authConfigFromEnv({
      ONTOMESH_AUTH_TENANT_ID: 'contoso.onmicrosoft.us', ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh', ONTOMESH_AUTH_READS: 'open',
      ONTOMESH_AUTH_AUTHORITY: 'https://login.microsoftonline.us', ONTOMESH_AUTH_CLOCK_SKEW_SECONDS: '60',
    });
    expect(config).toMatchObject({ tenant: 'contoso.onmicrosoft.us', readsNeedToken: false, authority: new URL('https://login.microsoftonline.us'), clockSkewSeconds: 60 });
  });

  it.each([
    [{ ONTOMESH_AUTH_TENANT_ID: tenant }, 'ONTOMESH_AUTH_AUDIENCE must be set with ONTOMESH_AUTH_TENANT_ID'],
    [{ ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh' }, 'ONTOMESH_AUTH_TENANT_ID must be set with ONTOMESH_AUTH_AUDIENCE'],
    [{ ONTOMESH_AUTH_TENANT_ID: 'common', ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh' }, 'ONTOMESH_AUTH_TENANT_ID must name one tenant, not "common"'],
    [{ ONTOMESH_AUTH_TENANT_ID: 'contoso', ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh' }, 'ONTOMESH_AUTH_TENANT_ID must be a tenant id (GUID) or domain (got "contoso")'],
    [{ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'api://onto mesh' }, 'ONTOMESH_AUTH_AUDIENCE must be comma-separated values without spaces (got "api://onto mesh")'],
    [{ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh', ONTOMESH_AUTH_READS: 'public' }, 'ONTOMESH_AUTH_READS must be token (the default: reads need Ontomesh.Read) or open (got "public")'],
    [{ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh', ONTOMESH_AUTH_AUTHORITY: 'http://login.example.com' }, 'ONTOMESH_AUTH_AUTHORITY must be an https URL such as https://login.microsoftonline.com (got "http://login.example.com")'],
    [{ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'api://ontomesh', ONTOMESH_AUTH_CLOCK_SKEW_SECONDS: '5m' }, 'ONTOMESH_AUTH_CLOCK_SKEW_SECONDS must be a whole number of seconds from 0 to 3600 (got "5m")'],
  ])('refuses %j', (env, message) => {
    const { code, message: actual } = refusal(env);
    expect(code).toBe('BAD_REQUEST');
    expect(actual.startsWith(message)).toBe(true);
  });

  it('allows plain http only for an authority on this machine (a local stand-in)', () => {
    expect(authConfigFromEnv({ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: 'a', ONTOMESH_AUTH_AUTHORITY: 'http://127.0.0.1:9999' })?.authority.href).toBe('http://127.0.0.1:9999/');
  });
});
