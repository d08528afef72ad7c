/**
 * RDF/XML through rdfxml-streaming-parser (saxes underneath), with positions tracked so every
 * error has a line and column, the end of input checked (a truncated document is an error), the
 * root element's namespace declarations reported as prefixes, and the DTD's internal entities
 * expanded with their use in the document bounded (./doctypeEntities.ts).
 */
import type { SaxesTagNS } from '@rubensworks/saxes';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { OntomeshError } from '../../errors/index.ts';
import type { QuadSink, RdfParser } from '../parse.ts';
import { documentDataFactory } from './documentDataFactory.ts';
import { driveTransform } from './driveTransform.ts';
import { foreignSyntaxHint } from './foreignSyntaxHint.ts';
import { installDoctypeEntities, type EntityParser } from './doctypeEntities.ts';
import { located, saxesErrorPosition } from './saxesErrorPosition.ts';

/** rdfxml-streaming-parser's own errors: `Line 3 column 7: message`. */
const parserPosition = /^Line (\d+) column (\d+): ([\s\S]*)$/;

/** The RDF/XML parser. */
export const rdfXmlParser: RdfParser = {
  async parse(input, options, sink) {
    const parser = new CheckedRdfXmlParser(options.baseIRI, sink);
    let head: string | undefined;
    await driveTransform(parser, input, sink, {
      encode: (chunk) => (head ??= chunk, chunk),
      syntaxError: (error) => syntaxError(error, options.file, head),
    });
  },
};

/** The parts of the saxes parser the library keeps that this module uses. */
interface SaxParser extends EntityParser {
  close(): void;
}

/**
 * Adds what the library leaves out: prefixes from the root element, an end-of-document check,
 * and entities that refer to entities (the library copies each value as written).
 */
class CheckedRdfXmlParser extends RdfXmlParser {
  readonly #sink: QuadSink;
  #sawRoot = false;

  constructor(baseIRI: string, sink: QuadSink) {
    super({ baseIRI, trackPosition: true, dataFactory: documentDataFactory() });
    this.#sink = sink;
  }

  get #sax(): SaxParser {
    return (this as unknown as { saxParser: SaxParser }).saxParser;
  }

  /** Replaces the library's handler, which copies each value verbatim (and misses values with quotes). */
  override onDoctype(doctype: string): void {
    const fault = installDoctypeEntities(this.#sax, doctype);
    if (fault) this.emit('error', new Error(`${fault.line}:${fault.column}: ${fault.message}`));
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
      this.#sax.close();
    } catch (error) {
      return callback(error as Error);
    }
    callback();
  }
}

/** The error for what the parser emitted; `head` (the document's first chunk) tells whether it is in another syntax altogether. */
function syntaxError(error: unknown, file: string | undefined, head: string | undefined): OntomeshError {
  const text = error instanceof Error ? error.message : String(error);
  const { line, column, message } = located(parserPosition.exec(text)) ?? saxesErrorPosition(text) ?? { message: text };
  const hint = foreignSyntaxHint(head, ['rdfxml']);
  // saxes ends its messages with a full stop, which the hint would follow.
  return new OntomeshError('RDF_SYNTAX', hint ? message.replace(/\.$/, '') + hint : message, { file, line, column }, {}, { cause: error });
}
