/**
 * What `load` and `validate` share: their reading options and how a run is reported.
 */
import type { GraphStore } from '../graph/GraphStore.ts';
import { checkBaseIri, loadOntologies, type LoadOptions } from '../load/index.ts';
import { choiceOption, listOption, println, type CliIo } from './command.ts';
import { startProgress } from './progress.ts';
import { summaryJson, summaryText } from './summary.ts';

/** parseArgs options common to `load` and `validate`. */
export const readOptions = {
  base: { type: 'string' },
  'missing-imports': { type: 'string' },
  'allow-remote-imports': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

/** Help lines for the common options. */
export const readOptionsHelp = `  --base IRI                      base IRI for relative IRIs (default: each file's URL)
  --missing-imports error|warn    an owl:imports that cannot be resolved fails the load (default)
                                  or is reported and skipped
  --allow-remote-imports HOST...  hosts whose owl:imports may be fetched over HTTP(S)
                                  (repeat or comma-separate; default: none, loads stay offline)
  --json                          print a machine-readable summary on stdout
  --progress                      show progress on stderr even when it is not a terminal
                                  (on a terminal it shows for loads longer than a second)`;

type ReadValues = { base?: string; 'missing-imports'?: string; 'allow-remote-imports'?: string[] };

/** The LoadOptions the common options describe. */
function readLoadOptions(values: ReadValues): Omit<LoadOptions, 'id'> {
  return {
    baseIRI: values.base === undefined ? undefined : checkBaseIri(values.base, '--base'),
    missingImports: choiceOption('missing-imports', values['missing-imports'], ['error', 'warn'], 'error'),
    allowRemoteImports: listOption(values['allow-remote-imports']),
  };
}

/**
 * Runs a load (into `store`) or a dry run (`dryRun`, checked against `store` when there is one) of
 * `paths` with progress on stderr, then prints its summary on stdout, as text or, with `--json`, as JSON.
 */
export async function loadAndReport(
  store: GraphStore | undefined,
  paths: string[],
  values: ReadValues & { id?: string; progress?: boolean; json?: boolean },
  io: CliIo,
  run: { origin?: string; dryRun?: boolean },
): Promise<void> {
  const progress = startProgress(io.stderr, { force: values.progress === true });
  try {
    const summary = await loadOntologies(store, paths, {
      ...readLoadOptions(values),
      ...run,
      id: values.id,
      signal: io.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    println(io.stdout, values.json ? JSON.stringify(summaryJson(summary)) : summaryText(summary));
  } finally {
    progress.stop();
  }
}
