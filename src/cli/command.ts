/**
 * What every `ontomesh` sub-command is: a name, a help text and a `run` over an injected
 * console, so commands are testable in-process and `runCli` owns error reporting and exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OntomeshError } from '../errors/index.ts';
import type { ExitCode } from './exitCodes.ts';

/** The process surface a command may use (the real one in main.ts, fakes in tests). */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM; long-running commands stop cleanly when it fires. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for `ontomesh --help`. */
  summary: string;
  /** Full help for `ontomesh <name> --help`. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with positionals allowed, unknown options rejected, and its errors turned into
 * BAD_REQUEST (exit code 2 with the command's usage hint).
 *
 * @example
 * const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
 */
export function parseCommandArgs<const T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new OntomeshError('BAD_REQUEST', (error as Error).message);
  }
}

/** Splits repeated and comma-separated values (`--allow-remote-imports a,b --allow-remote-imports c`). */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

/** Checks that an option is one of the allowed values. */
export function choiceOption<const C extends string>(name: string, value: string | undefined, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new OntomeshError('BAD_REQUEST', `--${name} must be one of ${choices.join(', ')} (got "${value}")`);
}

/** Parses a non-negative integer option. */
export function integerOption(name: string, value: string | undefined, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new OntomeshError('BAD_REQUEST', `--${name} must be an integer between ${min} and ${max} (got "${value}")`);
  }
  return number;
}

/** Requires exactly `count` positionals (or at least one when `count` is 'some'). */
export function requirePositionals(positionals: string[], count: number | 'some', what: string): void {
  if (count === 'some' ? positionals.length === 0 : positionals.length !== count) {
    throw new OntomeshError('BAD_REQUEST', count === 'some' ? `expected at least one ${what}` : `expected ${what}`);
  }
}

/** Writes a line. */
export function println(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
