/**
 * `ontomesh mesh register` and `ontomesh mesh unregister`: registering data-product and data-contract
 * descriptors (DPROD, ODPS, DPDS, DCS, ODCS) into the graphs of their domains, and retiring them. All
 * descriptors are validated before anything is written; an invalid one is reported as
 * `file:line:col: CODE /field: message` (exit 1) and the served versions stay as they were. An id not
 * registered is reported as NOT_FOUND (exit 1), and nothing is unregistered.
 */
import { OntomeshError } from '../../errors/index.ts';
import { readDescriptorFiles, registerProducts, unregisterProducts, type RegisterSummary, type UnregisterSummary } from '../../load/index.ts';
import { parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

export const meshCommand: Command = {
  name: 'mesh',
  summary: 'register and unregister data-product and data-contract descriptors',
  help: `Usage: ontomesh mesh register PATH... [options]
       ontomesh mesh unregister ID... [--contract] [options]

register: registers data products and data contracts from their descriptors: EKGF DPROD (Turtle,
JSON-LD), Bitol ODPS and Linux Foundation ODPS (YAML), Open Data Mesh DPDS (JSON/YAML, with $ref),
Data Contract Specification and Bitol ODCS (YAML). PATHs are files or folders (searched recursively
for .yaml, .yml, .json, .jsonld and .ttl files; files a DPDS descriptor references are its parts).

Each descriptor is registered under the id of its first product (else contract): the last segment of
its IRI, e.g. an ODPS "id". Registering it again replaces it. Products go into one graph per domain,
"mesh.<domain>"; lineage between products of different descriptors is kept up to date. Every
descriptor is validated first: if one is invalid, nothing is registered.

unregister: removes the products registered under each ID (with --contract, the contracts), e.g. to
retire a product. Each domain graph that held one gets a new version without it, and the products it
fed or was fed by lose those lineage links; the previous version is kept ("ontomesh versions
mesh.<domain>" lists it). If an ID is not registered, nothing is unregistered.

Options:
  --contract    unregister: the IDs are contracts' (default: products')
  --store URL   sqlite:PATH | gremlin://HOST:PORT | cosmos://ACCOUNT/DB/GRAPH
                (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  --json        print the registrations (unregistrations) as JSON
  -h, --help    show this help

Examples:
  ontomesh mesh register mesh/
  ontomesh mesh register orders.odps.yaml orders.odcs.yaml --json
  ontomesh mesh unregister orders returns
  ontomesh mesh unregister sales-orders --contract`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { store: { type: 'string' }, json: { type: 'boolean' }, contract: { type: 'boolean' } });
    const [action, ...operands] = positionals;
    if (action !== 'register' && action !== 'unregister') {
      throw new OntomeshError('BAD_REQUEST', action === undefined ? 'expected a sub-command: mesh register PATH... or mesh unregister ID...' : `unknown sub-command "mesh ${action}" (expected: register, unregister)`);
    }
    if (action === 'register' && values.contract) throw new OntomeshError('BAD_REQUEST', '--contract applies to mesh unregister only');
    requirePositionals(operands, 'some', action === 'register' ? 'PATH (a descriptor file or folder)' : 'ID (of a registered product, or contract with --contract)');
    const descriptors = action === 'register' ? await readDescriptorFiles(operands) : [];
    const store = await openCliStore(values.store, io.env);
    try {
      if (action === 'unregister') {
        const kind = values.contract ? 'contract' : 'product';
        const summary = await unregisterProducts(store, operands.map((id) => ({ kind, id })), { signal: io.signal });
        println(io.stdout, values.json ? JSON.stringify(summary) : unregistrationText(summary));
        return exitCodes.ok;
      }
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
  return [...lines, graphsLine(summary)].join('\n');
}

/** One line per registration removed, then the graph versions written. */
function unregistrationText(summary: UnregisterSummary): string {
  const lines = summary.unregistered.map((r) => `unregistered ${r.kind} ${r.id} (${r.source}) from ${r.graphId}`);
  return [...lines, graphsLine(summary)].join('\n');
}

function graphsLine({ graphs, durationMs }: RegisterSummary | UnregisterSummary): string {
  return `graphs: ${graphs.map((g) => `${g.graphId} v${g.version} (${g.triples} triples)`).join(', ')} in ${(durationMs / 1000).toFixed(1)} s`;
}
