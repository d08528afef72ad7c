/**
 * The OWL benchmark (`npm run bench:owl`): ontomesh's OWL functional-syntax and OWL/XML readers against
 * the OWL API (scripts/owlapi/), the reference implementation Protégé reads with, on the same documents:
 * the generated 1M-triple ontology (bench/generateOntology.ts) saved once by the OWL API in functional
 * syntax and in OWL/XML (cached in .cache/bench), OBO RO's editors' file and Protégé's Pizza in functional
 * syntax. Each round runs, side by side and each in a fresh process, the OWL API (a JVM loading the file
 * several times, timed inside: the first load cold, the later ones warm), ontomesh's parse stage and
 * ontomesh's whole load (bench/measure.ts). The first rounds are dropped; medians of the rest.
 * Results go to bench/results/owl.json and bench/results/README-owl.md.
 *
 *   npm run bench:owl -- [--rounds 5] [--warmup 1] [--parses-per-jvm 3] [--triples 1000000] [--seed 42] [--case NAME]
 *
 * `--case` (repeatable) runs only the cases whose name contains NAME, and then only prints the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { owlApiConvert, owlApiTime, type OwlApiFormat } from '../scripts/owlapi/owlApi.ts';
import { failure, git, measure, median, progress, root } from './benchRun.ts';
import { generateOntology } from './generateOntology.ts';
import type { Measurement } from './measure.ts';
import { renderOwlSummary, type OntomeshResult, type OwlApiResult, type OwlApiSample, type OwlCase, type OwlReport } from './owlSummary.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'parses-per-jvm': { type: 'string', default: '3' },
    triples: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    case: { type: 'string', multiple: true },
  },
});
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const parsesPerJvm = Math.max(2, Number(args['parses-per-jvm']));

const revision = git(['rev-parse', 'HEAD']);
const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
const loadAverageAtStart = loadavg()[0]!;
const triples = Number(args.triples);
const generated = await generateOntology({ triples, seed: Number(args.seed), cacheDir: join(root, '.cache/bench') });
const saved = await savedByOwlApi(generated.path, { functional: '.ofn', owlxml: '.owx' });
const count = triples.toLocaleString('en');
const cases = [
  { name: `generated ${count} triples, OWL functional syntax`, file: saved.functional },
  { name: `generated ${count} triples, OWL/XML`, file: saved.owlxml },
  { name: 'OBO RO editors\' file ro-edit.owl (functional syntax)', file: 'test/fixtures/shared/obo-ro/src/ontology/ro-edit.owl' },
  { name: 'Protégé\'s Pizza pizza-functional.owl (functional syntax)', file: 'test/fixtures/shared/protege-owl/protege-test-ontologies/pizza-functional.owl' },
].filter((c) => !args.case || args.case.some((name) => c.name.includes(name)));

const results: OwlCase[] = [];
for (const c of cases) {
  const owlApi: OwlApiSample[] = [];
  const parse: Measurement[] = [];
  const load: Measurement[] = [];
  const errors: { owlApi?: string; parse?: string; load?: string } = {};
  let axioms = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    const measured = round >= warmup;
    const label = (side: string) => progress(`${c.name}: ${side}, ${measured ? `round ${round - warmup + 1} of ${rounds}` : 'warm-up'}`);
    if (!errors.owlApi) {
      label('OWL API');
      try {
        const timing = await owlApiTime(c.file, parsesPerJvm);
        axioms = timing.axioms;
        if (measured) owlApi.push({ coldMs: timing.roundsMs[0]!, warmMs: median(timing.roundsMs.slice(1)), maxRssBytes: timing.maxRssBytes });
      } catch (error) {
        errors.owlApi = failure(error);
      }
    }
    for (const [mode, samples] of [['parse', parse], ['load', load]] as const) {
      if (errors[mode]) continue;
      label(`ontomesh ${mode}`);
      try {
        const m = await measure(mode, c.file);
        if (measured) samples.push(m);
      } catch (error) {
        errors[mode] = failure(error);
      }
    }
  }
  progress(`${c.name}: done`, true);
  results.push({
    name: c.name, file: c.file, bytes: statSync(join(root, c.file)).size, axioms, triples: parse[0]?.triples ?? 0,
    owlApi: summariseOwlApi(owlApi, errors.owlApi), parse: summariseOntomesh(parse, errors.parse), load: summariseOntomesh(load, errors.load),
  });
}

const report: OwlReport = {
  benchmark: 'owl',
  date: new Date().toISOString(),
  revision,
  dirty,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(), os: `${platform()} ${release()}`, node: process.version,
    java: spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0]!.trim(), // java -version writes to stderr
    loadAverage: { start: loadAverageAtStart, end: loadavg()[0]! },
  },
  settings: { rounds, warmup, parsesPerJvm, owlApi: 'OWL API 5.5.1', generated: { path: relative(root, generated.path), triples } },
  cases: results,
};
if (!args.case) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/owl.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'bench/results/README-owl.md'), renderOwlSummary(report));
}
process.stdout.write(renderOwlSummary(report));

/**
 * The Turtle file saved by the OWL API in each format, beside it (a path relative to the root, made once:
 * written under a temporary name and renamed, so that an interrupted conversion is never reused).
 */
async function savedByOwlApi(turtle: string, extensions: Record<'functional' | 'owlxml', string>): Promise<Record<'functional' | 'owlxml', string>> {
  const formats = Object.keys(extensions) as ('functional' | 'owlxml')[];
  const target = (format: 'functional' | 'owlxml') => turtle.replace(/\.ttl$/, extensions[format]);
  const missing = formats.filter((format) => !existsSync(target(format)));
  if (missing.length) {
    progress(`saving ${relative(root, turtle)} with the OWL API as ${missing.join(' and ')} (once)`, true);
    await owlApiConvert(missing.map((format) => ({ input: turtle, output: `${target(format)}.partial`, format: format satisfies OwlApiFormat })));
    for (const format of missing) renameSync(`${target(format)}.partial`, target(format));
  }
  return Object.fromEntries(formats.map((format) => [format, relative(root, target(format))])) as Record<'functional' | 'owlxml', string>;
}

function summariseOwlApi(samples: OwlApiSample[], error: string | undefined): OwlApiResult {
  if (samples.length === 0) return { samples, error: error ?? 'no samples' };
  return {
    medianColdMs: median(samples.map((s) => s.coldMs)),
    medianWarmMs: median(samples.map((s) => s.warmMs)),
    peakRssBytes: Math.max(...samples.map((s) => s.maxRssBytes)),
    samples,
    ...(error ? { error } : {}),
  };
}

function summariseOntomesh(samples: Measurement[], error: string | undefined): OntomeshResult {
  if (samples.length === 0) return { samples, error: error ?? 'no samples' };
  return {
    medianMs: median(samples.map((s) => s.ms)),
    triples: samples[0]!.triples,
    peakRssBytes: Math.max(...samples.map((s) => s.maxRssBytes)),
    samples,
    ...(error ? { error } : {}),
  };
}
