/**
 * The structured logger: one JSON object per line, `time`, `level` and `msg` first, base fields and
 * then the line's own; errors written with name, message and stack; lines below
 * the level dropped; LOG_LEVEL read strictly (an unknown level is an error, not a silent `info`).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFromEnv } from '../../src/api/logger.ts';
import { OntomeshError } from '../../src/errors/index.ts';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  return { logger: createLogger(stream, level, { pid: 7 }), lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>), raw: () => text };
}

describe('createLogger', () => {
  it('writes one JSON line per message, time, level and msg first, then base fields and the message fields', () => {
    const { logger, lines, raw } = capture();
    logger.info('listening', { url: 'http://localhost:8080' });
    expect(raw().endsWith('\n')).toBe(true);
    const [line] = lines();
    expect(Object.keys(line!)).toEqual(['time', 'level', 'msg', 'pid', 'url']);
    expect(line).toMatchObject({ level: 'info', msg: 'listening', pid: 7, url: 'http://localhost:8080' });
    expect(new Date(line!.time).toISOString()).toBe(line!.time);
  });

  it('writes errors with name, message and stack', () => {
    const { logger, lines } = capture();
    logger.error('resolver failed', { error: new TypeError('bad'), requestId: 'r1' });
    const [line] = lines();
    expect(line!.error).toMatchObject({ name: 'TypeError', message: 'bad', stack: expect.stringContaining('TypeError: bad') });
    expect(line!.requestId).toBe('r1');
  });

  it('drops messages below its level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines().map((line) => line.msg)).toEqual(['loud']);
  });
});

describe('logLevelFromEnv', () => {
  it('reads LOG_LEVEL in any case, info when it is unset or empty', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: '' })).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(logLevelFromEnv({ LOG_LEVEL: 'Error' })).toBe('error');
  });

  it.each(['bogus', 'warning', 'trace', 'constructor', ' info'])('refuses LOG_LEVEL=%j with BAD_REQUEST naming the valid levels', (level) => {
    expect(() => logLevelFromEnv({ LOG_LEVEL: level })).toThrow(OntomeshError);
    expect(() => logLevelFromEnv({ LOG_LEVEL: level })).toThrow(`LOG_LEVEL must be one of debug, info, warn, error (got "${level}")`);
  });
});
