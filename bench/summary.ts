/** The shape of bench/results/load.json and its rendering as the Markdown table in bench/results/README.md. */
import type { Measurement, MeasureMode } from './measure.ts';

export interface ModeResult {
  medianMs?: number;
  triplesPerSecond?: number;
  /** The highest max RSS over the measured rounds. */
  peakRssBytes?: number;
  /** `load` only: the median time of each phase, and the facts the entailment closure added. */
  medianPhasesMs?: { read: number; infer: number; commit: number };
  inferred?: number;
  samples: Measurement[];
  error?: string;
}

export interface CaseResult {
  name: string;
  file: string;
  bytes: number;
  triples: number;
  modes: Record<MeasureMode, ModeResult>;
  /** Throughput of the floors, of ontomesh's parse stage and of the whole load, as a fraction of the raw parser's. */
  ratio: { floor?: number; indexed?: number; intern?: number; parse?: number; load?: number };
  /** The targets that apply to the case, and whether the load met them. */
  targets: { ratio: number; ratioMet?: boolean; peakRssBytes?: number; peakRssMet?: boolean };
}

export interface LoadReport {
  benchmark: 'load';
  date: string;
  revision: string;
  /** Tracked files had uncommitted changes when the benchmark ran. */
  dirty: boolean;
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string; sqlite: string | undefined; loadAverage: { start: number; end: number } };
  settings: { rounds: number; warmup: number; seed: number; generated: { path: string; triples: number; classes: number; objectProperties: number; datatypeProperties: number } };
  cases: CaseResult[];
}

const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 2 ** 20)} MiB`);
const rate = (r: ModeResult) => (r.triplesPerSecond === undefined ? 'failed' : `${Math.round(r.triplesPerSecond).toLocaleString('en')}/s`);
const seconds = (r: ModeResult) => (r.medianMs === undefined ? '–' : `${(r.medianMs / 1000).toFixed(2)} s`);
const fraction = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
/** A floor's median and its ratio to the raw parser. */
const floorCell = (r: ModeResult, ratio: number | undefined) => (r.medianMs === undefined ? 'failed' : `${seconds(r)} (${fraction(ratio)})`);

/** Markdown: one row per case, then the conditions of the run. */
export function renderSummary(report: LoadReport): string {
  const rows = report.cases.map((c) => {
    const { ratioMet, peakRssBytes, peakRssMet } = c.targets;
    const verdict = [
      ratioMet === undefined ? undefined : `ratio ${ratioMet ? 'met' : 'missed'}`,
      peakRssBytes === undefined || peakRssMet === undefined ? undefined : `RSS ${peakRssMet ? 'met' : 'missed'}`,
    ].filter(Boolean).join(', ') || '–';
    const phases = c.modes.load.medianPhasesMs;
    const split = phases ? `${(phases.read / 1000).toFixed(1)} / ${(phases.infer / 1000).toFixed(1)} / ${(phases.commit / 1000).toFixed(1)} s` : '–';
    return `| ${c.name} | ${c.triples.toLocaleString('en')} | ${rate(c.modes.parser)} (${seconds(c.modes.parser)}, ${mib(c.modes.parser.peakRssBytes)}) | ` +
      `${floorCell(c.modes.floor, c.ratio.floor)} | ${floorCell(c.modes.indexed, c.ratio.indexed)} | ${floorCell(c.modes.intern, c.ratio.intern)} | ${rate(c.modes.parse)} | ${rate(c.modes.load)} (${seconds(c.modes.load)}) | ${split} | ${c.modes.load.inferred?.toLocaleString('en') ?? '–'} | ` +
      `${fraction(c.ratio.load)} | ${mib(c.modes.load.peakRssBytes)} | ${verdict} |`;
  });
  const errors = report.cases.flatMap((c) =>
    (Object.entries(c.modes) as [MeasureMode, ModeResult][]).filter(([, r]) => r.error).map(([mode, r]) => `- ${c.name}, ${mode}: ${r.error!.split('\n')[0]}`));
  const { machine, settings } = report;
  return [
    '# Load benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); the raw numbers are in `load.json`. Throughput is triples per second',
    'over the median of the measured rounds; each measurement runs in its own process, and peak RSS is the highest',
    'max RSS of that process over the rounds. *raw parser* is N3.js (Turtle) or rdfxml-streaming-parser (RDF/XML)',
    'only parsing and counting. Three floors, each with its median and (in brackets) its throughput as a fraction',
    'of the raw parser\'s: *floor* is that raw parser inserting each triple bare into one SQLite table (the terms\'',
    'values, no dictionary, index, full-text or entailment, one transaction, the store\'s settings), the least any',
    'load into SQLite does; *floor + indexes* then indexes those rows by subject and by object and builds the',
    'full-text index over the text literals, in the same transaction, the floor of a store that keeps terms as',
    'strings; *ids* is the raw parser giving every term an id through a Map and writing nothing, the floor of the',
    'read side of a store that keeps ids (as ontomesh\'s does). *parse* is ontomesh\'s parse stage; *load* is `loadOntologies` into a new SQLite store',
    '(parse, OWL view, entailment, mapping, writes, indexes, commit). Targets: load / raw parser ≥ 0.5, and peak RSS',
    'of the load < 1 GiB for the 1M-triple ontology. The load\'s phases: *read* parses, maps and writes the asserted',
    'triples, *infer* computes and writes the entailment closure, *commit* finishes the indexes, activates the',
    'version and closes the store.',
    '',
    '| case | triples | raw parser (median, peak RSS) | floor | floor + indexes | ids | parse | load (median) | load: read / infer / commit | inferred | load / parser | load peak RSS | targets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Revision \`${report.revision.slice(0, 12)}\`${report.dirty ? ' (with uncommitted changes)' : ''}, ${report.date.slice(0, 10)}; ` +
      `${machine.cpu}, ${machine.cores} cores, ${mib(machine.memoryBytes)}, ${machine.os}; Node ${machine.node}, SQLite ${machine.sqlite ?? '?'}; ` +
      `1-minute load average ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end; ` +
      `${settings.warmup} warm-up + ${settings.rounds} measured rounds. The generated ontology (seed ${settings.seed}): ` +
      `${settings.generated.classes.toLocaleString('en')} classes, ${settings.generated.objectProperties} object and ` +
      `${settings.generated.datatypeProperties} datatype properties, individuals for the rest.`,
    ...(errors.length ? ['', 'Failures:', '', ...errors] : []),
    '',
  ].join('\n');
}
