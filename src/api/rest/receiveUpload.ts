/**
 * Receives an ontology upload into a temporary folder, streaming, within a byte limit: either one
 * document as the request body (its syntax from Content-Type), or several as `multipart/form-data`
 * (one file part per document, its syntax from the part's Content-Type or file name: an ontology
 * with its imports, as `ontomesh push` sends it), either compressed as its `Content-Encoding` says
 * (uploadBody.ts). Nothing is held in memory whole.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { OntomeshError } from '../../errors/index.ts';
import { formatFromMediaType, formatMediaTypes, type RdfFormat } from '../../rdf/index.ts';
import { uploadBody } from './uploadBody.ts';

/** One received document. */
export interface UploadedDocument {
  /** Where it was written (a temporary file). */
  path: string;
  /** The name the client gave it (multipart file name, Content-Disposition), used in errors and the version's meta. */
  name: string;
}

export interface Upload {
  documents: UploadedDocument[];
  /** Deletes the temporary folder. */
  remove(): Promise<void>;
}

export interface UploadLimits {
  /** Largest upload accepted, all documents together (decompressed, with a multipart upload's framing). */
  maxBytes: number;
  /** Most documents in one multipart upload. */
  maxDocuments: number;
}

/** Extension that makes the loader read a temporary file in the syntax the client declared. */
const extensions: Record<RdfFormat, string> = { turtle: 'ttl', ntriples: 'nt', nquads: 'nq', trig: 'trig', rdfxml: 'rdf', jsonld: 'jsonld', owlxml: 'owx', ofn: 'ofn' };

/**
 * Writes the documents of `req` to a temporary folder. A Content-Type that names no RDF syntax, or a
 * Content-Encoding other than gzip, deflate or br, is UNSUPPORTED_FORMAT (415); no Content-Type, or
 * `application/octet-stream`, leaves the syntax to be recognised from the content. Oversized uploads
 * (decompressed) are PAYLOAD_TOO_LARGE (413); empty, malformed or corrupt compressed ones BAD_REQUEST.
 *
 * @example
 * const upload = await receiveUpload(req, 'pizza', { maxBytes: 1 << 28, maxDocuments: 1000 });
 * try { await loadOntologies(store, upload.documents.map((d) => d.path), options); } finally { await upload.remove(); }
 */
export async function receiveUpload(req: Request, id: string, limits: UploadLimits): Promise<Upload> {
  const contentType = req.get('content-type');
  const multipart = contentType !== undefined && /^multipart\/form-data\b/i.test(contentType);
  const upload: Upload = { documents: [], remove: () => Promise.resolve() };
  let body: Readable | undefined;
  try {
    const dir = await mkdtemp(join(tmpdir(), 'ontomesh-upload-'));
    upload.remove = () => rm(dir, { recursive: true, force: true });
    // The body starts flowing when it is piped, so it is piped only now, in the same turn as its consumer
    // listens to it: a body that does not decompress fails as the consumer's error, never as an unhandled one.
    body = uploadBody(req, limits.maxBytes);
    if (multipart) await receiveParts(body, req.headers, dir, limits, upload.documents);
    else upload.documents.push(await receiveBody(body, req, dir, id, contentType));
    if (upload.documents.length === 0) throw new OntomeshError('BAD_REQUEST', 'the multipart upload holds no file part: send each document as a file');
    return upload;
  } catch (error) {
    // Unpipes the request from the decompression, so that the rest of it can be read and dropped.
    body?.destroy();
    req.resume();
    await upload.remove();
    throw error;
  }
}

async function receiveBody(body: Readable, req: Request, dir: string, id: string, contentType: string | undefined): Promise<UploadedDocument> {
  const format = declaredFormat(contentType);
  // Without a declared syntax the name gets no extension, so the syntax is recognised from the content.
  const name = dispositionName(req.get('content-disposition')) ?? (format === undefined ? id : `${id}.${extensions[format]}`);
  const path = join(dir, fileName(0, name, format));
  const file = createWriteStream(path);
  await pipeline(body, file);
  if (file.bytesWritten === 0) throw new OntomeshError('BAD_REQUEST', 'the request body is empty: send the ontology as the body');
  return { path, name };
}

function receiveParts(body: Readable, headers: IncomingHttpHeaders, dir: string, limits: UploadLimits, documents: UploadedDocument[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { files: limits.maxDocuments, fields: 0, parts: limits.maxDocuments } });
    } catch (error) {
      reject(new OntomeshError('BAD_REQUEST', `malformed multipart upload: ${(error as Error).message}`));
      return;
    }
    let failed = false;
    const saving: Promise<void>[] = [];
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      body.unpipe(parser);
      // Ends the part being written, so its file is closed before the folder is removed.
      parser.destroy(error as Error);
      reject(error);
    };
    parser.on('file', (_field, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      const name = (info.filename ?? '').slice(0, 300) || `document-${documents.length + 1}`;
      let format: RdfFormat | undefined;
      try {
        format = declaredFormat(info.mimeType);
      } catch (error) {
        stream.resume();
        fail(error);
        return;
      }
      const path = join(dir, fileName(documents.length, name, format));
      documents.push({ path, name });
      saving.push(pipeline(stream, createWriteStream(path)).catch((error: unknown) => {
        stream.resume();
        fail(error);
      }));
    });
    parser.on('field', (field) => fail(new OntomeshError('BAD_REQUEST', `unexpected form field "${field}": send each document as a file part`, { term: field })));
    parser.on('filesLimit', () => fail(new OntomeshError('BAD_REQUEST', `more than ${limits.maxDocuments} documents in one upload`)));
    parser.on('partsLimit', () => fail(new OntomeshError('BAD_REQUEST', `more than ${limits.maxDocuments} parts in one upload`)));
    parser.on('fieldsLimit', () => fail(new OntomeshError('BAD_REQUEST', 'form fields are not accepted: send each document as a file part')));
    parser.on('error', (error: Error) => fail(new OntomeshError('BAD_REQUEST', `malformed multipart upload: ${error.message}`)));
    parser.on('close', () => {
      void Promise.all(saving).then(() => {
        if (!failed) resolve();
      });
    });
    body.on('error', fail);
    body.pipe(parser);
  });
}

/** The syntax a media type declares; undefined to recognise it from the content. */
function declaredFormat(mediaType: string | undefined): RdfFormat | undefined {
  if (mediaType === undefined || /^application\/octet-stream\b/i.test(mediaType) || mediaType.trim() === '') return undefined;
  const format = formatFromMediaType(mediaType);
  if (format === undefined) {
    throw new OntomeshError('UNSUPPORTED_FORMAT',
      `Content-Type ${mediaType} is not an RDF syntax ontomesh reads (${Object.values(formatMediaTypes).join(', ')}); ` +
      'send one of these, or application/octet-stream to have the syntax recognised from the content', { term: mediaType });
  }
  return format;
}

/** The temporary file of document `index`: its name, with the declared syntax's extension when it has another. */
function fileName(index: number, name: string, format: RdfFormat | undefined): string {
  const safe = safeName(name) || 'document';
  const withExtension = format === undefined || safe.toLowerCase().endsWith(`.${extensions[format]}`) ? safe : `${safe}.${extensions[format]}`;
  return `${index}-${withExtension}`;
}

function safeName(name: string): string {
  return basename(name.replaceAll('\\', '/')).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 200);
}

/** The file name of `Content-Disposition: attachment; filename="pizza.owl"`. */
function dispositionName(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!match) return undefined;
  try {
    return basename(decodeURIComponent(match[1]!).replaceAll('\\', '/'));
  } catch {
    return basename(match[1]!.replaceAll('\\', '/'));
  }
}
