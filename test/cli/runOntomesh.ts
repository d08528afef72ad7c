/** Runs the real `ontomesh` command (bin/ontomesh.js under the project's Node 24) in a child process. */
import { execFile, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../load/helpers.ts';

const node = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/ontomesh.js');

/** `setpriv` (util-linux) arguments that run a child as user nobody. */
const asNobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const runsAsRoot = process.getuid?.() === 0;

/**
 * Whether a child can be run without root's privileges, so that file permissions (chmod) deny it: as
 * root, only when nobody can reach the checkout (a clone under a private folder cannot).
 */
export const canRunUnprivileged = !runsAsRoot ||
  spawnSync('setpriv', [...asNobody, node, '-e', `require('fs').accessSync(${JSON.stringify(bin)})`]).status === 0;

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Run as nobody when this process is root (chmod does not deny root). */
  unprivileged?: boolean;
}

/** The program and arguments that run `ontomesh ...args`. */
function command(args: string[], unprivileged = false): [string, string[]] {
  return unprivileged && runsAsRoot ? ['setpriv', [...asNobody, node, bin, ...args]] : [node, [bin, ...args]];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment without a store override, plus `env`. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { ONTOMESH_STORE: _store, PORT: _port, ...rest } = process.env;
  return { ...rest, ...env };
}

/** Runs `ontomesh ...args` to completion. */
export function runOntomesh(args: string[], options: RunOptions): Promise<RunResult> {
  const [program, programArgs] = command(args, options.unprivileged);
  return new Promise((resolve, reject) => {
    execFile(program, programArgs, { cwd: options.cwd, env: childEnv(options.env ?? {}), maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Starts `ontomesh ...args` and returns the running child. */
export function spawnOntomesh(args: string[], options: RunOptions): ChildProcessWithoutNullStreams {
  const [program, programArgs] = command(args, options.unprivileged);
  return spawn(program, programArgs, { cwd: options.cwd, env: childEnv(options.env ?? {}) });
}

/** A JSON log line of `ontomesh serve`. */
export type LogLine = Record<string, unknown> & { msg: string; pid: number };

/** A running `ontomesh serve` and the JSON log lines it has written so far. */
export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  logs: LogLine[];
  /** Resolves once `done(logs)` holds. */
  waitUntil(done: (logs: readonly LogLine[]) => boolean): Promise<void>;
  /** Resolves with the first line whose `msg` is `msg`. */
  waitFor(msg: string): Promise<LogLine>;
}

/** Starts `ontomesh serve` on a free port of 127.0.0.1 with `args`, collecting its log lines. */
export function startServe(args: string[], options: RunOptions): ServeProcess {
  const child = spawnOntomesh(['serve', '--port', '0', '--host', '127.0.0.1', ...args], options);
  const logs: LogLine[] = [];
  const waiters: { done(logs: readonly LogLine[]): boolean; resolve(): void }[] = [];
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    logs.push(...lines.map((text) => JSON.parse(text) as LogLine));
    for (const waiter of waiters.filter((w) => w.done(logs))) waiter.resolve();
  });
  const waitUntil = (done: (logs: readonly LogLine[]) => boolean) =>
    done(logs) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ done, resolve }));
  const waitFor = async (msg: string) => {
    await waitUntil((lines) => lines.some((line) => line.msg === msg));
    return logs.find((line) => line.msg === msg)!;
  };
  return { child, logs, waitUntil, waitFor };
}
