/**
 * One HTTP exchange with the catalog, JSON in and out: the Authorization header, retries of 429 and 503
 * (honouring Retry-After, else exponential backoff) within a time budget, and every failure a user can
 * cause turned into an OntomeshError with a code: an endpoint that cannot be reached or is no catalog
 * (CATALOG_UNAVAILABLE, naming the URL), 401 (UNAUTHENTICATED), 403 (FORBIDDEN), 404 (NOT_FOUND), another
 * 4xx (BAD_REQUEST), 5xx or throttling past the budget (CATALOG_UNAVAILABLE). The Atlas error body's
 * errorCode and errorMessage are quoted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { OntomeshError, type ErrorCode } from '../../errors/index.ts';
import type { AuthorizationProvider } from './catalogAuth.ts';

export interface CatalogHttpOptions {
  authorization: AuthorizationProvider;
  /** How long retries of throttled and unavailable answers may take in all, per request (default 60 s). */
  retryBudgetMs?: number;
  signal?: AbortSignal;
  /** Told of every retry (for progress output). */
  onRetry?: (status: number, waitMs: number) => void;
}

const RETRIED = new Set([429, 503]);

/**
 * Sends one request and returns its JSON body.
 *
 * @example
 * const page = await catalogRequest<SearchPage>(url, { method: 'POST', body: { keywords: '*' } }, options);
 */
export async function catalogRequest<T>(url: URL, init: { method?: 'GET' | 'POST'; body?: unknown }, options: CatalogHttpOptions): Promise<T> {
  const budget = options.retryBudgetMs ?? 60_000;
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const response = await send(url, init, options);
    if (response.ok) return (await readJson(url, response)) as T;
    const waitMs = retryDelay(response, attempt);
    if (RETRIED.has(response.status) && performance.now() - started + waitMs <= budget) {
      await response.body?.cancel();
      options.onRetry?.(response.status, waitMs);
      await sleep(waitMs, undefined, { signal: options.signal });
      continue;
    }
    throw await failure(url, response, RETRIED.has(response.status) ? { budgetMs: budget, waitMs } : undefined);
  }
}

async function send(url: URL, init: { method?: string; body?: unknown }, options: CatalogHttpOptions): Promise<Response> {
  const headers: Record<string, string> = { authorization: await options.authorization(), accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, {
      method: init.method ?? 'GET', headers, signal: options.signal,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new OntomeshError('CATALOG_UNAVAILABLE', `cannot reach the catalog at ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      { term: url.origin }, {}, { cause: error });
  }
}

async function readJson(url: URL, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new OntomeshError('CATALOG_UNAVAILABLE', `${url.origin}${url.pathname} answered ${response.status} with no JSON: is the endpoint a Purview account (https://ACCOUNT.purview.azure.com) or an Atlas server?`, { term: url.origin });
  }
}

/** Retry-After in seconds (or an HTTP date), else 1 s doubling per attempt up to 30 s. */
function retryDelay(response: Response, attempt: number): number {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return Math.min(30_000, 1000 * 2 ** attempt);
}

async function failure(url: URL, response: Response, retry: { budgetMs: number; waitMs: number } | undefined): Promise<OntomeshError> {
  const text = await response.text().catch(() => '');
  let said = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { errorCode?: string; errorMessage?: string; error?: { code?: string; message?: string } };
    const code = body.errorCode ?? body.error?.code;
    const message = body.errorMessage ?? body.error?.message;
    if (code !== undefined || message !== undefined) said = [code, message].filter(Boolean).join(': ');
  } catch { /* not JSON: quote the text */ }
  const where = `${response.status} from ${url.origin}${url.pathname}`;
  const detail = said ? ` (${said})` : '';
  const status = response.status;
  const [code, hint]: [ErrorCode, string] =
    status === 401 ? ['UNAUTHENTICATED', 'the catalog refused the credentials']
      : status === 403 ? ['FORBIDDEN', 'the identity may not read this (Purview: give it the Data Reader role on the collection)']
        : status === 404 ? ['NOT_FOUND', 'the catalog has no such resource (check the endpoint)']
          : status < 500 && status !== 429 ? ['BAD_REQUEST', 'the catalog refused the request']
            : ['CATALOG_UNAVAILABLE', retry !== undefined
              ? `the catalog is throttling or unavailable, and waiting ${seconds(retry.waitMs)} more would pass the retry budget of ${seconds(retry.budgetMs)}`
              : 'the catalog failed'];
  return new OntomeshError(code, `${hint}: ${where}${detail}`, { term: url.origin }, { status });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
