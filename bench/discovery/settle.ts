/**
 * Waits for a server process to go idle. When a load ends, autocannon closes its connections, but a
 * server keeps working on the requests it had accepted (neither Fuseki nor Node cancels a query
 * whose client left); without this wait, that backlog would run into the next server's round.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Resolves once `pid` used under `busyShare` of one core over `windowMs`, or after `timeoutMs`
 * (returns false then). Where /proc is missing (not Linux) it resolves at once with true.
 *
 * @example
 * await settle(fuseki.pid);
 */
export async function settle(pid: number, options: { windowMs?: number; busyShare?: number; timeoutMs?: number } = {}): Promise<boolean> {
  const { windowMs = 500, busyShare = 0.1, timeoutMs = 120_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let before = cpuSeconds(pid);
  if (before === undefined) return true;
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, windowMs));
    const after = cpuSeconds(pid);
    if (after === undefined) return true;
    if (after - before < (busyShare * windowMs) / 1000) return true;
    before = after;
  }
  return false;
}

/**
 * User + system CPU seconds of a process and its live descendants (the workers of `serve --workers`):
 * fields 14 and 15 of /proc/PID/stat, children from /proc/PID/task/TID/children. Undefined when the
 * process is gone or /proc is unreadable.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    return childrenOf(pid).reduce((sum, child) => sum + (cpuSeconds(child) ?? 0), own);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}
