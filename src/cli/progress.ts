/**
 * Load progress on stderr: documents, triples and triples/s, shown only once a load has taken
 * longer than a second. On a terminal one line is redrawn in place; elsewhere (when forced with
 * `--progress`, e.g. in CI logs) a line is printed every few seconds.
 */
import type { LoadProgress } from '../load/index.ts';

export interface ProgressReporter {
  /** Takes the latest progress (cheap; nothing is drawn here). */
  update(progress: LoadProgress): void;
  /** Clears the line and stops drawing. */
  stop(): void;
}

const delayMs = 1_000;

/**
 * Starts reporting to `stream`. `force` shows progress even when `stream` is not a terminal.
 *
 * @example
 * const progress = startProgress(process.stderr, { force: false });
 * await loadOntologies(store, paths, { ...options, onProgress: (p) => progress.update(p) });
 * progress.stop();
 */
export function startProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, { force }: { force: boolean }): ProgressReporter {
  const tty = stream.isTTY === true;
  if (!tty && !force) return { update() {}, stop() {} };
  const started = performance.now();
  let latest: LoadProgress | undefined;
  /** When reading ended (the rate is a reading rate: it stops falling once the closure and commit run). */
  let readEnded: number | undefined;
  let drawn = false;
  const draw = () => {
    if (latest === undefined) return;
    const now = performance.now();
    if (latest.phase !== 'read') readEnded ??= now;
    const rate = Math.round(latest.quads / (((readEnded ?? now) - started) / 1000));
    const phase = latest.phase === 'read' ? '' : `, ${latest.phase === 'infer' ? 'inferring' : 'committing'} (${Math.round((now - started) / 1000)} s)`;
    const line = `${latest.documents} document${latest.documents === 1 ? '' : 's'}, ${latest.quads.toLocaleString('en-US')} triples, ${rate.toLocaleString('en-US')} triples/s${phase}`;
    stream.write(tty ? `\r\x1b[K${line}` : `progress: ${line}\n`);
    drawn = true;
  };
  let timer: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    timer = setInterval(draw, tty ? 200 : 1_000);
    timer.unref();
  }, delayMs);
  delay.unref();
  return {
    update(progress) {
      latest = progress;
    },
    stop() {
      clearTimeout(delay);
      clearInterval(timer);
      if (drawn && tty) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
