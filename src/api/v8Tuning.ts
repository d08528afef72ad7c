/**
 * V8 settings for a serving process, measured on the discovery benchmark (bench/discovery; README,
 * "Configuration"):
 *
 * - Allocation-site pretenuring off (set here, at run time). Building a read model keeps nearly
 *   everything it allocates, and V8 learns from that to allocate straight into the old generation;
 *   the per-request objects of GraphQL execution (results, resolve infos, paths) then land there
 *   too, every young object they point to survives the next scavenge as if it were alive, and
 *   scavenges under load took 10–30 ms (every 150 ms) instead of 1–3 ms. Without pretenuring,
 *   request garbage dies young; the model build is not measurably slower.
 * - Semi-spaces of 4 MiB (`servingNodeOptions`, a process flag: the young generation has grown to
 *   its 16–32 MiB default before any code of ours runs, and a flag set later does not shrink it).
 *   What survives a scavenge while requests run is mostly the requests in flight and graphql-js's
 *   per-request WeakMap caches (whose values V8's scavenger keeps), so a scavenge costs in proportion
 *   to the young generation: 0.6 ms pauses instead of 2.5–4 ms, for a few per cent more GC work.
 */
import { setFlagsFromString } from 'node:v8';

/** Node options for the server process (`npm start` and the benchmark pass them; NODE_OPTIONS elsewhere). */
export const servingNodeOptions: readonly string[] = ['--max-semi-space-size=4'];

let tuned = false;

/** Applies the run-time setting once per process (startServer calls it). */
export function tuneV8ForServing(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
