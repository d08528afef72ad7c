/**
 * `npm run bench:discovery`: runs the discovery benchmark (benchmark.ts, README.md beside this
 * file) and writes bench/results/discovery.json and the table bench/results/README-discovery.md.
 *
 *   npm run bench:discovery -- [--duration 10] [--warmup 5] [--rounds 3] [--connections 50]
 *     [--products 10000] [--seed 7] [--fields 2-4] [--fuseki-store tdb2|mem] [--fuseki-heap 2g]
 *     [--query concept|search|detail|domain ...] [--ontomesh-url http://127.0.0.1:8080/graphql]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDiscoveryBenchmark } from './benchmark.ts';
import { renderSummary } from './summary.ts';

const root = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    products: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    fields: { type: 'string', default: '2-4' },
    'fuseki-store': { type: 'string', default: 'tdb2' },
    'fuseki-heap': { type: 'string', default: '2g' },
    query: { type: 'string', multiple: true },
    'ontomesh-url': { type: 'string' },
  },
});
const fusekiStore = args['fuseki-store'];
if (fusekiStore !== 'mem' && fusekiStore !== 'tdb2') throw new Error(`--fuseki-store must be mem or tdb2, not ${fusekiStore}`);
const fields = args.fields.split('-').map(Number);
if (fields.length !== 2 || fields.some((n) => !Number.isInteger(n) || n < 1) || fields[0]! > fields[1]!) throw new Error(`--fields must be MIN-MAX, not ${args.fields}`);

const report = await runDiscoveryBenchmark({
  connections: Number(args.connections), durationSeconds: Number(args.duration), warmupSeconds: Number(args.warmup), rounds: Number(args.rounds),
  products: Number(args.products), seed: Number(args.seed), fields: fields as [number, number],
  fusekiStore, fusekiHeap: args['fuseki-heap'], queries: args.query, ontomeshUrl: args['ontomesh-url'],
});
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/discovery.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/README-discovery.md'), renderSummary(report));
process.stdout.write(renderSummary(report));
