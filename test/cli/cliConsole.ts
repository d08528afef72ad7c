/** For tests that run a CLI command in this process (runCli): a console whose output is collected, and polling until something holds. */
import { PassThrough } from 'node:stream';

/** A console whose output is collected line by line; `controller` stops a command that keeps running (`push --watch`). */
export function collectingConsole(env: NodeJS.ProcessEnv = {}, controller = new AbortController()) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (chunks: string[]) => new PassThrough().setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  return { io: { stdout: stream(out), stderr: stream(err), env, signal: controller.signal }, out, err, controller };
}

/** What `probe` gives once it gives something, polled every 50 ms for up to 20 s. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
