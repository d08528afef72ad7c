/**
 * How long a stopping server lets in-flight requests finish before it cuts them: the default and
 * ONTOMESH_SHUTDOWN_GRACE_SECONDS. On Kubernetes the grace has to end within the pod's
 * terminationGracePeriodSeconds (less any preStop sleep), or the kubelet's SIGKILL cuts the requests
 * instead, without the log line and exit code a cut by the drain gives.
 */
import { durationMsFromEnv } from './durationMsFromEnv.ts';

/** The grace period when none is configured: 10 s, within Kubernetes' default 30 s with a preStop sleep. */
export const defaultGraceMs = 10_000;

/** The environment variable that sets it, in whole seconds. */
export const graceVariable = 'ONTOMESH_SHUTDOWN_GRACE_SECONDS';

/** A day: anything longer is a mistake (and past ~24.8 days Node's timers would fire at once). */
const maxGraceSeconds = 86_400;

/**
 * The grace period in milliseconds from ONTOMESH_SHUTDOWN_GRACE_SECONDS (whole seconds; 0 cuts what
 * is in flight at once), the default when unset or empty.
 *
 * @throws OntomeshError BAD_REQUEST when it is not a whole number of seconds from 0 to 86400.
 * @example graceMsFromEnv({ ONTOMESH_SHUTDOWN_GRACE_SECONDS: '25' }) // 25000
 */
export function graceMsFromEnv(env: NodeJS.ProcessEnv): number {
  return durationMsFromEnv(env, graceVariable, { defaultMs: defaultGraceMs, maxSeconds: maxGraceSeconds });
}
