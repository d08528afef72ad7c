/**
 * `ontomesh activate`: makes a kept version of a graph the active one again (a rollback after a bad
 * load or an unwanted registration), atomically, as a load's commit does.
 */
import { OntomeshError } from '../../errors/index.ts';
import { activateVersion } from '../../load/index.ts';
import { parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

export const activateCommand: Command = {
  name: 'activate',
  summary: 'make a kept version of a graph the active one (rollback)',
  help: `Usage: ontomesh activate ID VERSION [options]

Makes VERSION of graph ID the active one: readers see it from their next request. The versions a graph
keeps are listed by \`ontomesh versions ID\`.

Options:
  --json        print the graph's versions afterwards as a JSON array
  --store URL   the store (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  -h, --help    show this help

Example:
  ontomesh activate mesh.sales 3`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      store: { type: 'string' },
    });
    requirePositionals(positionals, 2, 'a graph ID and a VERSION');
    const [graphId, versionText] = positionals as [string, string];
    if (!/^[1-9]\d*$/.test(versionText)) throw new OntomeshError('BAD_REQUEST', `VERSION must be a positive integer (got "${versionText}")`);
    const version = Number(versionText);
    const store = await openCliStore(values.store, io.env);
    try {
      const { previous, versions } = await activateVersion(store, graphId, version);
      if (values.json) println(io.stdout, JSON.stringify(versions));
      else println(io.stdout, previous === version ? `${graphId}: version ${version} was already active` : `${graphId}: version ${version} is active (was ${previous ?? 'none'})`);
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  },
};
