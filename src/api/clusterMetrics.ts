/**
 * /metrics across the worker processes of `ontomesh serve --workers N`: a scrape reaches one worker,
 * so that worker asks the primary, the primary collects every worker's metrics with prom-client's
 * AggregatorRegistry (counters and histograms summed, gauges per prom-client's aggregators) and the
 * worker answers with the total. Prometheus thus sees one target, as with a single process.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

const request = 'ontomesh:metrics-request';
const response = 'ontomesh:metrics-response';

interface MetricsRequest { type: typeof request; id: number }
interface MetricsResponse { type: typeof response; id: number; text?: string; error?: string }

/**
 * A worker's registry: its own metrics are what the primary collects (`getMetricsAsJSON`), and its
 * exposition (`metrics()`, what /metrics serves) is the whole cluster's, from the primary.
 *
 * @example const metrics = createMetrics(new ClusterWorkerRegistry());
 */
export class ClusterWorkerRegistry extends Registry {
  #nextId = 0;
  readonly #pending = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();

  constructor() {
    super();
    if (!cluster.isWorker) throw new Error('ClusterWorkerRegistry is for cluster workers');
    // prom-client answers the primary's collection requests in a worker once an AggregatorRegistry exists there.
    AggregatorRegistry.setRegistries(this);
    new AggregatorRegistry();
    process.on('message', (message: MetricsResponse) => {
      if (message?.type !== response) return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.text !== undefined) pending?.resolve(message.text);
      else pending?.reject(new Error(`cluster metrics: ${message.error}`));
    });
  }

  /** The metrics of every worker, aggregated by the primary (prom-client times out after 5 s). */
  override metrics(): Promise<string> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      process.send!({ type: request, id } satisfies MetricsRequest, undefined, {}, (error) => {
        if (error === null) return;
        this.#pending.delete(id);
        reject(error);
      });
    });
  }
}

/**
 * In the primary: answers the workers' /metrics with the aggregate of all workers. Returns the
 * function that stops answering.
 */
export function serveClusterMetrics(): () => void {
  const aggregator = new AggregatorRegistry();
  const onMessage = (worker: Worker, message: MetricsRequest) => {
    if (message?.type !== request) return;
    const reply = (answer: Omit<MetricsResponse, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: response, id: message.id, ...answer } satisfies MetricsResponse);
    };
    aggregator.clusterMetrics().then((text) => reply({ text }), (error: Error) => reply({ error: error.message }));
  };
  cluster.on('message', onMessage);
  return () => cluster.off('message', onMessage);
}
