/**
 * `ontomesh load`: loads ontologies into a new version of a graph and activates it. On bad input it
 * prints `file:line:col: CODE message`, exits 1 and the active version stays as it was.
 */
import { parseCommandArgs, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { loadAndReport, readOptions, readOptionsHelp } from '../loadArgs.ts';
import { openCliStore } from '../storeUrl.ts';

export const loadCommand: Command = {
  name: 'load',
  summary: 'load ontologies into a new version of a graph',
  help: `Usage: ontomesh load PATH... [options]

Loads ontologies (files, folders, or a Protégé catalog-v001.xml) with their owl:imports closure into a
new version of a graph, then makes it the active version. A failed load changes nothing.

Options:
  --id ID                         graph id (default: the last segment of the root ontology's IRI,
                                  else the first path's file name without extension)
${readOptionsHelp}
  --store URL                     sqlite:PATH | gremlin://HOST:PORT | cosmos://ACCOUNT/DB/GRAPH
                                  (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  -h, --help                      show this help

Examples:
  ontomesh load ontology/catalog-v001.xml --id mesh
  ontomesh load pizza.owl --missing-imports warn --json`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...readOptions, id: { type: 'string' }, store: { type: 'string' } });
    requirePositionals(positionals, 'some', 'PATH');
    const store = await openCliStore(values.store, io.env);
    try {
      await loadAndReport(store, positionals, values, io, { origin: 'ontomesh load' });
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  },
};
