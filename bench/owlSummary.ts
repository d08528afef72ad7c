/** The shape of bench/results/owl.json and its rendering as bench/results/README-owl.md. */
import type { Measurement } from './measure.ts';

/** One round of the OWL API: a fresh JVM parsing the file several times, each timed inside the JVM. */
export interface OwlApiSample {
  /** The first parse in the fresh JVM (classes loaded, nothing compiled yet). */
  coldMs: number;
  /** The median of the JVM's later parses (its JIT warmed by the earlier ones). */
  warmMs: number;
  /** The JVM's peak resident set over all its parses. */
  maxRssBytes: number;
}

export interface OwlApiResult {
  medianColdMs?: number;
  medianWarmMs?: number;
  peakRssBytes?: number;
  samples: OwlApiSample[];
  error?: string;
}

export interface OntomeshResult {
  medianMs?: number;
  /** The triples this mode read: the document's for `parse`, its imports closure's for `load`. */
  triples?: number;
  peakRssBytes?: number;
  samples: Measurement[];
  error?: string;
}

export interface OwlCase {
  name: string;
  file: string;
  bytes: number;
  /** The OWL API's axiom count of the document (imports not followed). */
  axioms: number;
  /** ontomesh's triples of the document. */
  triples: number;
  owlApi: OwlApiResult;
  parse: OntomeshResult;
  load: OntomeshResult;
}

export interface OwlReport {
  benchmark: 'owl';
  date: string;
  revision: string;
  dirty: boolean;
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string; java: string; loadAverage: { start: number; end: number } };
  settings: { rounds: number; warmup: number; parsesPerJvm: number; owlApi: string; generated: { path: string; triples: number } };
  cases: OwlCase[];
}

const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 2 ** 20)} MiB`);
const seconds = (ms: number | undefined) => (ms === undefined ? 'failed' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const per = (count: number | undefined, ms: number | undefined, unit: string) =>
  count === undefined || ms === undefined ? '' : ` (${Math.round(count / (ms / 1000)).toLocaleString('en')} ${unit}/s)`;
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : (a / b).toFixed(2));

/** The Markdown table of a run, with what each column measures. */
export function renderOwlSummary(report: OwlReport): string {
  const rows = report.cases.map((c) => [
    `${c.name} (${(c.bytes / 2 ** 20).toFixed(1)} MiB, ${c.axioms.toLocaleString('en')} axioms, ${c.triples.toLocaleString('en')} triples)`,
    `${seconds(c.owlApi.medianColdMs)}${per(c.axioms, c.owlApi.medianColdMs, 'axioms')}`,
    `${seconds(c.owlApi.medianWarmMs)}${per(c.axioms, c.owlApi.medianWarmMs, 'axioms')}`,
    `${seconds(c.parse.medianMs)}${per(c.axioms, c.parse.medianMs, 'axioms')}${per(c.triples, c.parse.medianMs, 'triples')}`,
    `${ratio(c.owlApi.medianColdMs, c.parse.medianMs)} / ${ratio(c.owlApi.medianWarmMs, c.parse.medianMs)}`,
    `${seconds(c.load.medianMs)}${per(c.load.triples, c.load.medianMs, 'triples')}${c.load.triples === undefined ? '' : `, ${c.load.triples.toLocaleString('en')} stored`}`,
    `${mib(c.owlApi.peakRssBytes)} / ${mib(c.parse.peakRssBytes)} / ${mib(c.load.peakRssBytes)}`,
  ]);
  const errors = report.cases.flatMap((c) => ([['OWL API', c.owlApi.error], ['parse', c.parse.error], ['load', c.load.error]] as const)
    .filter(([, error]) => error).map(([mode, error]) => `- ${c.name}, ${mode}: ${error}`));
  const { machine, settings } = report;
  return `# OWL benchmark: ontomesh's OWL readers against the OWL API

\`npm run bench:owl\` (bench/owl.ts), run ${report.date} at ${report.revision}${report.dirty ? ' (with uncommitted changes)' : ''} on
${machine.cpu} (${machine.cores} cores, ${Math.round(machine.memoryBytes / 2 ** 30)} GiB), ${machine.os}, Node ${machine.node}, ${machine.java};
load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end.toFixed(2)} at the end.
Medians of ${settings.rounds} rounds after ${settings.warmup} warm-up round(s); every round runs each side in a fresh process.

| document | OWL API parse, cold | OWL API parse, warm | ontomesh parse | OWL API cold / warm ÷ ontomesh parse | ontomesh load | peak RSS: OWL API / parse / load |
|---|---:|---:|---:|---:|---:|---:|
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

What each column measures:

- **OWL API parse, cold**: ${settings.owlApi} loading the document into an OWLOntology (\`OWLOntologyManager.loadOntologyFromOntologyDocument\`,
  imports neither fetched nor followed), timed inside a JVM started for the round (JVM start-up and class loading of
  the launcher not counted): the first load in that JVM, before its JIT has compiled the parser. The comparable figure
  to ontomesh's parse, which also runs in a fresh process.
- **OWL API parse, warm**: the median of the same JVM's next ${settings.parsesPerJvm - 1} loads of the document (each with a new manager),
  once its JIT has compiled the parser: what a long-running JVM (Protégé, a server) gets.
- **ontomesh parse**: \`node bench/measure.ts parse FILE\`: src/rdf \`parseFile\` (format sniffing, the streaming OWL
  reader, the mapping to RDF triples, batching) with the triples discarded; module loading not counted. The OWL API's
  load builds its axiom structures and indexes; ontomesh's parse stage produces
  the RDF triples the rest of its load consumes.
- **OWL API cold / warm ÷ ontomesh parse**: the OWL API's cold and warm load times divided by ontomesh's parse time:
  how many times faster ontomesh's parse is (above 1: ontomesh is faster).
- **ontomesh load**: \`node bench/measure.ts load FILE\`: the whole load into a new SQLite store (parse, OWL view,
  entailment, writes, indexes, commit), including the imports the document's Protégé catalog resolves (ro-edit.owl:
  its modules in components/ and imports/); its rate counts the distinct triples it stored (the document's, and its
  imports' when a catalog resolves them).
- **peak RSS**: the process's peak resident set: the OWL API's JVM over all its ${settings.parsesPerJvm} loads (\`VmHWM\`; default G1
  heap, at most 4 GiB), and each ontomesh process (\`maxRSS\`).

Axioms/s divides the OWL API's axiom count of the document (the same ontology on both sides) by the time; triples/s
divides ontomesh's triples. The generated documents are bench/generateOntology.ts's ${settings.generated.triples.toLocaleString('en')}-triple
Turtle ontology (\`${settings.generated.path}\`), saved once by the OWL API in OWL functional syntax and OWL/XML
(cached beside it).
${errors.length ? `\nFailures:\n\n${errors.join('\n')}\n` : ''}`;
}
