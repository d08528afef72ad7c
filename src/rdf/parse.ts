/**
 * Parsing any supported syntax into batches of RDF/JS quads, streaming: the document is read
 * chunk by chunk, its syntax chosen from the options, the file name or its first bytes, and
 * handed to the parser registered for that syntax. Every syntax error is an OntomeshError
 * `RDF_SYNTAX` with file and line; a failed parse rejects exactly once.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { OntomeshError } from '../errors/index.ts';
import { decodeDocument } from './documentEncoding.ts';
import { formatFromMediaType, formatFromPath, sniffFormat, type RdfFormat } from './formats.ts';
import { jsonLdParser } from './parsers/jsonLdParser.ts';
import { createN3Parser } from './parsers/n3Parser.ts';
import { owlFunctionalParser } from './parsers/owlFunctionalParser.ts';
import { owlXmlParser } from './parsers/owlXmlParser.ts';
import { rdfXmlParser } from './parsers/rdfXmlParser.ts';

/** Where parsed quads go. */
export interface QuadSink {
  /** Receives a batch of quads; when it returns a promise the parser reads no further until it settles. */
  quads(batch: Quad[]): void | Promise<void>;
  /** Receives each prefix (namespace) declaration of the document. */
  prefix?(prefix: string, iri: string): void;
}

/** How to read one document. */
export interface ParseOptions {
  /** The syntax; wins over `mediaType`, the file extension and sniffing. */
  format?: RdfFormat;
  /** A media type (e.g. an HTTP Content-Type) naming the syntax. */
  mediaType?: string;
  /** The base IRI for relative IRIs; defaults to the file's `file:` URL. */
  baseIRI?: string;
  /** The document's name in errors (and, for parseStream, the source of its default base IRI). */
  file?: string;
}

/** What a parse read. */
export interface ParseResult {
  format: RdfFormat;
  quads: number;
  bytes: number;
}

/** A parser for one syntax. It rejects with OntomeshError `RDF_SYNTAX` on bad input and awaits the sink. */
export interface RdfParser {
  parse(input: AsyncIterable<string>, options: ParseOptions & { baseIRI: string }, sink: QuadSink): Promise<void>;
}

/** Characters of the document examined when its syntax must be sniffed. */
const SNIFF_LENGTH = 4096;
/** The base IRI of a stream that has neither a base IRI nor a file name. */
const DEFAULT_BASE_IRI = 'urn:ontomesh:document';

const parsers = new Map<RdfFormat, RdfParser>([
  ['turtle', createN3Parser('Turtle')],
  ['trig', createN3Parser('TriG')],
  ['ntriples', createN3Parser('N-Triples')],
  ['nquads', createN3Parser('N-Quads')],
  ['rdfxml', rdfXmlParser],
  ['jsonld', jsonLdParser],
  ['ofn', owlFunctionalParser],
  ['owlxml', owlXmlParser],
]);

/**
 * Registers (or replaces) the parser of a syntax, e.g. OWL/XML or OWL functional syntax.
 *
 * @example registerParser('owlxml', owlXmlParser);
 */
export function registerParser(format: RdfFormat, parser: RdfParser): void {
  parsers.set(format, parser);
}

/**
 * Parses a document read from `input` (bytes are decoded in the encoding its byte order mark or
 * XML declaration names, else as UTF-8), sending quads to `sink` in batches.
 *
 * @example
 * const result = await parseStream(request, { mediaType: 'text/turtle', file: 'upload' }, { quads: (b) => store.add(b) });
 */
export async function parseStream(input: AsyncIterable<Uint8Array | string>, options: ParseOptions, sink: QuadSink): Promise<ParseResult> {
  const counter = { bytes: 0, quads: 0 };
  const text = decodeDocument(input, counter, options.file);
  const declared = options.format
    ?? (options.mediaType === undefined ? undefined : formatFromMediaType(options.mediaType))
    ?? (options.file === undefined ? undefined : formatFromPath(options.file));
  const { format, chunks } = declared ? { format: declared, chunks: text } : await sniff(text, options);
  const parser = parsers.get(format);
  if (!parser) {
    throw new OntomeshError('UNSUPPORTED_FORMAT', `No parser is available for ${format} yet`, { file: options.file }, { format });
  }
  const baseIRI = options.baseIRI ?? (options.file === undefined ? DEFAULT_BASE_IRI : pathToFileURL(resolve(options.file)).href);
  const counting: QuadSink = {
    quads(batch) {
      counter.quads += batch.length;
      return sink.quads(batch);
    },
  };
  if (sink.prefix) counting.prefix = sink.prefix.bind(sink);
  await parser.parse(chunks, { ...options, format, baseIRI }, counting);
  return { format, quads: counter.quads, bytes: counter.bytes };
}

/**
 * Parses the file at `path`, streaming it from disk. The file name is used in errors, and its
 * `file:` URL is the default base IRI.
 *
 * @example
 * await parseFile('ontology/pizza.owl', {}, { quads: (batch) => view.add(batch) });
 */
export async function parseFile(path: string, options: ParseOptions, sink: QuadSink): Promise<ParseResult> {
  const file = options.file ?? path;
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    return await parseStream(stream, { ...options, file, baseIRI: options.baseIRI ?? pathToFileURL(resolve(path)).href }, sink);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      throw new OntomeshError('FILE_NOT_FOUND', `Cannot read ${path} (${code})`, { file }, {}, { cause: error });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

/** Reads the head of the document to recognise its syntax, then replays it ahead of the rest. */
async function sniff(text: AsyncGenerator<string>, options: ParseOptions): Promise<{ format: RdfFormat; chunks: AsyncIterable<string> }> {
  const head: string[] = [];
  let length = 0;
  while (length < SNIFF_LENGTH) {
    const next = await text.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
  }
  const format = sniffFormat(head.join('').slice(0, SNIFF_LENGTH));
  if (!format) {
    await text.return(undefined);
    const hint = options.mediaType ? ` (media type ${options.mediaType})` : '';
    throw new OntomeshError('UNSUPPORTED_FORMAT', `Cannot recognise the RDF syntax of the document${hint}`, { file: options.file });
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    yield* text;
  }
  return { format, chunks: replay() };
}
