/**
 * RDF/XML through rdfxml-streaming-parser (saxes underneath), with positions tracked so every
 * error has a line and column, the end of input checked (a truncated document is an error), and
 * the root element's namespace declarations reported as prefixes.
 */
import type { SaxesTagNS } from '@rubensworks/saxes';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { OntomeshError } from '../../errors/index.ts';
import type { QuadSink, RdfParser } from '../parse.ts';
import { documentDataFactory } from './documentDataFactory.ts';
import { driveTransform } from './driveTransform.ts';

/** rdfxml-streaming-parser's own errors: `Line 3 column 7: message`. */
const parserPosition = /^Line (\d+) column (\d+): ([\s\S]*)$/;
/** saxes' well-formedness errors: `3:7: message`. */
const saxesPosition = /^(\d+):(\d+): ([\s\S]*)$/;

/** The RDF/XML parser. */
export const rdfXmlParser: RdfParser = {
  async parse(input, options, sink) {
    const parser = new CheckedRdfXmlParser(options.baseIRI, sink);
    await driveTransform(parser, input, sink, { syntaxError: (error) => syntaxError(error, options.file) });
  },
};

/** Adds what the library leaves out: prefixes from the root element and an end-of-document check. */
class CheckedRdfXmlParser extends RdfXmlParser {
  readonly #sink: QuadSink;
  #sawRoot = false;

  constructor(baseIRI: string, sink: QuadSink) {
    super({ baseIRI, trackPosition: true, dataFactory: documentDataFactory() });
    this.#sink = sink;
  }

  protected override onTag(tag: SaxesTagNS): void {
    if (!this.#sawRoot) {
      this.#sawRoot = true;
      for (const [prefix, iri] of Object.entries(tag.ns ?? {})) {
        if (prefix !== 'xml' && prefix !== 'xmlns') this.#sink.prefix?.(prefix, iri);
      }
    }
    super.onTag(tag);
  }

  override _flush(callback: (error?: Error | null) => void): void {
    // The library never closes its saxes parser, so unclosed elements would go unnoticed.
    try {
      (this as unknown as { saxParser: { close(): void } }).saxParser.close();
    } catch (error) {
      return callback(error as Error);
    }
    callback();
  }
}

function syntaxError(error: unknown, file: string | undefined): OntomeshError {
  const text = error instanceof Error ? error.message : String(error);
  const match = parserPosition.exec(text) ?? saxesPosition.exec(text);
  // saxes counts the characters read on the line: 0 when the fault is met at its start.
  const [line, column, message] = match ? [Number(match[1]), Math.max(1, Number(match[2])), match[3]!] : [undefined, undefined, text];
  return new OntomeshError('RDF_SYNTAX', message, { file, line, column }, {}, { cause: error });
}
