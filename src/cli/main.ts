/**
 * Process entry of `ontomesh` (imported by bin/ontomesh.js): real stdio, environment and signals.
 * SIGINT/SIGTERM abort the running command (a load is rolled back, the server drains); a second
 * signal exits at once.
 */
import { runCli } from './runCli.ts';

const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(signal);
};
process.on('SIGINT', onSignal);
// `ontomesh export ID | head`: a reader that goes away is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.on('SIGTERM', onSignal);

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal });
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
