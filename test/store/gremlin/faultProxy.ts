/**
 * A WebSocket proxy in front of a Gremlin Server that behaves like Cosmos DB under load: it answers
 * a share of requests itself with a Cosmos-style throttling error (`x-ms-status-code` 429 and an
 * `x-ms-retry-after-ms` TimeSpan), can drop a client's socket after forwarding a request (so the
 * request runs but its answer is lost), and adds `x-ms-request-charge` attributes to answers.
 * Loopback only; it stops with close().
 */
import { WebSocket, WebSocketServer } from 'ws';

export interface FaultPlan {
  /**
   * Throttle this request? `request` is the 1-based count of eval requests through the proxy;
   * `throttledBefore` is how often this same script with these bindings was throttled already. A plan
   * that only counts requests can throttle an operation's retries in lockstep with its own request
   * pattern for ever, which Cosmos does not: after the retry-after its budget has refilled.
   */
  throttle?(request: number, throttledBefore: number): boolean;
  /** Forward this request, then drop the client's socket before the answer comes back? */
  drop?(request: number): boolean;
  /** Retry-after sent with throttling answers. Default 00:00:00.0200000 (20 ms). */
  retryAfter?: string;
  /** Charge added to every answer (request units), or a charge model of the request's script and bindings. Default 1.5. */
  charge?: number | ((script: string, bindings: Record<string, unknown>) => number);
}

export interface FaultProxy {
  readonly url: string;
  readonly counts: { requests: number; throttled: number; dropped: number; charged: number };
  close(): Promise<void>;
}

const parseRequest = (data: Buffer): { requestId: string; script: string; bindings: Record<string, unknown> } => {
  const json = JSON.parse(data.subarray(1 + data[0]!).toString()) as { requestId: { '@value': string } | string; args?: { gremlin?: string; bindings?: Record<string, unknown> } };
  return { requestId: typeof json.requestId === 'string' ? json.requestId : json.requestId['@value'], script: json.args?.gremlin ?? '', bindings: json.args?.bindings ?? {} };
};

export async function startFaultProxy(upstream: string, plan: FaultPlan): Promise<FaultProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const counts = { requests: 0, throttled: 0, dropped: 0, charged: 0 };
  const throttles = new Map<string, number>();
  const chargeOf = typeof plan.charge === 'function' ? plan.charge : () => (plan.charge as number | undefined) ?? 1.5;
  server.on('connection', (client) => {
    const charges = new Map<string, number>();
    const backend = new WebSocket(upstream);
    const pending: (() => void)[] = [];
    backend.on('open', () => pending.splice(0).forEach((forward) => forward()));
    backend.on('message', (data, isBinary) => {
      const response = JSON.parse(data.toString()) as { requestId: string; status: { code: number; attributes?: Record<string, unknown> } };
      const id = response.requestId.toLowerCase();
      const charge = charges.get(id) ?? 0;
      // Like Cosmos: every chunk carries the cumulative total; the last one (not 206) the final total.
      response.status.attributes = { ...response.status.attributes, 'x-ms-total-request-charge': charge };
      if (response.status.code !== 206) {
        charges.delete(id);
        counts.charged += charge;
      }
      if (client.readyState === WebSocket.OPEN) client.send(isBinary ? Buffer.from(JSON.stringify(response)) : JSON.stringify(response));
    });
    backend.on('close', () => client.terminate());
    backend.on('error', () => client.terminate());
    // Requests already forwarded still run (their answers are lost), as on a real dropped socket.
    const closeLater = () => setTimeout(() => backend.close(), 2000).unref();
    client.on('close', closeLater);
    client.on('error', closeLater);
    client.on('message', (data: Buffer) => {
      const request = ++counts.requests;
      const { requestId, script, bindings } = parseRequest(data);
      const key = `${script}\u0000${JSON.stringify(bindings)}`;
      const throttledBefore = throttles.get(key) ?? 0;
      if (plan.throttle?.(request, throttledBefore)) {
        throttles.set(key, throttledBefore + 1);
        counts.throttled++;
        const attributes = { 'x-ms-status-code': 429, 'x-ms-substatus-code': 3200, 'x-ms-retry-after-ms': plan.retryAfter ?? '00:00:00.0200000', 'x-ms-request-charge': 0, 'x-ms-activity-id': '00000000-0000-0000-0000-000000000000' };
        const answer = { requestId, status: { code: 500, message: 'Request rate is large. More Request Units may be needed.', attributes }, result: { data: null, meta: {} } };
        client.send(Buffer.from(JSON.stringify(answer)));
        return;
      }
      charges.set(requestId.toLowerCase(), chargeOf(script, bindings));
      const drop = plan.drop?.(request) ?? false;
      if (drop) counts.dropped++;
      const forward = () => backend.send(data, () => drop && client.terminate());
      if (backend.readyState === WebSocket.OPEN) forward();
      else pending.push(forward);
    });
  });
  const { port } = server.address() as { port: number };
  return {
    url: `gremlin://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
