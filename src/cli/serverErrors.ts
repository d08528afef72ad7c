/**
 * Errors that a server reported (or that describe what answered at the server's URL), as opposed to
 * errors in the command line: runCli gives them no "Run `ontomesh COMMAND --help`" hint, since no
 * option of the command would fix them, even when their code is BAD_REQUEST.
 */
import type { OntomeshError } from '../errors/index.ts';

const reported = new WeakSet<OntomeshError>();

/**
 * Marks `error` as the server's answer and returns it.
 *
 * @example throw fromServer(new OntomeshError('NOT_FOUND', `${url} answered 404`));
 */
export function fromServer(error: OntomeshError): OntomeshError {
  reported.add(error);
  return error;
}

/** Whether `error` was marked by {@link fromServer}. */
export function isFromServer(error: OntomeshError): boolean {
  return reported.has(error);
}
