import { errorCodes, type ErrorCode } from './codes.ts';

/** Where in the user's input a problem is: enough to open the file at the right place. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** The offending token or IRI, when known. */
  term?: string;
}

/**
 * The single error type of ontomesh. `code` is stable; `status` is the HTTP status of the code;
 * `location` says where in the input the problem is.
 *
 * @example
 * throw new OntomeshError('RDF_SYNTAX', 'Expected "." after triple', { file: 'a.ttl', line: 3, column: 7 });
 */
export class OntomeshError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OntomeshError';
    this.code = code;
    this.location = location;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  /** `file:line:col: CODE message`, the form editors and terminals recognise. */
  format(): string {
    const { file, line, column } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
    return `${where}${this.code} ${this.message}`;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.location, ...this.details };
  }
}

/** Wraps anything thrown into an OntomeshError, keeping OntomeshErrors as they are. */
export function asOntomeshError(error: unknown, fallback: ErrorCode = 'INTERNAL'): OntomeshError {
  if (error instanceof OntomeshError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OntomeshError(fallback, message, {}, {}, { cause: error });
}
