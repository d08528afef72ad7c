/**
 * Sends collected documents to a server's `PUT /ontologies/{id}` as one multipart upload (the root
 * first), and turns the server's JSON error back into the OntomeshError it reported, so the CLI prints
 * it as `file:line:col: CODE message` like a local load.
 */
import { errorCodes, OntomeshError, type ErrorCode } from '../../errors/index.ts';
import type { CollectedDocument } from './collectDocuments.ts';

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
 * @throws OntomeshError with the server's code and location when it refuses the upload;
 *   STORE_UNAVAILABLE when the server cannot be reached or fails.
 * @example const result = await uploadDocuments('http://localhost:8080', 'pizza', documents, 'error');
 */
export async function uploadDocuments(server: string, id: string, documents: readonly CollectedDocument[], missingImports: 'error' | 'warn', signal?: AbortSignal): Promise<UploadResult> {
  const form = new FormData();
  for (const document of documents) form.append('document', new Blob([document.bytes], { type: document.mediaType }), document.name);
  const url = new URL(`ontologies/${encodeURIComponent(id)}`, server.endsWith('/') ? server : `${server}/`);
  url.searchParams.set('missingImports', missingImports);
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: form, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new OntomeshError('STORE_UNAVAILABLE', `cannot reach ${url.origin}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`, {}, {}, { cause: error });
  }
  const body = await response.text();
  if (response.ok) return JSON.parse(body) as UploadResult;
  throw serverError(response.status, body, url);
}

function serverError(status: number, body: string, url: URL): OntomeshError {
  let error: Record<string, unknown> | undefined;
  try {
    error = (JSON.parse(body) as { error?: Record<string, unknown> }).error;
  } catch {
    error = undefined;
  }
  const code = typeof error?.['code'] === 'string' && error['code'] in errorCodes ? (error['code'] as ErrorCode) : undefined;
  if (error === undefined || code === undefined) {
    return new OntomeshError(status >= 500 ? 'STORE_UNAVAILABLE' : 'BAD_REQUEST', `${url.origin} answered ${status}: ${body.slice(0, 200)}`);
  }
  const { code: _code, message, file, line, column, term, ...details } = error;
  return new OntomeshError(code, String(message), {
    ...(typeof file === 'string' ? { file } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(typeof column === 'number' ? { column } : {}),
    ...(typeof term === 'string' ? { term } : {}),
  }, details);
}
