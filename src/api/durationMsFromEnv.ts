/**
 * Durations configured in whole seconds by an environment variable (ONTOMESH_SHUTDOWN_GRACE_SECONDS,
 * ONTOMESH_LOCK_TIMEOUT_SECONDS): one parser, so each refuses a bad value with the same message.
 */
import { OntomeshError } from '../errors/index.ts';

/**
 * The duration in milliseconds that `variable` gives in whole seconds from 0 to `maxSeconds`;
 * `defaultMs` when it is unset or empty.
 *
 * @throws OntomeshError BAD_REQUEST naming the variable, its range and the value given otherwise.
 * @example durationMsFromEnv({ ONTOMESH_SHUTDOWN_GRACE_SECONDS: '25' }, 'ONTOMESH_SHUTDOWN_GRACE_SECONDS', { defaultMs: 10_000, maxSeconds: 86_400 }) // 25000
 */
export function durationMsFromEnv(env: NodeJS.ProcessEnv, variable: string, { defaultMs, maxSeconds }: { defaultMs: number; maxSeconds: number }): number {
  const text = env[variable]?.trim();
  if (text === undefined || text === '') return defaultMs;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > maxSeconds) {
    throw new OntomeshError('BAD_REQUEST', `${variable} must be a whole number of seconds from 0 to ${maxSeconds} (got "${env[variable]}")`, { term: variable });
  }
  return seconds * 1000;
}
