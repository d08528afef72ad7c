/**
 * Which store a command uses: `--store` wins over the ONTOMESH_STORE environment variable,
 * which wins over the embedded default.
 */
import type { GraphStore } from '../graph/GraphStore.ts';
import { defaultStoreUrl, openStore } from '../store/openStore.ts';

/** The store URL to use and whether it is the default (serve seeds the demo mesh only there). */
export function resolveStoreUrl(flag: string | undefined, env: NodeJS.ProcessEnv): { url: string; isDefault: boolean } {
  const url = flag ?? (env.ONTOMESH_STORE || undefined);
  return url === undefined ? { url: defaultStoreUrl, isDefault: true } : { url, isDefault: false };
}

/** Opens the store a command asked for; STORE_UNAVAILABLE (exit code 3) when it cannot be reached. */
export function openCliStore(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<GraphStore> {
  return openStore(resolveStoreUrl(flag, env).url);
}
