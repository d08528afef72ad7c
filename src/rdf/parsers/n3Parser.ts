/**
 * Turtle, TriG, N-Triples and N-Quads through N3.js. The callback parser is fed chunk by chunk
 * (measured marginally faster than N3's StreamParser on schema.org, and it emits each chunk's
 * quads synchronously, so batching and back-pressure need no stream plumbing).
 */
import { EventEmitter } from 'node:events';
import { Parser } from 'n3';
import { OntomeshError } from '../../errors/index.ts';
import type { RdfParser } from '../parse.ts';
import { QuadBatcher } from './QuadBatcher.ts';

/** The N3.js format names of the syntaxes it reads for us. */
export type N3Syntax = 'Turtle' | 'TriG' | 'N-Triples' | 'N-Quads';

interface N3ErrorContext {
  line?: number;
  token?: { type: string; value?: unknown; prefix?: string; start?: number };
}

/**
 * A parser for one of N3.js's syntaxes.
 *
 * @example registerParser('turtle', createN3Parser('Turtle'));
 */
export function createN3Parser(syntax: N3Syntax): RdfParser {
  return {
    async parse(input, options, sink) {
      const parser = new Parser({ format: syntax, baseIRI: options.baseIRI });
      // N3.js reads a stream through its `data` and `end` events; this emitter is that stream.
      const text = new EventEmitter();
      const batch = new QuadBatcher(sink);
      let failure: Error | undefined;
      parser.parse(text, {
        onQuad: (error, quad) => {
          if (error) failure ??= error;
          else if (quad) batch.add(quad);
        },
        onPrefix: (prefix, iri) => sink.prefix?.(prefix, iri.value),
      });
      for await (const chunk of input) {
        text.emit('data', chunk);
        if (failure) break;
        if (batch.full) await batch.flush();
      }
      if (!failure) text.emit('end');
      if (failure) throw syntaxError(failure, options.file);
      await batch.flush();
    },
  };
}

/** N3.js errors carry `context.line` and the offending token; its start column is zero-based. */
function syntaxError(error: Error, file: string | undefined): OntomeshError {
  const context = (error as Error & { context?: N3ErrorContext }).context ?? {};
  const token = context.token;
  const message = error.message.replace(/ on line \d+\.$/, '');
  const term = token ? tokenText(token) : /^Unexpected "(.*)"$/s.exec(message)?.[1];
  return new OntomeshError('RDF_SYNTAX', message, {
    file,
    line: context.line,
    column: token?.start === undefined ? undefined : token.start + 1,
    term: term || undefined,
  }, {}, { cause: error });
}

function tokenText(token: NonNullable<N3ErrorContext['token']>): string | undefined {
  if (token.type === 'prefixed') return `${token.prefix}:${String(token.value)}`;
  if (token.type === 'eof') return undefined;
  if (token.value !== undefined && token.value !== '') return String(token.value);
  return token.type;
}
