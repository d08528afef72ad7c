/**
 * JSON-LD through jsonld-streaming-parser, offline: remote contexts come only from the bundled
 * registry (../jsonLdContexts.ts). JSON syntax errors get the line and column JSON.parse would
 * report, tracked over the byte stream without keeping the document. The library's JSON tokenizer
 * (jsonparse) accepts trailing commas; they are refused here, as RFC 8259 and JSON.parse do.
 */
import { JsonLdParser } from 'jsonld-streaming-parser';
import { OntomeshError } from '../../errors/index.ts';
import { OfflineDocumentLoader } from '../jsonLdContexts.ts';
import type { QuadSink, RdfParser } from '../parse.ts';
import { documentDataFactory } from './documentDataFactory.ts';
import { driveTransform } from './driveTransform.ts';
import { BytePositionTracker, type TextPosition } from './BytePositionTracker.ts';

/** jsonparse reports a bad character by its index in the chunk it was written. */
const charPosition = / at position (\d+) in state \w+$/;
const jsonState = / in state \w+$/;
/** jsonld-streaming-parser's error for a document that ends inside a value. */
const UNCLOSED = 'Unclosed document';
/** The messages of jsonparse's syntax errors (and of an unclosed document). */
const jsonSyntax = /^(?:Unexpected |Unclosed document$)/;

/** The parts of jsonparse (the library's JSON tokenizer) used here; its typings are not exposed. */
interface JsonTokenizer {
  offset: number;
  tState: number;
  onToken(token: number, value: unknown): void;
  onError(error: Error): void;
  constructor: { C: Record<'COMMA' | 'RIGHT_BRACE' | 'RIGHT_BRACKET' | 'STOP', number> };
}

/** The JSON-LD parser. */
export const jsonLdParser: RdfParser = {
  async parse(input, options, sink) {
    const documentLoader = new OfflineDocumentLoader();
    const parser = new JsonLdParser({ baseIRI: options.baseIRI, documentLoader, dataFactory: documentDataFactory() });
    const json = (parser as unknown as { jsonParser: JsonTokenizer }).jsonParser;
    refuseTrailingCommas(json);
    const positions = new BytePositionTracker();
    parser.on('context', (context: unknown) => reportPrefixes(context, sink));
    // Locate the first error when it is emitted: jsonparse reads on after it, moving its offset.
    let position: TextPosition | undefined;
    parser.once('error', (error: unknown) => {
      const message = error instanceof Error ? error.message : '';
      const byChar = charPosition.exec(message);
      position = positions.locate(byChar ? positions.chunkStart + Number(byChar[1]) : message === UNCLOSED ? positions.end : json.offset);
    });
    await driveTransform(parser, input, sink, {
      encode: (chunk) => positions.feed(Buffer.from(chunk, 'utf8')),
      syntaxError: (error) => jsonLdError(error, options.file, documentLoader.unavailable, position),
    });
  },
};

/**
 * Makes jsonparse refuse `[1,]` and `{"a":1,}`: its parser closes an array or object after a comma
 * as if the comma were not there. The check sees every token, which JSON-LD parsing walks anyway.
 */
function refuseTrailingCommas(json: JsonTokenizer): void {
  const { COMMA, RIGHT_BRACE, RIGHT_BRACKET, STOP } = json.constructor.C;
  const onToken = json.onToken;
  let afterComma = false;
  json.onToken = function (token, value) {
    if (afterComma && (token === RIGHT_BRACKET || token === RIGHT_BRACE)) {
      this.tState = STOP;
      this.onError(new Error(`Unexpected "${token === RIGHT_BRACKET ? ']' : '}'}" after a comma (JSON has no trailing commas)`));
      return;
    }
    afterComma = token === COMMA;
    onToken.call(this, token, value);
  };
}

/** The OntomeshError for an error the JSON-LD parser emitted (errors that are not about the input pass unchanged). */
function jsonLdError(error: unknown, file: string | undefined, unavailableContext: string | undefined, position: TextPosition | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (unavailableContext && message.includes(unavailableContext)) {
    return new OntomeshError('RDF_SYNTAX', `JSON-LD context ${unavailableContext} is not available offline: remote contexts are never fetched and none is bundled for this URL`,
      { file, term: unavailableContext }, {}, { cause: error });
  }
  if ((error as { code?: unknown }).code !== undefined) {
    return new OntomeshError('RDF_SYNTAX', `Invalid JSON-LD: ${message}`, { file }, {}, { cause: error });
  }
  if (!jsonSyntax.test(message)) return error instanceof Error ? error : new Error(message);
  const text = message === UNCLOSED ? 'Unexpected end of JSON input' : `Invalid JSON: ${message.replace(charPosition, '').replace(jsonState, '')}`;
  return new OntomeshError('RDF_SYNTAX', text, { file, ...position }, {}, { cause: error });
}

/** Terms of an inline context that map to a namespace IRI become prefixes. */
function reportPrefixes(context: unknown, sink: QuadSink): void {
  if (!sink.prefix) return;
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const [term, value] of Object.entries(entry as Record<string, unknown>)) {
      if (!term.startsWith('@') && typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S*[/#]$/i.test(value)) sink.prefix(term, value);
    }
  }
}
