/**
 * Which store a command uses: `--store` wins over the ONTOMESH_STORE environment variable,
 * which wins over the embedded default. How long it waits for another process's write lock:
 * ONTOMESH_LOCK_TIMEOUT_SECONDS, read here rather than in the store, so a bad value stops the command
 * before it opens anything.
 */
// Not from api/index.ts: that would load Express and GraphQL into every command.
import { durationMsFromEnv } from '../api/durationMsFromEnv.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { defaultLockTimeoutMs, defaultStoreUrl, openStore, type StoreOptions } from '../store/index.ts';

/** The environment variable that sets how long a write waits for another process's write lock, in whole seconds. */
const lockTimeoutVariable = 'ONTOMESH_LOCK_TIMEOUT_SECONDS';

/** A day, as for ONTOMESH_SHUTDOWN_GRACE_SECONDS: a longer wait is a mistake. */
const maxLockTimeoutSeconds = 86_400;

/** The store URL to use and whether it is the default (serve seeds the demo mesh only there). */
export function resolveStoreUrl(flag: string | undefined, env: NodeJS.ProcessEnv): { url: string; isDefault: boolean } {
  const url = flag ?? (env.ONTOMESH_STORE || undefined);
  return url === undefined ? { url: defaultStoreUrl, isDefault: true } : { url, isDefault: false };
}

/**
 * How commands open their store, from the environment: ONTOMESH_LOCK_TIMEOUT_SECONDS (whole seconds;
 * 0 gives up at once when another process writes), 60 when unset or empty.
 *
 * @throws OntomeshError BAD_REQUEST when it is not a whole number of seconds from 0 to 86400.
 * @example storeOptionsFromEnv({ ONTOMESH_LOCK_TIMEOUT_SECONDS: '5' }) // { lockTimeoutMs: 5000 }
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv): StoreOptions {
  return { lockTimeoutMs: durationMsFromEnv(env, lockTimeoutVariable, { defaultMs: defaultLockTimeoutMs, maxSeconds: maxLockTimeoutSeconds }) };
}

/** Opens the store a command asked for; STORE_UNAVAILABLE (exit code 3) when it cannot be reached. */
export function openCliStore(flag: string | undefined, env: NodeJS.ProcessEnv, { readOnly = false } = {}): Promise<GraphStore> {
  return openStore(resolveStoreUrl(flag, env).url, { ...storeOptionsFromEnv(env), readOnly });
}
