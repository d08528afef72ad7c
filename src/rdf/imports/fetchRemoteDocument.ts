/**
 * Fetching an imported ontology over HTTP(S), only from hosts the user allowed. Redirects are
 * followed by hand so that every hop is checked against the allowed hosts (a PURL that
 * redirects elsewhere needs both hosts allowed). The body is returned as a stream for the
 * parser; nothing is buffered.
 */
import { formatMediaTypes, type RdfFormat } from '../formats.ts';

/** The global `fetch`, or a stand-in with its signature (tests, proxies). */
export type FetchFunction = typeof globalThis.fetch;

/** A response ready to parse. */
export interface RemoteDocument {
  /** The URL the document was finally read from (after redirects): its base IRI. */
  url: string;
  /** The response's Content-Type, when it sent one. */
  mediaType?: string;
  body: AsyncIterable<Uint8Array>;
}

/** Preference of each syntax in the Accept header: the well-supported RDF syntaxes first. */
const preference: Record<RdfFormat, number> = {
  turtle: 1,
  rdfxml: 0.9,
  jsonld: 0.8,
  ntriples: 0.7,
  nquads: 0.7,
  trig: 0.7,
  owlxml: 0.5,
  ofn: 0.5,
};

/** The Accept header sent for an import: every RDF and OWL syntax, then anything (the parser sniffs). */
export const importAcceptHeader = [
  ...Object.entries(formatMediaTypes).map(([format, type]) => {
    const q = preference[format as RdfFormat];
    return q === 1 ? type : `${type};q=${q}`;
  }),
  '*/*;q=0.1',
].join(', ');

const MAX_REDIRECTS = 10;
/** How long to wait for a server's response headers; the body may then take as long as it needs. */
const RESPONSE_TIMEOUT_MS = 30_000;

/**
 * Whether `url` may be fetched: HTTP(S) and its host (`name` or `name:port`) listed in `allowedHosts`.
 *
 * @example isAllowedHost(new URL('https://w3id.org/dprod'), ['w3id.org']) // true
 */
export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return allowedHosts.some((host) => {
    const allowed = host.trim().toLowerCase();
    return allowed === url.hostname || allowed === url.host;
  });
}

/**
 * GETs `url` with content negotiation for RDF, following redirects to allowed hosts only.
 * Rejects with an Error whose message says why (host not allowed, HTTP status, HTML page,
 * network failure); the caller reports it as an unresolved import.
 */
export async function fetchRemoteDocument(url: string, allowedHosts: readonly string[], fetch: FetchFunction): Promise<RemoteDocument> {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isAllowedHost(current, allowedHosts)) {
      throw new Error(hop === 0 ? `host ${current.host} is not in allowRemoteImports` : `it redirects to ${current.href}, whose host ${current.host} is not in allowRemoteImports`);
    }
    const response = await request(current, fetch);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      current = new URL(location, current);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`GET ${current.href} answered ${response.status} ${response.statusText}`.trimEnd());
    }
    const mediaType = response.headers.get('content-type') ?? undefined;
    if (mediaType !== undefined && /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i.test(mediaType)) {
      await response.body?.cancel();
      throw new Error(`GET ${current.href} answered an HTML page, not RDF`);
    }
    const document: RemoteDocument = { url: current.href, body: response.body ?? emptyBody() };
    if (mediaType !== undefined) document.mediaType = mediaType;
    return document;
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

async function request(url: URL, fetch: FetchFunction): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no response from ${url.host} within ${RESPONSE_TIMEOUT_MS / 1000} s`)), RESPONSE_TIMEOUT_MS);
  try {
    return await fetch(url, { headers: { accept: importAcceptHeader }, redirect: 'manual', signal: controller.signal });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    throw new Error(`GET ${url.href} failed: ${cause?.message ?? (error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}
