/**
 * The load benchmark (`npm run bench`). For each case it runs, side by side and round after round,
 * the raw parser (the peer), the raw parser inserting every triple bare into SQLite (the floor of any
 * SQLite load), that floor with the indexes lookups need (the floor of a store of strings), the raw
 * parser giving every term an id (the floor of a load's read side), ontomesh's parse stage and the
 * whole load, each in a fresh process
 * (bench/measure.ts) so that its peak memory is its own. The first rounds warm the file cache and
 * are dropped; the medians of the rest give throughput, and the ratio load / raw parser is the
 * number we hold ourselves to (target ≥ 0.5), together with peak RSS under 1 GiB at 1M triples.
 * Results go to bench/results/load.json (with the git revision and the machine) and a table in
 * bench/results/README.md.
 *
 *   npm run bench -- [--rounds 5] [--warmup 1] [--triples 1000000] [--seed 42] [--case NAME]
 *
 * `--case` (repeatable) runs only the cases whose name contains NAME, and then only prints the table.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { failure, git, measure, median, progress, root } from './benchRun.ts';
import { generateOntology } from './generateOntology.ts';
import type { Measurement, MeasureMode } from './measure.ts';
import { renderSummary, type CaseResult, type LoadReport, type ModeResult } from './summary.ts';

const modes: MeasureMode[] = ['parser', 'floor', 'indexed', 'intern', 'parse', 'load'];
const targetRatio = 0.5;
const targetRssBytes = 1024 ** 3;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    triples: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    case: { type: 'string', multiple: true },
  },
});
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);

// The revision measured: taken before the first measurement.
const revision = git(['rev-parse', 'HEAD']);
const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
// Other work on the machine skews every number (the ratio less so): the 1-minute load average says how busy it was.
const loadAverageAtStart = loadavg()[0]!;
const generated = await generateOntology({ triples: Number(args.triples), seed: Number(args.seed), cacheDir: join(root, '.cache/bench') });
const cases = [
  // The largest ontologies of test/fixtures/shared by triple count (found by parsing every .ttl/.owl/.rdf there):
  { name: 'schema.org (largest fixture, Turtle)', file: 'test/fixtures/shared/schemaorg/schemaorg-current-https.ttl', rssTarget: false },
  { name: 'OBO RO (largest RDF/XML fixture)', file: 'test/fixtures/shared/obo-ro/ro.owl', rssTarget: false },
  { name: `generated ${Number(args.triples).toLocaleString('en')} triples (Turtle)`, file: relative(root, generated.path), rssTarget: true },
].filter((c) => !args.case || args.case.some((name) => c.name.includes(name)));

const results: CaseResult[] = [];
for (const c of cases) {
  const samples: Record<MeasureMode, Measurement[]> = { parser: [], floor: [], indexed: [], intern: [], parse: [], load: [] };
  const errors: Partial<Record<MeasureMode, string>> = {};
  for (let round = 0; round < warmup + rounds; round++) {
    for (const mode of modes) {
      if (errors[mode]) continue;
      progress(`${c.name}: ${mode}, ${round < warmup ? 'warm-up' : `round ${round - warmup + 1} of ${rounds}`}`);
      try {
        const m = await measure(mode, c.file);
        if (round >= warmup) samples[mode].push(m);
      } catch (error) {
        errors[mode] = failure(error);
      }
    }
  }
  progress(`${c.name}: done`, true);
  const triples = samples.parser[0]?.triples ?? 0;
  const modeResults = Object.fromEntries(modes.map((mode) => [mode, summarise(samples[mode], triples, errors[mode])])) as Record<MeasureMode, ModeResult>;
  const ratioOf = (mode: MeasureMode) => {
    const own = modeResults[mode].triplesPerSecond;
    const peer = modeResults.parser.triplesPerSecond;
    return own && peer ? own / peer : undefined;
  };
  const ratio = { floor: ratioOf('floor'), indexed: ratioOf('indexed'), intern: ratioOf('intern'), parse: ratioOf('parse'), load: ratioOf('load') };
  const peakRss = modeResults.load.peakRssBytes;
  const targets = {
    ratio: targetRatio,
    ...(ratio.load === undefined ? {} : { ratioMet: ratio.load >= targetRatio }),
    ...(c.rssTarget ? { peakRssBytes: targetRssBytes, ...(peakRss === undefined ? {} : { peakRssMet: peakRss < targetRssBytes }) } : {}),
  };
  results.push({
    name: c.name, file: c.file, bytes: statSync(join(root, c.file)).size, triples, modes: modeResults, ratio,
    targets,
  });
}

const report: LoadReport = {
  benchmark: 'load',
  date: new Date().toISOString(),
  revision,
  dirty,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(),
    os: `${platform()} ${release()}`, node: process.version, sqlite: process.versions.sqlite,
    loadAverage: { start: loadAverageAtStart, end: loadavg()[0]! },
  },
  settings: { rounds, warmup, seed: Number(args.seed), generated: { ...generated, path: relative(root, generated.path) } },
  cases: results,
};
// Only a run of every case replaces the recorded results; a run of some cases just prints its table.
if (!args.case) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/load.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'bench/results/README.md'), renderSummary(report));
}
process.stdout.write(renderSummary(report));

function summarise(samples: Measurement[], triples: number, error: string | undefined): ModeResult {
  if (samples.length === 0) return { samples, error: error ?? 'no samples' };
  const medianMs = median(samples.map((s) => s.ms));
  const phases = samples.flatMap((s) => (s.phasesMs ? [s.phasesMs] : []));
  return {
    medianMs,
    triplesPerSecond: triples / (medianMs / 1000),
    peakRssBytes: Math.max(...samples.map((s) => s.maxRssBytes)),
    ...(phases.length ? { medianPhasesMs: { read: median(phases.map((p) => p.read)), infer: median(phases.map((p) => p.infer)), commit: median(phases.map((p) => p.commit)) } } : {}),
    ...(samples[0]!.inferred !== undefined ? { inferred: samples[0]!.inferred } : {}),
    samples,
    ...(error ? { error } : {}),
  };
}
