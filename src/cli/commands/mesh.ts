/**
 * `ontomesh mesh register`: registers data-product and data-contract descriptors (DPROD, ODPS, DPDS,
 * DCS, ODCS) into the graphs of their domains. All descriptors are validated before anything is
 * written; an invalid one is reported as `file:line:col: CODE /field: message` (exit 1) and the served
 * versions stay as they were.
 */
import { OntomeshError } from '../../errors/index.ts';
import { readDescriptorFiles, registerProducts, type RegisterSummary } from '../../load/index.ts';
import { parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

export const meshCommand: Command = {
  name: 'mesh',
  summary: 'register data-product and data-contract descriptors',
  help: `Usage: ontomesh mesh register PATH... [options]

Registers data products and data contracts from their descriptors: EKGF DPROD (Turtle, JSON-LD),
Bitol ODPS and Linux Foundation ODPS (YAML), Open Data Mesh DPDS (JSON/YAML, with $ref), Data
Contract Specification and Bitol ODCS (YAML). PATHs are files or folders (searched recursively
for .yaml, .yml, .json, .jsonld and .ttl files; files a DPDS descriptor references are its parts).

Each descriptor is registered under the id of its first product (else contract): the last segment of
its IRI, e.g. an ODPS "id". Registering it again replaces it. Products go into one graph per domain,
"mesh.<domain>"; lineage between products of different descriptors is kept up to date. Every
descriptor is validated first: if one is invalid, nothing is registered.

Options:
  --store URL   sqlite:PATH | gremlin://HOST:PORT | cosmos://ACCOUNT/DB/GRAPH
                (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  --json        print the registrations as JSON
  -h, --help    show this help

Examples:
  ontomesh mesh register mesh/
  ontomesh mesh register orders.odps.yaml orders.odcs.yaml --json`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { store: { type: 'string' }, json: { type: 'boolean' } });
    const [action, ...paths] = positionals;
    if (action !== 'register') {
      throw new OntomeshError('BAD_REQUEST', action === undefined ? 'expected a sub-command: mesh register PATH...' : `unknown sub-command "mesh ${action}" (expected: register)`);
    }
    requirePositionals(paths, 'some', 'PATH (a descriptor file or folder)');
    const descriptors = await readDescriptorFiles(paths);
    const store = await openCliStore(values.store, io.env);
    try {
      const summary = await registerProducts(store, descriptors, { signal: io.signal });
      for (const registration of summary.registrations) for (const warning of registration.warnings) println(io.stderr, `warning: ${warning}`);
      println(io.stdout, values.json ? JSON.stringify(summary) : registrationText(summary));
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  },
};

/** One line per registration, then the graph versions written. */
function registrationText(summary: RegisterSummary): string {
  const lines = summary.registrations.map((r) =>
    `${r.replaced ? 'replaced' : 'registered'} ${r.kind} ${r.id} (${r.format}, ${r.source}) in ${r.graphId}`);
  lines.push(`graphs: ${summary.graphs.map((g) => `${g.graphId} v${g.version} (${g.triples} triples)`).join(', ')} in ${(summary.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
