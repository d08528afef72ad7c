/**
 * The tokens of OWL 2 functional-style syntax (W3C OWL 2 Structural Specification, section 2.3 and
 * the grammar of section 3), read from text that arrives in chunks split anywhere. The lexer keeps
 * only the unread tail of the text (at most the token in progress): `next()` answers `undefined`
 * when that token may continue in the next chunk.
 *
 * Positions are 1-based; lines are counted by `\n` (so CRLF and LF both work) and columns in UTF-16
 * code units.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { OwlPosition } from './OwlSyntax.ts';

export type FunctionalSyntaxToken = OwlPosition & (
  | { readonly kind: '(' | ')' | '=' | '^^' | 'end' }
  | { readonly kind: 'keyword'; readonly name: string }
  | { readonly kind: 'iri'; readonly iri: string }
  | { readonly kind: 'prefixedName'; readonly prefix: string; readonly local: string }
  | { readonly kind: 'nodeId'; readonly nodeId: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'language'; readonly language: string }
  | { readonly kind: 'integer'; readonly value: string }
);

/** Letters, digits and the other characters SPARQL's PN_CHARS allows, plus ':' (prefix separator) and '%'. */
const wordPattern = /[\p{L}\p{N}\p{M}_\-.:%\u00B7\u203F\u2040]+/uy;
const quoteOrBackslash = /["\\]/g;
const fullIriPattern = /<([^<>\s]*)(>?)/y;
const languagePattern = /@([A-Za-z0-9-]*)/y;
const keywordPattern = /^[A-Za-z]+$/;
const integerPattern = /^[0-9]+$/;
const languageTagPattern = /^[A-Za-z]+(?:-[A-Za-z0-9]+)*$/;

/** One token read from `buffer` at `start`: the token and where the text after it begins. */
interface Scanned {
  readonly token: FunctionalSyntaxToken;
  readonly end: number;
}

export class FunctionalSyntaxLexer {
  readonly #file: string | undefined;
  #buffer = '';
  #position = 0;
  /** Chunks not yet appended to the buffer, while the token in progress waits for enough text. */
  #pending: string[] = [];
  #pendingLength = 0;
  /** How much unread text to gather before scanning again: twice the unfinished token, so a long token is rescanned O(log n) times. */
  #wanted = 0;
  #ended = false;
  #endGiven = false;
  #inComment = false;
  #line = 1;
  /** Where the current line starts, counted from the start of the document. */
  #lineStart = 0;
  /** Where the buffer starts, counted from the start of the document. */
  #bufferStart = 0;

  constructor(file: string | undefined) {
    this.#file = file;
  }

  /** Adds a chunk; answers whether there may be new tokens to read. */
  push(chunk: string): boolean {
    this.#pending.push(chunk);
    this.#pendingLength += chunk.length;
    if (this.#buffer.length - this.#position + this.#pendingLength < this.#wanted) return false;
    this.#takePending();
    return true;
  }

  /** Marks the end of the document: the next tokens are the last ones, then an `end` token. */
  end(): void {
    this.#takePending();
    this.#ended = true;
  }

  /** The next token, or `undefined` when more text is needed (or after the `end` token). */
  next(): FunctionalSyntaxToken | undefined {
    if (!this.#skipSpaceAndComments()) return undefined;
    const start = this.#position;
    if (start === this.#buffer.length) {
      if (!this.#ended || this.#endGiven) return undefined;
      this.#endGiven = true;
      return { kind: 'end', ...this.#here() };
    }
    const scanned = this.#scan(start);
    if (!scanned) {
      this.#wanted = 2 * (this.#buffer.length - start);
      return undefined;
    }
    this.#wanted = 0;
    this.#advanceTo(scanned.end);
    return scanned.token;
  }

  /** An RDF_SYNTAX error at a position. */
  error(message: string, at: OwlPosition): OntomeshError {
    return new OntomeshError('RDF_SYNTAX', message, { file: this.#file, line: at.line, column: at.column });
  }

  #takePending(): void {
    if (this.#pendingLength === 0) return;
    this.#bufferStart += this.#position;
    this.#buffer = this.#buffer.slice(this.#position) + this.#pending.join('');
    this.#position = 0;
    this.#pending = [];
    this.#pendingLength = 0;
  }

  /** Skips whitespace and `#` comments; answers false when a comment runs on past the buffer. */
  #skipSpaceAndComments(): boolean {
    const buffer = this.#buffer;
    let i = this.#position;
    for (;;) {
      if (this.#inComment) {
        const newline = buffer.indexOf('\n', i);
        if (newline < 0) {
          this.#position = buffer.length;
          return this.#ended;
        }
        this.#inComment = false;
        i = newline;
      }
      const code = buffer.charCodeAt(i);
      if (code === 0x0a) {
        this.#line++;
        this.#lineStart = this.#bufferStart + i + 1;
      } else if (code === 0x23) {
        this.#inComment = true;
      } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
        break; // NaN at the end of the buffer lands here too
      }
      i++;
    }
    this.#position = i;
    return true;
  }

  #here(index = this.#position): OwlPosition {
    return { line: this.#line, column: this.#bufferStart + index - this.#lineStart + 1 };
  }

  /** The position of `index`, which may be past newlines not yet counted (inside a literal). */
  #positionOf(index: number): OwlPosition {
    const buffer = this.#buffer;
    const lastNewline = buffer.lastIndexOf('\n', index - 1);
    if (lastNewline < this.#position) return this.#here(index);
    let line = this.#line;
    for (let i = buffer.indexOf('\n', this.#position); i >= 0 && i < index; i = buffer.indexOf('\n', i + 1)) line++;
    return { line, column: index - lastNewline };
  }

  /** Moves past a token, counting the newlines in it (literals may span lines). */
  #advanceTo(end: number): void {
    const lastNewline = this.#buffer.lastIndexOf('\n', end - 1);
    if (lastNewline >= this.#position) {
      this.#line = this.#positionOf(end).line;
      this.#lineStart = this.#bufferStart + lastNewline + 1;
    }
    this.#position = end;
  }

  /** Reads the token at `start`, or answers undefined when it may go on in text not yet here. */
  #scan(start: number): Scanned | undefined {
    const buffer = this.#buffer;
    const at = this.#here(start);
    const char = buffer[start]!;
    switch (char) {
      case '(': case ')': case '=':
        return { token: { kind: char, ...at }, end: start + 1 };
      case '^':
        if (start + 1 === buffer.length && !this.#ended) return undefined;
        if (buffer[start + 1] !== '^') throw this.error(`Expected '^^' before a literal's datatype, found ${describeChar(buffer[start + 1])}`, at);
        return { token: { kind: '^^', ...at }, end: start + 2 };
      case '"':
        return this.#scanString(start, at);
      case '<':
        return this.#scanFullIri(start, at);
      case '@':
        return this.#scanLanguage(start, at);
    }
    wordPattern.lastIndex = start;
    if (!wordPattern.test(buffer)) throw this.error(`Unexpected ${describeChar(char)}: expected a keyword, an IRI, a literal or a parenthesis`, at);
    const end = wordPattern.lastIndex;
    if (end === buffer.length && !this.#ended) return undefined;
    return { token: this.#classifyWord(buffer.slice(start, end), at), end };
  }

  #scanFullIri(start: number, at: OwlPosition): Scanned | undefined {
    fullIriPattern.lastIndex = start;
    const match = fullIriPattern.exec(this.#buffer)!;
    if (match[2]) return { token: { kind: 'iri', iri: match[1]!, ...at }, end: fullIriPattern.lastIndex };
    const stop = fullIriPattern.lastIndex;
    if (stop === this.#buffer.length) {
      if (!this.#ended) return undefined;
      throw this.error(`Expected '>' to close the IRI started at ${at.line}:${at.column}, found end of document`, at);
    }
    throw this.error(`Expected '>' to close the IRI started at ${at.line}:${at.column}, found ${describeChar(this.#buffer[stop])}`, this.#here(stop));
  }

  /** A quoted string: `\"` and `\\` are its only escapes (OWL 2 section 2.3). */
  #scanString(start: number, at: OwlPosition): Scanned | undefined {
    const buffer = this.#buffer;
    const parts: string[] = [];
    let from = start + 1;
    quoteOrBackslash.lastIndex = from;
    for (let match = quoteOrBackslash.exec(buffer); match; match = quoteOrBackslash.exec(buffer)) {
      const index = match.index;
      if (match[0] === '"') {
        parts.push(buffer.slice(from, index));
        return { token: { kind: 'string', value: parts.length === 1 ? parts[0]! : parts.join(''), ...at }, end: index + 1 };
      }
      const escaped = buffer[index + 1];
      if (escaped === undefined) break;
      if (escaped !== '"' && escaped !== '\\') {
        throw this.error(`Invalid escape '\\${escaped}' in a literal: only \\" and \\\\ may be escaped (write other characters as they are)`, this.#positionOf(index));
      }
      parts.push(buffer.slice(from, index), escaped);
      from = quoteOrBackslash.lastIndex = index + 2;
    }
    if (!this.#ended) return undefined;
    throw this.error(`Expected '"' to close the literal started at ${at.line}:${at.column}, found end of document`, at);
  }

  #scanLanguage(start: number, at: OwlPosition): Scanned | undefined {
    languagePattern.lastIndex = start;
    const language = languagePattern.exec(this.#buffer)![1]!;
    const end = languagePattern.lastIndex;
    if (end === this.#buffer.length && !this.#ended) return undefined;
    if (!languageTagPattern.test(language)) throw this.error(`Invalid language tag '@${language}': expected letters, then '-' and letters or digits, as in "text"@en-GB`, at);
    return { token: { kind: 'language', language, ...at }, end };
  }

  /** A run of name characters is a keyword, a non-negative integer, a node ID or a prefixed name. */
  #classifyWord(word: string, at: OwlPosition): FunctionalSyntaxToken {
    if (keywordPattern.test(word)) return { kind: 'keyword', name: word, ...at };
    if (integerPattern.test(word)) return { kind: 'integer', value: word, ...at };
    if (word.startsWith('_:')) {
      if (word.length === 2) throw this.error("Expected a node ID after '_:'", at);
      return { kind: 'nodeId', nodeId: word.slice(2), ...at };
    }
    const colon = word.indexOf(':');
    if (colon < 0) throw this.error(`Unexpected '${word}': expected a keyword followed by '(', an IRI, a literal or a prefixed name like owl:Thing`, at);
    return { kind: 'prefixedName', prefix: word.slice(0, colon), local: word.slice(colon + 1), ...at };
  }
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'end of document';
  if (char === '\n' || char === '\r') return 'end of line';
  return /\s/.test(char) ? 'whitespace' : `'${char}'`;
}
