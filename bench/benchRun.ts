/**
 * What the benchmark runners (bench/run.ts, bench/owl.ts) share: a measurement in a fresh process
 * (bench/measure.ts), progress on a terminal, a child's failure as its own error line, the median, and
 * the git revision measured.
 */
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Measurement, MeasureMode } from './measure.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** Runs `node bench/measure.ts MODE FILE` in a fresh process and returns its Measurement. */
export async function measure(mode: MeasureMode, file: string): Promise<Measurement> {
  const { stdout } = await run(process.execPath, [join(root, 'bench/measure.ts'), mode, file], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
}

/** On a terminal, one line rewritten in place; elsewhere (CI, a pipe) only the end of each case. */
export function progress(text: string, last = false): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}${last ? '\n' : ''}`);
  else if (last) process.stderr.write(`${text}\n`);
}

/** The child's own error (its stderr) rather than "Command failed". */
export function failure(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  if (!stderr) return error instanceof Error ? error.message : String(error);
  const lines = stderr.split('\n');
  return (lines.find((line) => /^\w*Error\b|^OntomeshError/.test(line.trim())) ?? lines[0]!).trim();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function git(gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
