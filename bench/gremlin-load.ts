/**
 * Gremlin load benchmark (`node bench/gremlin-load.ts [--rounds 3] [--warmup 1] [--triples 5000]`):
 * the adapter's batched, idempotent writes against the same writer sending one request per element
 * (batch 1, concurrency 1: the naive Gremlin loader with the same guarantees), side by side, on a local
 * Apache TinkerPop Gremlin Server. Reported per 1,000 triples: requests, wall time, and an estimate of
 * Cosmos DB request units from a charge model applied to every script by a proxy (TinkerPop reports
 * no charges), summed through the adapter's own request-charge accounting.
 *
 * The charge model (an estimate, not a measurement): per request 1 RU; per vertex read by the start
 * step 1 RU (a point read of an item up to 1 KB); per vertex or edge created 5.5 RU (a 1 KB insert);
 * per literal value appended 10 RU (a vertex document replaced). Results: bench/results/gremlin-load.json
 * and bench/results/gremlin-load.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { openGremlinStore } from '../src/store/gremlin/index.ts';
import { startFaultProxy } from '../test/store/gremlin/faultProxy.ts';
import { startGremlinServer } from '../test/store/gremlin/gremlinServer.ts';
import { elementBatches, stats, writeBatches } from '../test/store/gremlin/loadGraph.ts';
import { generateOntology } from './generateOntology.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, warmup: { type: 'string', default: '1' }, triples: { type: 'string', default: '5000' } } });
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);

/** The charge model described above, from a script's text. */
function estimateCharge(script: string): number {
  const count = (pattern: RegExp) => script.match(pattern)?.length ?? 0;
  const start = /^g\.V\(([^)]*)\)/.exec(script)?.[1];
  const reads = start === undefined ? 0 : start.split(',').length;
  return 1 + reads + 5.5 * count(/\.addV\(|\baddV\(/g) + 5.5 * count(/\.addE\(/g) + 10 * count(/property\(list, 'f'/g);
}

interface Sample { ms: number; requests: number; requestUnits: number }
interface ModeReport { name: string; batch: number; concurrency: number; medianMs: number; requests: number; requestUnits: number; per1000: { requests: number; requestUnits: number; ms: number }; samples: Sample[] }

const generated = await generateOntology({ triples: Number(args.triples), seed: 42, cacheDir: join(root, '.cache/bench') });
const quads: Quad[] = new Parser().parse(readFileSync(generated.path, 'utf8'));
const batches = elementBatches('bench', quads, 500);
const server = await startGremlinServer();
const proxy = await startFaultProxy(`ws://127.0.0.1:${server.port}/gremlin`, { charge: estimateCharge });
const modes = [
  { name: 'batched (default)', batch: 100, concurrency: 4 },
  { name: 'one request per element', batch: 1, concurrency: 1 },
];
const reports: ModeReport[] = [];
let run = 0;
try {
  for (const mode of modes) {
    const samples: Sample[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      process.stderr.write(`${mode.name}: ${round < warmup ? 'warm-up' : `round ${round - warmup + 1} of ${rounds}`}\n`);
      const store = await openGremlinStore(`${proxy.url}?language=gremlin-lang&namespace=b${++run}&batch=${mode.batch}&concurrency=${mode.concurrency}`);
      const started = performance.now();
      const writer = await store.beginVersion('bench', { documents: [], prefixes: {}, missingImports: [] });
      await writeBatches(writer, batches);
      await writer.commit(stats(quads.length));
      const sample = { ms: performance.now() - started, requests: writer.requests, requestUnits: writer.requestCharge };
      await store.close();
      if (round >= warmup) samples.push(sample);
    }
    const median = (pick: (s: Sample) => number) => samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    const [ms, requests, requestUnits] = [median((s) => s.ms), median((s) => s.requests), median((s) => s.requestUnits)];
    const per = (value: number) => Math.round((value / quads.length) * 1000 * 10) / 10;
    reports.push({ ...mode, medianMs: ms, requests, requestUnits, per1000: { requests: per(requests), requestUnits: per(requestUnits), ms: per(ms) }, samples });
  }
} finally {
  await proxy.close();
  await server.stop();
}

const revision = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const report = {
  benchmark: 'gremlin-load', date: new Date().toISOString(), revision,
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryBytes: totalmem(), node: process.version },
  settings: { rounds, warmup, triples: quads.length, server: 'Apache TinkerPop Gremlin Server 3.8.1 (TinkerGraph), gremlin-lang', chargeModel: 'per request 1 + reads 1 + creates 5.5 + literal appends 10 RU' },
  modes: reports,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/gremlin-load.json'), `${JSON.stringify(report, null, 2)}\n`);
const [batched, naive] = reports as [ModeReport, ModeReport];
const rows = reports.map((r) => `| ${r.name} | ${r.batch} | ${r.concurrency} | ${r.per1000.requests} | ${r.per1000.requestUnits} | ${(r.medianMs / 1000).toFixed(2)} s | ${Math.round(quads.length / (r.medianMs / 1000)).toLocaleString('en')}/s |`);
writeFileSync(join(root, 'bench/results/gremlin-load.md'), `# Gremlin load benchmark

Written by \`node bench/gremlin-load.ts\`; raw numbers in \`gremlin-load.json\`. ${quads.length.toLocaleString('en')} generated triples
(bench/generateOntology.ts, seed 42) written as one version through the Gremlin adapter to a local Apache TinkerPop
Gremlin Server 3.8.1 (TinkerGraph, gremlin-lang), medians of ${rounds} rounds after ${warmup} warm-up. *RU* is an estimate
of Cosmos DB request units from a charge model applied by a proxy to every script (per request 1, per vertex read 1,
per vertex or edge created 5.5, per literal appended 10), not a measurement on Cosmos.

| writer | elements per request | concurrency | requests per 1,000 triples | RU per 1,000 triples (estimate) | load time | throughput |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Batched sends ${(naive.requests / batched.requests).toFixed(0)}× fewer requests and is ${(naive.medianMs / batched.medianMs).toFixed(1)}× faster; the RU estimate
differs by ${(((naive.requestUnits - batched.requestUnits) / naive.requestUnits) * 100).toFixed(0)}% (per-request overhead and reads; the writes cost the same).

Revision \`${revision}\`, ${report.date.slice(0, 10)}; ${report.machine.cpu}, ${report.machine.cores} cores; Node ${process.version}.
`);
process.stderr.write(`${rows.join('\n')}\n`);
