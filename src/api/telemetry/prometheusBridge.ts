/**
 * The service's Prometheus metrics (the prom-client registry /metrics serves, src/api/metrics.ts)
 * exported through OpenTelemetry too, so Application Insights gets the same numbers without a second
 * set of counters: every `ontomesh_*` counter and gauge, and a few process metrics. Histograms are
 * left out: request durations reach Application Insights with every request.
 */
import type { Attributes, Meter, Observable } from '@opentelemetry/api';
import type { Registry } from 'prom-client';

/** The process metrics worth their ingestion cost beside the service's own. */
const processMetrics = new Set(['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds']);

const exported = (name: string, type: string) => (type === 'counter' || type === 'gauge') && (name.startsWith('ontomesh_') || processMetrics.has(name));

/**
 * Registers an observable counter or gauge on `meter` for each exported metric of `registry`, all
 * read from the registry in one pass when the meter collects. In a cluster worker the registry's
 * JSON is the worker's own metrics, so each process sends its own.
 */
export async function observePrometheus(meter: Meter, registry: Registry): Promise<void> {
  const instruments = new Map<string, Observable>();
  for (const metric of await registry.getMetricsAsJSON()) {
    const type = String(metric.type);
    if (!exported(metric.name, type)) continue;
    const options = { description: metric.help };
    instruments.set(metric.name, type === 'counter' ? meter.createObservableCounter(metric.name, options) : meter.createObservableGauge(metric.name, options));
  }
  meter.addBatchObservableCallback(async (result) => {
    for (const metric of await registry.getMetricsAsJSON()) {
      const instrument = instruments.get(metric.name);
      if (instrument === undefined) continue;
      for (const { value, labels } of metric.values) result.observe(instrument, value, labels as Attributes);
    }
  }, [...instruments.values()]);
}
