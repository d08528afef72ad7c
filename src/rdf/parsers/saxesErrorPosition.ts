/**
 * Where a saxes error is: saxes (and the copy rdfxml-streaming-parser keeps) puts it at the head of
 * its message, `3:7: message`, counting the characters read on the line, so 0 when the fault is met at
 * the line's start; a column is at least 1 here.
 */

/** A located error message. */
export interface LocatedMessage {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `line:column: message` at the head of a saxes error. */
const saxesPosition = /^(\d+):(\d+): ([\s\S]*)$/;

/**
 * The position and message of a saxes error message, or `undefined` when it has none.
 *
 * @example saxesErrorPosition('3:0: unclosed tag: rdf:RDF') // { line: 3, column: 1, message: 'unclosed tag: rdf:RDF' }
 */
export function saxesErrorPosition(text: string): LocatedMessage | undefined {
  return located(saxesPosition.exec(text));
}

/** A match of (line, column, message) as a located message, the column at least 1. */
export function located(match: RegExpExecArray | null): LocatedMessage | undefined {
  return match ? { line: Number(match[1]), column: Math.max(1, Number(match[2])), message: match[3]! } : undefined;
}
