/**
 * Sends collected documents to a server's `PUT /ontologies/{id}` as one multipart upload (the root
 * first), gzip-compressed as it streams (ontologies shrink about tenfold; a server or proxy that refuses
 * the encoding with 415 gets the upload again uncompressed), and turns the server's JSON error back into the OntomeshError it reported, so the CLI prints
 * it as `file:line:col: CODE message` like a local load. An answer that is not ontomesh's (a login
 * page, a proxy's error, another service at the URL) is reported as such, with its status and content
 * type, and 401/403/404 as UNAUTHENTICATED/FORBIDDEN/NOT_FOUND.
 */
import { STATUS_CODES } from 'node:http';
import { errorCodes, OntomeshError, type ErrorCode } from '../../errors/index.ts';
import { fromServer } from '../serverErrors.ts';
import type { CollectedDocument } from './collectDocuments.ts';

export interface UploadOptions {
  signal?: AbortSignal;
  /** An Entra ID access token, sent as `Authorization: Bearer` (push --scope). */
  token?: string;
}

/** What the server answered for a successful upload. */
export interface UploadResult {
  graphId: string;
  version: number;
  triples: number;
  inferred: number;
  documents: { location: string }[];
  missingImports: { iri: string; importedBy: string }[];
}

/**
 * Uploads `documents` as graph `id` of the server at `server`.
 *
 * @throws OntomeshError (marked {@link fromServer}) with the server's code and location when it refuses
 *   the upload; UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, STORE_THROTTLED or BAD_REQUEST for a refusal in
 *   another form, by its status; STORE_UNAVAILABLE when the server cannot be reached, fails, or answers
 *   something that is not an ontomesh response.
 * @example const result = await uploadDocuments('http://localhost:8080', 'pizza', documents, 'error', { token });
 */
export async function uploadDocuments(server: string, id: string, documents: readonly CollectedDocument[], missingImports: 'error' | 'warn', { signal, token }: UploadOptions = {}): Promise<UploadResult> {
  const form = new FormData();
  for (const document of documents) form.append('document', new Blob([document.bytes], { type: document.mediaType }), document.name);
  const url = new URL(`ontologies/${encodeURIComponent(id)}`, server.endsWith('/') ? server : `${server}/`);
  url.searchParams.set('missingImports', missingImports);
  const authorization: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  let response: Response;
  try {
    response = await fetch(url, gzipped(form, authorization, signal));
    if (response.status === 415) {
      await response.body?.cancel();
      response = await fetch(url, { method: 'PUT', body: form, headers: authorization, ...(signal ? { signal } : {}) });
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new OntomeshError('STORE_UNAVAILABLE', `cannot reach ${url.origin}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`, {}, {}, { cause: error });
  }
  const body = await response.text();
  const answer: Answer = { response, contentType: response.headers.get('content-type') || 'no content type', target: `${url.origin}${url.pathname}`, server };
  const json = /^application\/(?:[\w.+-]+\+)?json\b/i.test(answer.contentType) ? parseJson(body) : undefined;
  if (response.ok && isUploadResult(json)) return json;
  throw fromServer(response.ok ? notOntomesh(answer) : serverError(answer, json));
}

/** A PUT of `form` as a gzip stream: its multipart bytes (and boundary) as fetch would send them, compressed. */
function gzipped(form: FormData, authorization: Record<string, string>, signal: AbortSignal | undefined): RequestInit {
  const multipart = new Request('http://localhost/', { method: 'PUT', body: form });
  return {
    method: 'PUT',
    body: multipart.body!.pipeThrough(new CompressionStream('gzip')),
    headers: { 'content-type': multipart.headers.get('content-type')!, 'content-encoding': 'gzip', ...authorization },
    // A stream body is sent as it is read (Node's fetch requires saying so).
    duplex: 'half',
    ...(signal ? { signal } : {}),
  };
}

/** What answered the upload. */
interface Answer {
  response: Response;
  contentType: string;
  /** The upload URL without its query. */
  target: string;
  /** The --server URL. */
  server: string;
}

/** The error the server reported in ontomesh's JSON (`{"error": {"code", "message", ...}}`), else one for the status. */
function serverError(answer: Answer, json: unknown): OntomeshError {
  const error = isRecord(json) && isRecord(json['error']) ? json['error'] : undefined;
  const code = typeof error?.['code'] === 'string' && error['code'] in errorCodes ? (error['code'] as ErrorCode) : undefined;
  if (error === undefined || code === undefined) return statusError(answer);
  const { code: _code, message, file, line, column, term, ...details } = error;
  return new OntomeshError(code, String(message), {
    ...(typeof file === 'string' ? { file } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(typeof column === 'number' ? { column } : {}),
    ...(typeof term === 'string' ? { term } : {}),
  }, details);
}

/** A refusal not in ontomesh's JSON (from a proxy, a gateway, another service at the URL), by its status. */
function statusError(answer: Answer): OntomeshError {
  const { status } = answer.response;
  const answered = `${answer.target} answered ${describeStatus(answer.response)} (${answer.contentType})`;
  if (status === 401) return new OntomeshError('UNAUTHENTICATED', `${answered}: it asks for credentials`);
  if (status === 403) return new OntomeshError('FORBIDDEN', `${answered}: it refuses the upload`);
  if (status === 404 || status === 405 || status === 410) return new OntomeshError('NOT_FOUND', `${answered}: is ${answer.server} the ontomesh service?`);
  if (status === 429) return new OntomeshError('STORE_THROTTLED', `${answered}: too many requests`);
  if (status >= 400 && status < 500) return new OntomeshError('BAD_REQUEST', `${answered}: it refuses the upload`);
  return notOntomesh(answer);
}

/** An answer that is not ontomesh's: a login page, a proxy's error page, another service. */
function notOntomesh(answer: Answer): OntomeshError {
  return new OntomeshError('STORE_UNAVAILABLE',
    `${answer.target} answered ${describeStatus(answer.response)} (${answer.contentType}), which is not an ontomesh response; is ${answer.server} the ontomesh service?`);
}

const describeStatus = (response: Response) => `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trimEnd();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` has the fields of a successful upload's answer that push reads. */
function isUploadResult(value: unknown): value is UploadResult {
  return isRecord(value) && typeof value['graphId'] === 'string' && typeof value['version'] === 'number' && typeof value['triples'] === 'number' &&
    typeof value['inferred'] === 'number' && Array.isArray(value['documents']) && Array.isArray(value['missingImports']) &&
    value['missingImports'].every((missing) => isRecord(missing) && typeof missing['iri'] === 'string' && typeof missing['importedBy'] === 'string');
}
