/**
 * `ontomesh validate`: a dry run of `load` (parse, resolve imports, map, infer, count) that writes nothing.
 * With `--store` it also refuses what a load into that store would, through the load's own checks.
 */
import { parseCommandArgs, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { loadAndReport, readOptions, readOptionsHelp } from '../loadArgs.ts';
import { openCliStore } from '../storeUrl.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check that ontologies load, without writing anything',
  help: `Usage: ontomesh validate PATH... [options]

Reads ontologies exactly as \`ontomesh load\` does (syntax, owl:imports closure, mapping, entailment)
and prints the counts a load would report, without writing anything. Exits 1 with
file:line:col: CODE message on the first error.

With --store it also refuses, with the same error, what \`ontomesh load --store URL\` would refuse
because of what the store holds: a graph of registered data products (mesh.<domain>), or an id
derived from the ontology IRI that names a graph of another ontology. Without --store no store is
opened (not even $ONTOMESH_STORE) and those two are not checked.

Options:
  --id ID                         graph id to report (default: derived as by load)
${readOptionsHelp}
  --store URL                     check against this store as a load into it would; no version is
                                  written (default: none)
  -h, --help                      show this help`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...readOptions, id: { type: 'string' }, store: { type: 'string' } });
    requirePositionals(positionals, 'some', 'PATH');
    // Only a store named on the command line: validate must keep working where no store is reachable.
    // Read-only: a dry run never creates the store, and a --store naming no file is an error, not a new store.
    const store = values.store === undefined ? undefined : await openCliStore(values.store, io.env, { readOnly: true });
    try {
      await loadAndReport(store, positionals, values, io, { dryRun: true });
      return exitCodes.ok;
    } finally {
      await store?.close();
    }
  },
};
