/**
 * The discovery benchmark's report: the JSON shape written to bench/results/discovery.json and the
 * Markdown table of bench/results/README-discovery.md rendered from it.
 */
import type { LoadResult } from './loadTest.ts';
import type { AnswerCount } from './queries.ts';

/** The medians of the measured rounds of one query on one server. */
export interface TargetResult {
  requestsPerSecond?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** CPU in cores during the load (medians of the rounds): the server's process and the load generator's. */
  serverCores?: number;
  generatorCores?: number;
  rounds: LoadResult[];
  /** Why the numbers are missing or must not be trusted (failed answers, a server error). */
  error?: string;
}

export type TargetName = 'ontomesh' | 'fuseki' | 'fuseki-contains';

export interface QueryResult {
  id: string;
  title: string;
  parameters: number;
  /** Results of the check before the load: the numbers both answers must agree on, per parameter checked. */
  check: { values: string[]; counts: Partial<Record<TargetName, AnswerCount[]>>; agree?: boolean };
  targets: Partial<Record<TargetName, TargetResult>>;
  /** ontomesh against the best Fuseki variant: throughput ratio (≥ 1 wanted) and p99 (< 25 ms wanted). */
  verdict?: { peer: TargetName; throughputRatio: number; p99Ms: number; met: boolean };
}

export interface DiscoveryReport {
  benchmark: 'discovery';
  date: string;
  revision: string;
  dirty: boolean;
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string; java: string; loadAverage: number[] };
  settings: { connections: number; durationSeconds: number; warmupSeconds: number; rounds: number; fusekiStore: 'mem' | 'tdb2'; fusekiHeap: string };
  mesh: { path: string; products: number; domains: number; concepts: number; triples: number; bytes: number; seed: number; fields: [number, number] };
  fuseki: { version: string; store: string; textIndex: string[]; triples?: number; loadMs?: number; error?: string };
  ontomesh: { available: boolean; reason?: string; graphqlUrl?: string; loadMs?: number };
  targets: { throughputRatio: number; p99Ms: number };
  queries: QueryResult[];
}

const labels: Record<TargetName, string> = {
  ontomesh: 'ontomesh (GraphQL)',
  fuseki: 'Fuseki (SPARQL, jena-text)',
  'fuseki-contains': 'Fuseki (SPARQL, CONTAINS scan)',
};

/** The Markdown page for bench/results/README-discovery.md. */
export function renderSummary(report: DiscoveryReport): string {
  const rows = report.queries.flatMap((q) =>
    (Object.keys(labels) as TargetName[]).filter((t) => q.targets[t]).map((t) => {
      const r = q.targets[t]!;
      const server = labelOf(t, q.id);
      const numbers = r.error ? `failed: ${r.error.replaceAll('|', '\\|')} | – | – | –` : `${fmt(r.requestsPerSecond, 0)} | ${fmt(r.p50Ms, 0)} | ${fmt(r.p99Ms, 0)} | ${cores(r.serverCores)} / ${cores(r.generatorCores)}`;
      const verdict = t === 'ontomesh' && q.verdict ? ` ${q.verdict.met ? 'met' : 'missed'} (×${q.verdict.throughputRatio.toFixed(2)} of ${labels[q.verdict.peer]})` : '';
      return `| ${q.title} | ${server} | ${numbers} |${verdict} |`;
    }));
  const checks = report.queries.map((q) => {
    const counts = (Object.keys(q.check.counts) as TargetName[]).map((t) => `${labelOf(t, q.id)}: ${q.check.counts[t]!.map((n) => n ?? '–').join(', ')}`).join('; ');
    return `- ${q.title} (${q.check.values.length} of ${q.parameters} parameters): ${counts}${q.check.agree === undefined ? '' : q.check.agree ? ' — agree' : ' — **differ**'}`;
  });
  const m = report.machine;
  const s = report.settings;
  return `# Discovery benchmark results

Written by \`npm run bench:discovery\` (bench/discovery/run.ts); the raw numbers are in \`discovery.json\`. Each query is
sent by ${s.connections} concurrent connections (autocannon) for ${s.durationSeconds} s per round, after ${s.warmupSeconds} s of warm-up,
${s.rounds} rounds with the servers alternating; the table shows the medians over the rounds. Requests cycle through the
query's parameters (concepts, search words, products, domains) in the same order on both sides. Targets for ontomesh:
throughput ≥ ${report.targets.throughputRatio}× Fuseki's on each query, p99 < ${report.targets.p99Ms} ms.

Mesh: ${report.mesh.products.toLocaleString('en')} data products in ${report.mesh.domains} domains, ${report.mesh.concepts} concepts,
${report.mesh.triples.toLocaleString('en')} triples (+ the demo ontology), seed ${report.mesh.seed}, ${report.mesh.fields.join('–')} fields per dataset.
Fuseki ${report.fuseki.version} (jena-fuseki-main, ${report.fuseki.store === 'tdb2' ? 'TDB2' : 'in-memory'} dataset, jena-text Lucene index on
${report.fuseki.textIndex.map((p) => `\`${p.replace(/^.*[#/]/, '')}\``).join(', ')}${report.fuseki.loadMs === undefined ? '' : `; loaded ${report.fuseki.triples?.toLocaleString('en')} triples in ${(report.fuseki.loadMs / 1000).toFixed(1)} s`}).
ontomesh: ${report.ontomesh.available ? `loaded in ${((report.ontomesh.loadMs ?? 0) / 1000).toFixed(1)} s` : `**not available** — ${report.ontomesh.reason}`}.

| query | server | requests/s | p50 ms | p99 ms | CPU server / load generator | target |
|---|---|---:|---:|---:|---:|---|
${rows.join('\n')}

Answers checked before the load (totals, for the search the matching data products; fields of the first dataset for
the detail; for the lineage queries the sizes of the node and edge sets, \`nodes/edges\` or \`products/datasets/fields/product
flow nodes/edges/field flow nodes/edges\`, and a digest of their members, equal when the sets are):

${checks.join('\n')}

Revision \`${report.revision.slice(0, 12)}\`${report.dirty ? ' (with uncommitted changes)' : ''}, ${report.date.slice(0, 10)}; ${m.cpu}, ${m.cores} cores,
${Math.round(m.memoryBytes / 2 ** 20)} MiB, ${m.os}; Node ${m.node}, ${m.java}; load average at the start ${m.loadAverage.map((n) => n.toFixed(2)).join(' ')}.
The load generator, both servers and anything else on the machine share its cores; the CPU column is in cores (1.00 = one
core busy for the whole round), the server's process (all its threads, GC included) and the load generator's.
`;
}

/** jena-text only matters to the search query. */
function labelOf(target: TargetName, query: string): string {
  return target === 'fuseki' && query !== 'search' ? 'Fuseki (SPARQL)' : labels[target];
}

function cores(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(2);
}

function fmt(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : value.toLocaleString('en', { maximumFractionDigits: digits });
}
