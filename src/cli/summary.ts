/**
 * How `load` and `validate` report what they read: a few human lines, or one JSON object (`--json`)
 * whose shape scripts may rely on.
 */
import { roundRequestUnits } from '../graph/storeRequests.ts';
import type { LoadSummary } from '../load/index.ts';
import { describeSkipped } from '../rdf/index.ts';

/** Skipped files the human summary names; `--json` lists all. */
const skippedShown = 3;

/** The `--json` summary of a load or validation. */
export function summaryJson(summary: LoadSummary): Record<string, unknown> {
  const { stats } = summary;
  return {
    graphId: summary.graphId,
    version: summary.version ?? null,
    triples: stats.triples,
    inferred: stats.inferred,
    classes: stats.classes,
    properties: stats.objectProperties + stats.datatypeProperties + stats.annotationProperties,
    objectProperties: stats.objectProperties,
    datatypeProperties: stats.datatypeProperties,
    annotationProperties: stats.annotationProperties,
    individuals: stats.individuals,
    ontologies: stats.ontologies,
    documents: summary.documents.map(({ location, format, ontologyIri, versionIri, quads, bytes }) => ({ location, format, ontologyIri, versionIri, triples: quads, bytes })),
    missingImports: summary.missingImports,
    skipped: summary.skipped.map(({ path, reason }) => ({ path, reason })),
    durationMs: Math.round(summary.durationMs),
    ...(summary.requestCharge === undefined ? {} : { requestCharge: roundRequestUnits(summary.requestCharge) }),
  };
}

/** The human summary: what was loaded (or validated), the counts, the files of folders not loaded and any unresolved imports. */
export function summaryText(summary: LoadSummary): string {
  const { stats } = summary;
  const documents = `${summary.documents.length} document${summary.documents.length === 1 ? '' : 's'}`;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const head = summary.version === undefined
    ? `Valid: ${documents} would load as graph "${summary.graphId}" (${seconds} s)`
    : `Loaded graph "${summary.graphId}" version ${summary.version} from ${documents} in ${seconds} s`;
  const lines = [
    head,
    `  triples      ${count(stats.triples)} asserted, ${count(stats.inferred)} inferred`,
    `  classes      ${count(stats.classes)}`,
    `  properties   ${count(stats.objectProperties)} object, ${count(stats.datatypeProperties)} datatype, ${count(stats.annotationProperties)} annotation`,
    `  individuals  ${count(stats.individuals)}`,
  ];
  if (summary.requestCharge !== undefined) lines.push(`  cost         ${count(roundRequestUnits(summary.requestCharge))} request units`);
  const { skipped } = summary;
  if (skipped.length > 0) lines.push(`  skipped      ${count(skipped.length)} file${skipped.length === 1 ? '' : 's'} of the folders: ${describeSkipped(skipped, skippedShown)}${skipped.length > skippedShown ? ' (--json lists all)' : ''}`);
  for (const { iri, importedBy } of summary.missingImports) lines.push(`  warning: owl:imports <${iri}> not resolved (imported by ${importedBy})`);
  return lines.join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
