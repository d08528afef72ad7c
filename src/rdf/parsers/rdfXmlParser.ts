/**
 * RDF/XML through rdfxml-streaming-parser (saxes underneath), with positions tracked so every
 * error has a line and column, the end of input checked (a truncated document is an error), the
 * root element's namespace declarations reported as prefixes, and the DTD's internal entities
 * expanded (./internalEntities.ts) with their use in the document bounded.
 */
import type { SaxesTagNS } from '@rubensworks/saxes';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { OntomeshError } from '../../errors/index.ts';
import type { QuadSink, RdfParser } from '../parse.ts';
import { documentDataFactory } from './documentDataFactory.ts';
import { driveTransform } from './driveTransform.ts';
import { foreignSyntaxHint } from './foreignSyntaxHint.ts';
import { ENTITY_LIMITS, EntityDeclarationError, internalEntities } from './internalEntities.ts';

/** rdfxml-streaming-parser's own errors: `Line 3 column 7: message`. */
const parserPosition = /^Line (\d+) column (\d+): ([\s\S]*)$/;
/** saxes' well-formedness errors: `3:7: message`. */
const saxesPosition = /^(\d+):(\d+): ([\s\S]*)$/;

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
interface SaxParser {
  ENTITIES: Record<string, string>;
  readonly line: number;
  readonly column: number;
  readonly position: number;
  parseEntity(entity: string): string;
  fail(message: string): void;
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
    const sax = this.#sax;
    try {
      const entities = internalEntities(doctype);
      if (Object.keys(entities).length === 0) return;
      Object.assign(sax.ENTITIES, entities);
      boundEntityExpansion(sax);
    } catch (error) {
      if (!(error instanceof EntityDeclarationError)) throw error;
      // saxes is just past the doctype's `>`; count back to where the declaration starts.
      const after = doctype.slice(error.offset);
      const linesAfter = after.split('\n').length - 1;
      const column = linesAfter > 0 ? error.offset - doctype.lastIndexOf('\n', error.offset - 1) : sax.column - after.length;
      this.emit('error', new Error(`${sax.line - linesAfter}:${column}: ${error.message}`));
    }
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

/**
 * Bounds what entity references add to the document: a large entity referenced many times (a
 * quadratic blowup) passes the bound on the declarations. Installed only for documents that
 * declare entities, so others pay nothing per reference.
 */
function boundEntityExpansion(sax: SaxParser): void {
  const resolve = sax.parseEntity.bind(sax);
  let added = 0;
  sax.parseEntity = (entity) => {
    const text = resolve(entity);
    if (added < 0) return '';
    added += text.length;
    if (added <= ENTITY_LIMITS.amplificationFloor + ENTITY_LIMITS.amplification * sax.position) return text;
    added = -1;
    sax.fail(`Entity references expand the document more than ${ENTITY_LIMITS.amplification} times (entities that multiply each other, as in a "billion laughs" document?)`);
    return '';
  };
}

/** The error for what the parser emitted; `head` (the document's first chunk) tells whether it is in another syntax altogether. */
function syntaxError(error: unknown, file: string | undefined, head: string | undefined): OntomeshError {
  const text = error instanceof Error ? error.message : String(error);
  const match = parserPosition.exec(text) ?? saxesPosition.exec(text);
  // saxes counts the characters read on the line: 0 when the fault is met at its start.
  const [line, column, message] = match ? [Number(match[1]), Math.max(1, Number(match[2])), match[3]!] : [undefined, undefined, text];
  const hint = foreignSyntaxHint(head, ['rdfxml']);
  // saxes ends its messages with a full stop, which the hint would follow.
  return new OntomeshError('RDF_SYNTAX', hint ? message.replace(/\.$/, '') + hint : message, { file, line, column }, {}, { cause: error });
}
