/**
 * Turtle, TriG, N-Triples and N-Quads through N3.js. The callback parser is fed chunk by chunk
 * (measured marginally faster than N3's StreamParser on schema.org, and it emits each chunk's
 * quads synchronously, so batching and back-pressure need no stream plumbing). Lexer errors get the
 * column N3.js leaves out, found on the error path only (see locateLexerErrors).
 */
import { EventEmitter } from 'node:events';
import { Parser } from 'n3';
import { OntomeshError } from '../../errors/index.ts';
import type { RdfParser } from '../parse.ts';
import { foreignSyntaxHint } from './foreignSyntaxHint.ts';
import { QuadBatcher } from './QuadBatcher.ts';

/** The N3.js format names of the syntaxes it reads for us. */
export type N3Syntax = 'Turtle' | 'TriG' | 'N-Triples' | 'N-Quads';

interface N3Token {
  type: string;
  value?: unknown;
  prefix?: string;
  line?: number;
  /** Zero-based columns; `end` is on `endLine` for a token over several lines. */
  start?: number;
  end?: number;
  endLine?: number;
}

interface N3ErrorContext {
  line?: number;
  token?: N3Token;
  previousToken?: N3Token;
  /** The zero-based column of a lexer error, added by locateLexerErrors. */
  column?: number;
}

/** The internals of N3.js's lexer (n3 2.13) that locateLexerErrors relies on; it checks they are there. */
interface N3LexerInternals {
  _line: number;
  _linePosition: number;
  _input: string | null | undefined;
  /** `^^` once the lexer has consumed a datatype marker (without a token) and awaits the type. */
  _previousMarker?: string;
  _tryTokenizeToEnd(callback: unknown, inputFinished: boolean): void;
  _syntaxError(issue: string | null, message?: string): Error & { context?: N3ErrorContext };
}

/** The syntaxes N3.js reads: a document sniffed as any other gets a hint in its error. */
const n3Family = ['turtle', 'trig', 'ntriples', 'nquads'] as const;

/**
 * A parser for one of N3.js's syntaxes.
 *
 * @example registerParser('turtle', createN3Parser('Turtle'));
 */
export function createN3Parser(syntax: N3Syntax): RdfParser {
  return {
    async parse(input, options, sink) {
      const parser = new Parser({ format: syntax, baseIRI: options.baseIRI });
      locateLexerErrors((parser as unknown as { _lexer: unknown })._lexer);
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
      let head: string | undefined;
      for await (const chunk of input) {
        head ??= chunk;
        text.emit('data', chunk);
        if (failure) break;
        if (batch.full) await batch.flush();
      }
      if (!failure) text.emit('end');
      if (failure) throw syntaxError(failure, options.file, head);
      await batch.flush();
    },
  };
}

/**
 * N3.js errors carry `context.line` and the offending token, whose start column is zero-based;
 * lexer errors have no token, but a column from locateLexerErrors. `head` (the document's first
 * chunk) tells whether the document is in another syntax altogether.
 */
function syntaxError(error: Error, file: string | undefined, head: string | undefined): OntomeshError {
  const context = (error as Error & { context?: N3ErrorContext }).context ?? {};
  const token = context.token;
  let message = error.message.replace(/ on line \d+\.$/, '');
  const term = token ? tokenText(token) : /^Unexpected "(.*)"$/s.exec(message)?.[1];
  const column = token ? token.start : context.column;
  message += foreignSyntaxHint(head, n3Family);
  return new OntomeshError('RDF_SYNTAX', message, {
    file,
    line: context.line,
    column: column === undefined ? undefined : column + 1,
    term: term || undefined,
  }, {}, { cause: error });
}

/**
 * Gives the lexer's syntax errors (`Unexpected "…"`) the column N3.js does not report. The lexer
 * fails at the first non-blank after its previous token, so the column is found on the error path
 * from the input it still holds, and kept only when the offending text is there. Costs one
 * assignment per chunk; if N3.js's internals change, errors simply have no column.
 */
function locateLexerErrors(lexer: unknown): void {
  const internals = lexer as Partial<N3LexerInternals>;
  const { _tryTokenizeToEnd: tokenize, _syntaxError: syntaxError } = internals;
  if (typeof tokenize !== 'function' || typeof syntaxError !== 'function') return;
  // Where the lexer's buffered input starts.
  let inputLine = 1;
  let inputColumn = 0;
  internals._tryTokenizeToEnd = function (this: N3LexerInternals, callback, inputFinished) {
    inputLine = this._line;
    inputColumn = this._linePosition;
    tokenize.call(this, callback, inputFinished);
  };
  internals._syntaxError = function (this: N3LexerInternals, issue, message) {
    const input = this._input;
    const error = syntaxError.call(this, issue, message);
    if (error.context && issue && typeof input === 'string' && typeof this._line === 'number') {
      error.context.column = lexerErrorColumn(input, inputLine, inputColumn, this._line, issue, error.context.previousToken,
        this._previousMarker === '^^');
    }
    return error;
  };
}

/** The zero-based column of `issue` on `line` of `input` (which starts at `inputLine`, `inputColumn`), if it is certain. */
function lexerErrorColumn(input: string, inputLine: number, inputColumn: number, line: number, issue: string,
  previous: N3Token | undefined, afterDatatypeMarker: boolean): number | undefined {
  // N3.js counts CRLF, CR and LF as one line break each.
  let lineStart = 0;
  const breaks = /\r\n?|\n/g;
  for (let skip = line - inputLine; skip > 0; skip--) {
    if (!breaks.exec(input)) return undefined;
    lineStart = breaks.lastIndex;
  }
  const offset = line === inputLine ? inputColumn : 0;
  const previousEnd = previous && (previous.endLine ?? previous.line) === line ? previous.end : undefined;
  // Blanks between the previous token and the input's start were consumed with that token.
  let at = lineStart + Math.max(0, (previousEnd ?? 0) - offset);
  while (input[at] === ' ' || input[at] === '\t') at++;
  // A `^^` followed by blanks is consumed without a token of its own.
  if (afterDatatypeMarker && input.startsWith('^^', at)) {
    at += 2;
    while (input[at] === ' ' || input[at] === '\t') at++;
  }
  return input.startsWith(issue, at) ? at - lineStart + offset : undefined;
}

function tokenText(token: NonNullable<N3ErrorContext['token']>): string | undefined {
  if (token.type === 'prefixed') return `${token.prefix}:${String(token.value)}`;
  if (token.type === 'eof') return undefined;
  if (token.value !== undefined && token.value !== '') return String(token.value);
  return token.type;
}
