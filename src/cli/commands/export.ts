/**
 * `ontomesh export`: writes a version of a graph as RDF. With --out the file is written beside the
 * target and renamed when complete, so a failed export never leaves a truncated file.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { extname } from 'node:path';
import { finished } from 'node:stream/promises';
import { exportGraph } from '../../load/index.ts';
import type { ExportFormat } from '../../rdf/index.ts';
import { choiceOption, integerOption, parseCommandArgs, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
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
    const store = await openCliStore(values.store, io.env);
    try {
      if (values.out === undefined) {
        await exportGraph(store, positionals[0]!, format, io.stdout, { version });
        return exitCodes.ok;
      }
      const partial = `${values.out}.${process.pid}.partial`;
      const file = createWriteStream(partial);
      try {
        await exportGraph(store, positionals[0]!, format, file, { version });
        file.end();
        await finished(file);
        await rename(partial, values.out);
      } catch (error) {
        file.destroy();
        await rm(partial, { force: true });
        throw error;
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  },
};
