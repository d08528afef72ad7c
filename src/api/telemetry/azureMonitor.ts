/**
 * Application Insights through OpenTelemetry: a tracer, meter and logger provider, each exporting with
 * Microsoft's Azure Monitor exporter to the resource the connection string names. Loaded only when
 * telemetry is on (index.ts). The providers are the SDK's own pieces rather than the
 * @azure/monitor-opentelemetry distro: the distro adds 0.35 s of imports and 40 MiB at startup for
 * automatic instrumentations ontomesh has no use for (its HTTP one knows neither Express routes nor
 * GraphQL operations), where the spans here come from the service's own middleware (src/api/README.md).
 */
import { hostname } from 'node:os';
import { ApplicationInsightsSampler, AzureMonitorLogExporter, AzureMonitorMetricExporter, AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from './index.ts';
import { logRecords } from './logRecords.ts';
import { observePrometheus } from './prometheusBridge.ts';
import { graphqlSpans, requestSpans } from './requestSpans.ts';
import { storeSpans } from './storeSpans.ts';
import type { Telemetry } from './Telemetry.ts';

/** How often metrics are sent: Application Insights' own interval. */
const metricIntervalMs = 60_000;

/** Starts exporting to the Application Insights resource of `config.connectionString`. */
export function startAzureMonitor({ connectionString, samplingRatio, serviceName }: TelemetryConfig): Telemetry {
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_INSTANCE_ID]: hostname() });
  const options = { connectionString };

  const tracerProvider = new NodeTracerProvider({
    resource,
    sampler: new ApplicationInsightsSampler(samplingRatio),
    spanProcessors: [new BatchSpanProcessor(new AzureMonitorTraceExporter(options))],
  });
  // Registers the async-context manager and W3C trace-context propagation (the traceparent Istio passes on).
  tracerProvider.register();
  const tracer = tracerProvider.getTracer('ontomesh');

  const meterProvider = new MeterProvider({
    resource,
    readers: [new PeriodicExportingMetricReader({ exporter: new AzureMonitorMetricExporter(options), exportIntervalMillis: metricIntervalMs })],
  });
  const loggerProvider = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor({ exporter: new AzureMonitorLogExporter(options) })] });

  return {
    requests: requestSpans(tracer),
    graphql: graphqlSpans(tracer),
    watchStore: storeSpans(tracer),
    observeMetrics: (registry) => observePrometheus(meterProvider.getMeter('ontomesh'), registry),
    logger: logRecords(loggerProvider.getLogger('ontomesh')),
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown(), loggerProvider.shutdown()]);
      // The globals register() set, so that telemetry can be started again in this process.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
