/** The HTTP service: GraphQL, health, readiness and metrics over a GraphStore. */
export { createApp, type AppOptions } from './createApp.ts';
export { startServer, type RunningServer, type ServerOptions } from './startServer.ts';
export { createLogger, logLevelFromEnv, type Logger, type LogLevel } from './logger.ts';
export { graceMsFromEnv } from './shutdownGrace.ts';
export { appRoles, authConfigFromEnv, authVariables, type AuthConfig } from './auth/index.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export { ClusterWorkerRegistry } from './clusterMetrics.ts';
export { startTelemetry, telemetryConfigFromEnv, type Telemetry } from './telemetry/index.ts';
export { createSchema, schemaPath } from './graphql/schema.ts';
export { policyViolations, storePolicyViolations, type Policy } from './policyViolations.ts';
