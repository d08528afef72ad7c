/**
 * One V8 setting for a serving process, measured on the discovery benchmark (bench/discovery):
 * allocation-site pretenuring off. Building a read model keeps nearly everything it allocates, and
 * V8 learns from that to allocate straight into the old generation; the per-request objects of
 * GraphQL execution (results, resolve infos, paths) then land there too, every young object they
 * point to survives the next scavenge as if it were alive, and scavenges under load took 10–30 ms
 * (every 150 ms) instead of 1–3 ms, which set the p99 latency. Without pretenuring, request garbage
 * dies young; the model build itself is not measurably slower.
 */
import { setFlagsFromString } from 'node:v8';

let tuned = false;

/** Applies the setting once per process (startServer calls it). */
export function tuneV8ForServing(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
