/**
 * The adapter's only contact with the `gremlin` driver: a small pool of WebSocket connections that
 * sends string scripts with bindings as GraphSON v2, retries what is worth retrying (throttling,
 * dropped sockets, conflicts) within a budget, reconnects after a dropped socket, and accounts the
 * request charge of every response.
 *
 * Why `gremlin@3.8.2` with an explicit GraphSON v2 mime type: it is the current driver (Node >= 20,
 * maintained, same `Client.submit(string, bindings)` API as the 3.4-era driver Cosmos documents);
 * its default serializer is GraphBinary, which Cosmos refuses, and GraphSON v3 is refused with
 * status 498, so `application/vnd.gremlin-v2.0+json` is set on every connection, for TinkerPop too
 * (one wire format for both engines). Bytecode (remote traversals) is never used: Cosmos has none.
 */
import gremlin from 'gremlin';
import { OntomeshError } from '../../errors/index.ts';
import type { Dialect, ResponseStatus } from './dialect.ts';
import { meterRequest, type StoreRequest } from '../../graph/storeRequests.ts';
import { chargeOf } from './requestCharge.ts';
import { classifyFailure, defaultRetryPolicy, retryDelay, type Failure, type RetryPolicy } from './retry.ts';
import type { Script } from './ScriptBuilder.ts';

export const graphSonV2 = 'application/vnd.gremlin-v2.0+json';
/** Cosmos DB's script length limit (64 KB); requests stay under it. */
const maxScriptLength = 64 * 1024 - 512;

/** SASL PLAIN credentials; `expiresAt` (ms) makes the pool reconnect with fresh ones before then. */
export interface Credentials {
  username: string;
  password: string;
  expiresAt?: number;
}

export interface GremlinClientOptions {
  /** `ws://host:port/gremlin` or `wss://account.gremlin.cosmos.azure.com:443/`. */
  url: string;
  dialect: Dialect;
  /** Called for every new connection (keys are static; Entra ID tokens expire). */
  credentials?: () => Promise<Credentials>;
  /** Parallel WebSocket connections (Cosmos answers 1008 "connection too busy" on one). Default 2. */
  connections?: number;
  retry?: Partial<RetryPolicy>;
  /** A request without an answer after this long counts as a dropped connection. Default 60 s. */
  requestTimeoutMs?: number;
  rejectUnauthorized?: boolean;
  /** Sleeps between retries (tests make time pass faster). */
  sleep?: (ms: number) => Promise<void>;
}

/** A failed request, classified for retrying. Internal: operations end in an OntomeshError. */
export class RequestFailure extends Error {
  readonly failure: Failure;
  readonly status: ResponseStatus | undefined;
  readonly template: string;

  constructor(template: string, failure: Failure, status: ResponseStatus | undefined, cause: unknown) {
    super(`${template}: ${status?.message ?? (cause instanceof Error ? cause.message : String(cause))}`, { cause });
    this.name = 'RequestFailure';
    this.failure = failure;
    this.status = status;
    this.template = template;
  }
}

interface DriverClient {
  submit(message: string, bindings?: unknown, options?: unknown): Promise<{ toArray(): unknown[]; attributes: unknown }>;
  close(): Promise<void>;
  _connection: { submit(processor: string, op: string, args: unknown, requestId?: string): Promise<{ toArray(): unknown[]; attributes: unknown }>; mimeType: string };
}

interface Slot {
  client?: DriverClient;
  expiresAt?: number;
  opening?: Promise<DriverClient>;
}

const toObject = (attributes: unknown): Record<string, unknown> =>
  attributes instanceof Map ? Object.fromEntries(attributes) : ((attributes ?? {}) as Record<string, unknown>);

export class GremlinClient {
  readonly dialect: Dialect;
  readonly #options: GremlinClientOptions;
  readonly #policy: RetryPolicy;
  readonly #slots: Slot[];
  readonly #listeners = new Set<(record: StoreRequest) => void>();
  #next = 0;
  #closed = false;
  /** Request units charged since the client was created. */
  requestCharge = 0;
  requests = 0;

  constructor(options: GremlinClientOptions) {
    this.#options = options;
    this.dialect = options.dialect;
    this.#policy = { ...defaultRetryPolicy, ...options.retry };
    this.#slots = Array.from({ length: Math.max(1, options.connections ?? 2) }, () => ({}));
  }

  /** Calls `listener` after every request (success or failure). Returns a function that removes it. */
  onRequest(listener: (record: StoreRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends a script and retries it on throttling, dropped sockets and conflicts. */
  query<T>(script: Script): Promise<T[]> {
    return this.run(script.template, () => this.submit<T>(script));
  }

  /**
   * Runs an operation of one or more requests with retries. `attempt` counts from 1; an operation
   * that is not idempotent as a whole uses `previous` (the last failure) to switch to read-then-write.
   */
  async run<T>(what: string, operation: (attempt: number, previous: Failure | undefined) => Promise<T>): Promise<T> {
    let waited = 0;
    let previous: Failure | undefined;
    let last: RequestFailure | undefined;
    for (let attempt = 1; attempt <= this.#policy.maxAttempts; attempt++) {
      try {
        return await operation(attempt, previous);
      } catch (error) {
        if (!(error instanceof RequestFailure)) throw error;
        last = error;
        previous = error.failure;
        if (error.failure.kind === 'fatal') throw this.#fatal(what, error);
        const delay = retryDelay(error.failure, attempt, this.#policy);
        if (waited + delay > this.#policy.maxTotalDelayMs) break;
        waited += delay;
        if (delay > 0) await (this.#options.sleep ?? sleep)(delay);
      }
    }
    throw this.#exhausted(what, last!);
  }

  /** Sends one script once. Throws RequestFailure (classified) when it fails. */
  async submit<T>(script: Script): Promise<T[]> {
    if (this.#closed) throw new OntomeshError('STORE_UNAVAILABLE', 'The Gremlin store is closed');
    if (script.text.length > maxScriptLength) {
      throw new OntomeshError('INTERNAL', `Script ${script.template} is ${script.text.length} characters, over the 64 KB limit of Cosmos DB`);
    }
    const slot = this.#slots[this.#next++ % this.#slots.length]!;
    const started = performance.now();
    let client: DriverClient | undefined;
    try {
      client = await this.#connection(slot);
      const result = await this.#withTimeout(this.#send(client, script), script.template);
      const attributes = toObject(result.attributes);
      this.#record(script.template, attributes, started, 'ok');
      return result.toArray() as T[];
    } catch (error) {
      if (error instanceof OntomeshError) throw error;
      const status = statusOf(error);
      const failure = classifyFailure(status, this.dialect);
      this.#record(script.template, status?.attributes ?? {}, started, failure.kind);
      if (failure.kind === 'transient' && failure.reconnect) this.#discard(slot, client);
      throw new RequestFailure(script.template, failure, status, error);
    }
  }

  #send(client: DriverClient, script: Script) {
    if (this.dialect.language === 'gremlin-groovy') return client.submit(script.text, script.bindings);
    // Client.submit always sends language 'gremlin-groovy' (FACTS §3.2); the same request with
    // another language goes through the connection the client wraps.
    const connection = client._connection;
    const args = { gremlin: script.text, bindings: script.bindings, language: this.dialect.language, aliases: { g: 'g' }, accept: connection.mimeType };
    return connection.submit('', 'eval', args);
  }

  #withTimeout<T>(promise: Promise<T>, template: string): Promise<T> {
    const ms = this.#options.requestTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${template}: no answer within ${ms} ms`)), ms);
    });
    promise.catch(() => undefined);
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async #connection(slot: Slot): Promise<DriverClient> {
    if (slot.client && (slot.expiresAt === undefined || slot.expiresAt - Date.now() > 5 * 60_000)) return slot.client;
    if (slot.client) this.#discard(slot, slot.client);
    slot.opening ??= this.#open(slot).finally(() => (slot.opening = undefined));
    return slot.opening;
  }

  async #open(slot: Slot): Promise<DriverClient> {
    const credentials = await this.#options.credentials?.();
    const options: Record<string, unknown> = { mimeType: graphSonV2, traversalSource: 'g' };
    if (credentials) options.authenticator = new gremlin.driver.auth.PlainTextSaslAuthenticator(credentials.username, credentials.password);
    if (this.#options.rejectUnauthorized !== undefined) options.rejectUnauthorized = this.#options.rejectUnauthorized;
    const client = new gremlin.driver.Client(this.#options.url, options) as unknown as DriverClient;
    slot.client = client;
    slot.expiresAt = credentials?.expiresAt;
    return client;
  }

  /** Drops a connection that failed; the next request on the slot opens a new one. */
  #discard(slot: Slot, client: DriverClient | undefined): void {
    if (!client || slot.client !== client) return;
    slot.client = undefined;
    client.close().catch(() => undefined);
  }

  #record(template: string, attributes: Record<string, unknown>, started: number, outcome: StoreRequest['outcome']): void {
    const charge = chargeOf(attributes);
    const status = attributes['x-ms-status-code'];
    const record: StoreRequest = { template, charge, durationMs: performance.now() - started, outcome };
    if (status !== undefined) record.cosmosStatus = Number(status);
    this.requestCharge += charge;
    this.requests += 1;
    meterRequest(record);
    for (const listener of this.#listeners) listener(record);
  }

  #fatal(what: string, error: RequestFailure): OntomeshError {
    const unauthorized = error.failure.kind === 'fatal' && error.failure.unauthorized;
    const message = unauthorized ? `The Gremlin store refused the credentials (${what})` : `The Gremlin store could not run ${what}: ${error.status?.message ?? error.message}`;
    return new OntomeshError(unauthorized ? 'STORE_UNAVAILABLE' : 'INTERNAL', message, {}, { template: error.template, status: error.status?.code }, { cause: error });
  }

  #exhausted(what: string, error: RequestFailure): OntomeshError {
    const throttled = error.failure.kind === 'transient' && error.failure.throttled;
    return throttled
      ? new OntomeshError('STORE_THROTTLED', `The Gremlin store kept throttling ${what}; the retry budget ran out`, {}, { template: error.template }, { cause: error })
      : new OntomeshError('STORE_UNAVAILABLE', `The Gremlin store failed ${what} and retries ran out: ${error.message}`, {}, { template: error.template }, { cause: error });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map(async (slot) => {
      const client = slot.client ?? (await slot.opening?.catch(() => undefined));
      slot.client = undefined;
      await client?.close().catch(() => undefined);
    }));
  }
}

/** The response status of a driver error; undefined when no response came (socket failure, timeout). */
function statusOf(error: unknown): ResponseStatus | undefined {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return undefined;
  const e = error as Error & { statusCode?: number; statusMessage?: string; statusAttributes?: unknown };
  return { code: e.statusCode, message: e.statusMessage ?? e.message, attributes: toObject(e.statusAttributes) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
