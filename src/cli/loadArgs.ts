/**
 * The options `load` and `validate` share: how documents are read and how the outcome is reported.
 */
import type { LoadOptions } from '../load/index.ts';
import { choiceOption, listOption } from './command.ts';

/** parseArgs options common to `load` and `validate`. */
export const readOptions = {
  base: { type: 'string' },
  'missing-imports': { type: 'string' },
  'allow-remote-imports': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
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

/** The LoadOptions the common options describe. */
export function readLoadOptions(values: { base?: string; 'missing-imports'?: string; 'allow-remote-imports'?: string[] }): Omit<LoadOptions, 'id'> {
  return {
    baseIRI: values.base,
    missingImports: choiceOption('missing-imports', values['missing-imports'], ['error', 'warn'], 'error'),
    allowRemoteImports: listOption(values['allow-remote-imports']),
  };
}
