/**
 * Structured logs: one JSON object per line on stdout (what Azure Monitor / Loki / kubectl logs
 * ingest), with `time`, `level` and `msg` first and the fields after.
 */

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

/** The level named by LOG_LEVEL, `info` when unset or unknown. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const level = env.LOG_LEVEL?.toLowerCase();
  return level !== undefined && level in levels ? (level as LogLevel) : 'info';
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack, ...(value as object) };
  return value;
}
