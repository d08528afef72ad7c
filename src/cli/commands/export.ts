/**
 * `ontomesh export`: writes a version of a graph as RDF. With --out the file is checked before the
 * store is opened, written beside the target and renamed when complete (outFile.ts), so a failed
 * export never leaves a truncated file.
 */
import { extname } from 'node:path';
import { exportGraph } from '../../load/index.ts';
import type { ExportFormat } from '../../rdf/index.ts';
import { choiceOption, integerOption, parseCommandArgs, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openOutFile } from '../outFile.ts';
import { openCliStore } from '../storeUrl.ts';

const formats = ['ttl', 'nt', 'nq', 'trig', 'rdfxml', 'jsonld'] as const satisfies readonly ExportFormat[];

const formatByExtension: Record<string, ExportFormat> = {
  '.ttl': 'ttl', '.nt': 'nt', '.nq': 'nq', '.trig': 'trig', '.rdf': 'rdfxml', '.owl': 'rdfxml', '.xml': 'rdfxml', '.jsonld': 'jsonld', '.json': 'jsonld',
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a graph (active or given version) as RDF',
  help: `Usage: ontomesh export ID [options]

Writes the asserted triples of graph ID (its active version unless --version is given) as RDF,
blank nodes restored, with the prefixes of the loaded files.

Options:
  --format ttl|nt|nq|trig|rdfxml|jsonld   output syntax (default: from --out's extension, else ttl)
  --out FILE                              write to FILE instead of stdout
  --version N                             export version N (see \`ontomesh versions ID\`)
  --store URL                             the store (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  -h, --help                              show this help`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      version: { type: 'string' },
      store: { type: 'string' },
    });
    requirePositionals(positionals, 1, 'one graph ID');
    const fallback = (values.out && formatByExtension[extname(values.out).toLowerCase()]) || 'ttl';
    const format = choiceOption('format', values.format, formats, fallback);
    const version = integerOption('version', values.version, { min: 1 });
    const out = values.out === undefined ? undefined : await openOutFile(values.out);
    try {
      const store = await openCliStore(values.store, io.env);
      try {
        await exportGraph(store, positionals[0]!, format, out?.stream ?? io.stdout, { version });
      } finally {
        await store.close();
      }
      await out?.commit();
    } catch (error) {
      throw out ? await out.discard(error) : error;
    }
    return exitCodes.ok;
  },
};
