/** Runs the real `ontomesh` command (bin/ontomesh.js under the project's Node 24) in a child process. */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../load/helpers.ts';

const node = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/ontomesh.js');

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
export function runOntomesh(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(node, [bin, ...args], { cwd: options.cwd, env: childEnv(options.env ?? {}), maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Starts `ontomesh ...args` and returns the running child. */
export function spawnOntomesh(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ChildProcessWithoutNullStreams {
  return spawn(node, [bin, ...args], { cwd: options.cwd, env: childEnv(options.env ?? {}) });
}
