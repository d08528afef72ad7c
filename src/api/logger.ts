/**
 * Structured logs: one JSON object per line on stdout (what Azure Monitor / Loki / kubectl logs
 * ingest), with `time`, `level` and `msg` first and the fields after.
 */
import { OntomeshError } from '../errors/index.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levels: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger writing JSON lines to `stream`, dropping messages below `level`; `base` fields (e.g. the
 * process id) go in every line, after `msg`.
 *
 * @example
 * const logger = createLogger(process.stdout, 'info');
 * logger.info('listening', { url: 'http://localhost:8080' });
 * // {"time":"2025-01-01T00:00:00.000Z","level":"info","msg":"listening","url":"http://localhost:8080"}
 */
export function createLogger(stream: NodeJS.WritableStream, level: LogLevel = 'info', base?: Record<string, unknown>): Logger {
  const threshold = levels[level];
  const log = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (levels[lvl] < threshold) return;
    const line = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    // A replacer takes JSON.stringify off V8's fast path: only lines that carry an error need one.
    const withError = fields !== undefined && Object.values(fields).some((value) => value instanceof Error);
    stream.write(`${withError ? JSON.stringify(line, errorReplacer) : JSON.stringify(line)}\n`);
  };
  return {
    log,
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

/**
 * The level named by LOG_LEVEL (any case), `info` when unset or empty.
 *
 * @throws OntomeshError BAD_REQUEST naming the valid levels when LOG_LEVEL is set to anything else:
 *   a misspelt level would otherwise go unnoticed until the logs it should have shown are missing.
 * @example logLevelFromEnv({ LOG_LEVEL: 'debug' }); // 'debug'
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const level = env.LOG_LEVEL?.toLowerCase();
  if (!level) return 'info';
  if (Object.hasOwn(levels, level)) return level as LogLevel;
  throw new OntomeshError('BAD_REQUEST', `LOG_LEVEL must be one of ${Object.keys(levels).join(', ')} (got "${env.LOG_LEVEL}")`);
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack, ...(value as object) };
  return value;
}
