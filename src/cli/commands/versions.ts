/**
 * `ontomesh versions`: the kept versions of a graph, newest first, with the active one marked.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { VersionInfo } from '../../graph/GraphStore.ts';
import { parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

export const versionsCommand: Command = {
  name: 'versions',
  summary: 'list the kept versions of a graph',
  help: `Usage: ontomesh versions ID [options]

Lists the kept versions of graph ID, newest first; * marks the active one.

Options:
  --json        print the versions as a JSON array
  --store URL   the store (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  -h, --help    show this help`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      store: { type: 'string' },
    });
    requirePositionals(positionals, 1, 'one graph ID');
    const graphId = positionals[0]!;
    const store = await openCliStore(values.store, io.env);
    try {
      const versions = await store.versions(graphId);
      if (versions.length === 0) throw new OntomeshError('NOT_FOUND', `graph "${graphId}" does not exist`, { term: graphId });
      println(io.stdout, values.json ? JSON.stringify(versions) : versionsTable(versions));
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  },
};

function versionsTable(versions: readonly VersionInfo[]): string {
  const rows = [['', 'VERSION', 'CREATED', 'TRIPLES', 'INFERRED', 'CLASSES', 'DOCUMENTS']];
  for (const { version, createdAt, active, stats, meta } of versions) {
    rows.push([active ? '*' : '', String(version), createdAt, String(stats.triples), String(stats.inferred), String(stats.classes), String(meta.documents.length)]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}
