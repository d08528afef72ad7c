/**
 * Telemetry to Azure Monitor Application Insights, on when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
 * Unset, nothing of OpenTelemetry or the exporter is loaded: they are imported here, on demand, and
 * the service's code sees only the Telemetry interface.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { Telemetry } from './Telemetry.ts';

export type { Telemetry } from './Telemetry.ts';

/** The variable that turns telemetry on: an Application Insights resource's connection string. */
export const connectionStringVariable = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

/** What azureMonitor.ts starts from, read and checked from the environment before anything is loaded. */
export interface TelemetryConfig {
  connectionString: string;
  /** The share of traces kept (OTEL_TRACES_SAMPLER_ARG, as the Azure Monitor distro reads it), 1 by default. */
  samplingRatio: number;
  /** Application Insights' cloud role name (OTEL_SERVICE_NAME), `ontomesh` by default. */
  serviceName: string;
}

/**
 * Starts sending telemetry as `config` says, loading OpenTelemetry and the exporter now.
 *
 * @example
 * const config = telemetryConfigFromEnv(process.env); // checked early, before any work
 * const telemetry = config && (await startTelemetry(config));
 */
export async function startTelemetry(config: TelemetryConfig): Promise<Telemetry> {
  const { startAzureMonitor } = await import('./azureMonitor.ts');
  return startAzureMonitor(config);
}

/**
 * The telemetry configuration in `env`, undefined when telemetry is off.
 *
 * @throws OntomeshError BAD_REQUEST when the connection string has no InstrumentationKey, or
 *   OTEL_TRACES_SAMPLER_ARG is not a ratio from 0 to 1.
 * @example telemetryConfigFromEnv({}) // undefined
 */
export function telemetryConfigFromEnv(env: NodeJS.ProcessEnv): TelemetryConfig | undefined {
  const connectionString = env[connectionStringVariable]?.trim();
  if (!connectionString) return undefined;
  if (!/(^|;)\s*InstrumentationKey\s*=\s*[^;\s]/i.test(connectionString)) {
    throw new OntomeshError('BAD_REQUEST', `${connectionStringVariable} has no InstrumentationKey: copy the whole connection string from the Application Insights resource`);
  }
  return { connectionString, samplingRatio: samplingRatio(env), serviceName: env.OTEL_SERVICE_NAME?.trim() || 'ontomesh' };
}

function samplingRatio(env: NodeJS.ProcessEnv): number {
  const text = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!text) return 1;
  const ratio = Number(text);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new OntomeshError('BAD_REQUEST', `OTEL_TRACES_SAMPLER_ARG must be the share of traces to keep, from 0 to 1 (got "${env.OTEL_TRACES_SAMPLER_ARG}")`);
  }
  return ratio;
}
