/**
 * The exit codes of the `ontomesh` command, stable for scripts and CI.
 * See src/cli/README.md for the table users read.
 */
import type { ErrorCode } from '../errors/index.ts';

/** Exit codes: 0 success, 1 the input was rejected, 2 the command line was wrong, 3 the store could not be used, 4 policy violations (check), 130 interrupted. */
export const exitCodes = {
  ok: 0,
  inputError: 1,
  usageError: 2,
  storeUnavailable: 3,
  /** `ontomesh check` found violations of a governance policy. */
  policyViolations: 4,
  /** SIGINT/SIGTERM stopped the command (128 + SIGINT, the shell convention). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit code for a failure with the given error code. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'STORE_UNAVAILABLE':
    case 'STORE_THROTTLED':
      return exitCodes.storeUnavailable;
    case 'BAD_REQUEST':
      return exitCodes.usageError;
    default:
      return exitCodes.inputError;
  }
}
