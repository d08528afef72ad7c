/**
 * Write throughput of the SQLite store alone: the generated ontology is parsed and mapped once, then
 * each round writes it as a new version of a fresh store (writer.write in batches, then commit: sorted
 * edge tables, indexes, full-text index, activation). Only the time inside write() and commit() counts;
 * with `--inferred` the entailment closure is written too, as a load does (computing it is not timed).
 * Wall and CPU time are both reported: on a shared machine CPU time is the steadier of the two.
 *
 *   node bench/store-write.ts [--triples 1000000] [--rounds 3] [--warmup 1] [--inferred]
 *
 * Writes bench/results/store-write.json (with the git revision and the machine).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { GraphElement } from '../src/graph/elements.ts';
import { RdfToGraph } from '../src/graph/RdfToGraph.ts';
import { Entailment } from '../src/ontology/index.ts';
import { parseFile } from '../src/rdf/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { generateOntology } from './generateOntology.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const batchSize = 10_000;

const { values: args } = parseArgs({
  options: {
    triples: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    inferred: { type: 'boolean', default: false },
  },
});

const generated = await generateOntology({ triples: Number(args.triples), seed: Number(args.seed), cacheDir: join(root, '.cache/bench') });
const mapper = new RdfToGraph('bench');
const entailment = args.inferred ? new Entailment() : undefined;
const batches: GraphElement[][] = [];
await parseFile(generated.path, { file: generated.path }, {
  quads(quads) {
    const elements = mapper.map(quads, 0, generated.path);
    for (const e of elements) if (e.kind === 'edge') entailment?.addEdge(e.subject, e.predicate, e.object);
    batches.push(elements);
  },
});
const asserted = batches.reduce((n, batch) => n + batch.filter((e) => e.kind !== 'vertex').length, 0);

interface Round { writeMs: number; commitMs: number; cpuMs: number; facts: number }
const rounds: Round[] = [];
for (let round = 0; round < Number(args.warmup) + Number(args.rounds); round++) {
  const folder = mkdtempSync(join(tmpdir(), 'ontomesh-store-write-'));
  try {
    const store = await openSqliteStore(join(folder, 'bench.db'));
    const writer = await store.beginVersion('bench', { documents: [{ location: generated.path, format: 'turtle' }], prefixes: {}, missingImports: [] });
    let facts = asserted;
    let writeMs = 0;
    let cpu = { user: 0, system: 0 };
    const timed = async (work: () => Promise<unknown>) => {
      const [started, startedCpu] = [performance.now(), process.cpuUsage()];
      await work();
      const used = process.cpuUsage(startedCpu);
      cpu = { user: cpu.user + used.user, system: cpu.system + used.system };
      return performance.now() - started;
    };
    for (const batch of batches) writeMs += await timed(() => writer.write(batch));
    if (entailment) {
      let pending: { subject: string; predicate: string; object: string }[] = [];
      const flush = async () => {
        const elements = mapper.mapInferred(pending);
        facts += pending.length;
        pending = [];
        writeMs += await timed(() => writer.write(elements));
      };
      for (const fact of entailment.inferred()) {
        pending.push(fact);
        if (pending.length === batchSize) await flush();
      }
      await flush();
    }
    const commitMs = await timed(() => writer.commit({ triples: asserted, inferred: facts - asserted, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 1 }));
    await store.close();
    if (round >= Number(args.warmup)) rounds.push({ writeMs, commitMs, cpuMs: (cpu.user + cpu.system) / 1000, facts });
    process.stderr.write(`round ${round + 1}: ${facts.toLocaleString('en')} facts, write ${Math.round(writeMs)} ms, commit ${Math.round(commitMs)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const facts = rounds[0]!.facts;
const wallMs = median(rounds.map((r) => r.writeMs + r.commitMs));
const cpuMs = median(rounds.map((r) => r.cpuMs));
const report = {
  benchmark: 'store-write',
  date: new Date().toISOString(),
  revision: git(['rev-parse', 'HEAD']),
  dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(), os: `${platform()} ${release()}`, node: process.version, sqlite: process.versions.sqlite },
  settings: { triples: Number(args.triples), seed: Number(args.seed), inferred: args.inferred, rounds: Number(args.rounds), warmup: Number(args.warmup), batchSize },
  facts: { asserted, inferred: facts - asserted },
  median: {
    writeMs: median(rounds.map((r) => r.writeMs)),
    commitMs: median(rounds.map((r) => r.commitMs)),
    wallMs,
    cpuMs,
    factsPerSecondWall: Math.round(facts / (wallMs / 1000)),
    factsPerSecondCpu: Math.round(facts / (cpuMs / 1000)),
  },
  rounds,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/store-write${args.inferred ? '-inferred' : ''}.json`), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report.median)}\n`);

function git(gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
