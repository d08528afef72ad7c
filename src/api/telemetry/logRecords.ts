/**
 * The service's log lines sent to Application Insights as well (its `traces` table, or `exceptions`
 * for a line carrying an error): the JSON lines on stdout stay as they are, and each line at the
 * configured level or above is also emitted as an OpenTelemetry log record, in the trace of the
 * request that wrote it when there is one. Fields become attributes: strings, numbers and booleans
 * as they are, an error as OpenTelemetry's exception attributes, anything else as JSON.
 */
import type { AnyValue, Logger as OtelLogger } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE } from '@opentelemetry/semantic-conventions';
import type { Logger, LogLevel } from '../logger.ts';

const severities: Record<LogLevel, SeverityNumber> = { debug: SeverityNumber.DEBUG, info: SeverityNumber.INFO, warn: SeverityNumber.WARN, error: SeverityNumber.ERROR };

/** A wrapper of a Logger that also emits each line at `level` or above to `otel`. */
export function logRecords(otel: OtelLogger): (logger: Logger, level: LogLevel) => Logger {
  return (logger, level) => {
    const threshold = severities[level];
    const log = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
      logger.log(lvl, msg, fields);
      if (severities[lvl] < threshold) return;
      otel.emit({ severityNumber: severities[lvl], severityText: lvl, body: msg, attributes: attributesOf(fields) });
    };
    return {
      log,
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
    };
  };
}

function attributesOf(fields: Record<string, unknown> | undefined): Record<string, AnyValue> {
  const attributes: Record<string, AnyValue> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === undefined) continue;
    if (value instanceof Error) {
      attributes[ATTR_EXCEPTION_TYPE] = value.name;
      attributes[ATTR_EXCEPTION_MESSAGE] = value.message;
      if (value.stack) attributes[ATTR_EXCEPTION_STACKTRACE] = value.stack;
    } else {
      attributes[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
    }
  }
  return attributes;
}
