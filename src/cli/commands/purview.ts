/**
 * `ontomesh purview sync`: imports the assets, columns, glossary terms and lineage of a Microsoft
 * Purview account (or, with --atlas, a plain Apache Atlas server) into graph `purview` as one new
 * version; a sync that fails leaves the previous version served. Progress goes to stderr on a terminal.
 */
import { basicAuthorization, entraAuthorization, PurviewClient, type ReadProgress } from '../../catalog/purview/index.ts';
import { OntomeshError } from '../../errors/index.ts';
import { syncPurview, type SyncSummary } from '../../load/index.ts';
import { integerOption, listOption, parseCommandArgs, println, type CliIo, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

export const purviewCommand: Command = {
  name: 'purview',
  summary: 'import assets, columns, glossary terms and lineage from Microsoft Purview (Atlas v2)',
  help: `Usage: ontomesh purview sync --endpoint URL [options]

Reads a Microsoft Purview account through its Data Map API (2023-09-01): the assets a search selects
(tables, views, files: Atlas DataSet types), their columns, the glossary terms assigned to them and
their lineage (Process entities, Purview's columnMapping, Atlas column-lineage processes), and writes
them as one new version of graph "purview": datasets (dcat:Dataset) with fields, prov:wasDerivedFrom
between datasets and between fields, processes as prov:Activity, terms as concepts (dct:subject).
IRIs come from qualifiedNames, so a sync again writes the same graph. If anything fails, the previous
version stays served ("ontomesh versions purview" lists them).

Purview signs in with Microsoft Entra ID (DefaultAzureCredential: AZURE_TENANT_ID, AZURE_CLIENT_ID and
AZURE_CLIENT_SECRET, workload or managed identity, or "az login"); the identity needs the Data Reader
role. With --atlas, the endpoint is an Apache Atlas server (…/api/atlas/v2) and ATLAS_USER and
ATLAS_PASSWORD give its basic-auth credentials.

Options:
  --endpoint URL     https://ACCOUNT.purview.azure.com (or the Atlas server's URL with --atlas)
  --collection NAME  only the assets of this Purview collection (its name, as entities' collectionId)
  --type-name TYPE   only assets of this entity type (repeatable or comma-separated), e.g. azure_sql_table
  --depth N          lineage hops read around each asset (default 3)
  --atlas            the endpoint is a plain Apache Atlas server
  --store URL        sqlite:PATH | gremlin://HOST:PORT | cosmos://ACCOUNT/DB/GRAPH
                     (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  --json             print the summary as JSON
  -h, --help         show this help

Examples:
  ontomesh purview sync --endpoint https://contoso.purview.azure.com
  ontomesh purview sync --endpoint https://contoso.purview.azure.com --collection sales --type-name azure_sql_table --json`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      endpoint: { type: 'string' }, collection: { type: 'string' }, 'type-name': { type: 'string', multiple: true }, depth: { type: 'string' },
      atlas: { type: 'boolean' }, store: { type: 'string' }, json: { type: 'boolean' },
    });
    const [action, ...rest] = positionals;
    if (action !== 'sync' || rest.length > 0) {
      throw new OntomeshError('BAD_REQUEST', action === undefined ? 'expected a sub-command: purview sync --endpoint URL' : `unknown sub-command "purview ${positionals.join(' ')}" (expected: sync)`);
    }
    if (values.endpoint === undefined) throw new OntomeshError('BAD_REQUEST', '--endpoint is required (https://ACCOUNT.purview.azure.com)');
    const lineageDepth = integerOption('depth', values.depth, { min: 0, max: 50 });
    const authorization = values.atlas ? atlasAuthorization(io.env) : entraAuthorization();
    const status = statusLine(io);
    const client = new PurviewClient({
      endpoint: values.endpoint, flavour: values.atlas ? 'atlas' : 'purview', authorization, signal: io.signal,
      onRetry: (code, waitMs) => status.show(`catalog answered ${code}; retrying in ${(waitMs / 1000).toFixed(1)} s`),
    });
    const store = await openCliStore(values.store, io.env);
    try {
      const summary = await syncPurview(store, client, {
        endpoint: values.endpoint, typeNames: listOption(values['type-name']), ...(values.collection !== undefined ? { collection: values.collection } : {}),
        ...(lineageDepth !== undefined ? { lineageDepth } : {}), signal: io.signal,
        onProgress: (progress) => status.show(progressText(progress)),
        onWrite: (triples) => status.show(`writing: ${triples.toLocaleString('en-US')} triples`),
      });
      status.clear();
      for (const warning of summary.warnings) println(io.stderr, `warning: ${warning}`);
      println(io.stdout, values.json ? JSON.stringify(summary) : summaryText(summary));
      return exitCodes.ok;
    } finally {
      status.clear();
      await store.close();
    }
  },
};

function atlasAuthorization(env: NodeJS.ProcessEnv) {
  const { ATLAS_USER: user, ATLAS_PASSWORD: password } = env;
  if (!user || !password) throw new OntomeshError('UNAUTHENTICATED', '--atlas needs ATLAS_USER and ATLAS_PASSWORD in the environment (basic auth)');
  return basicAuthorization(user, password);
}

function progressText(progress: ReadProgress): string {
  const of = progress.total !== undefined ? ` of ${progress.total}` : '';
  const what = { search: 'assets found', entities: 'entities read', lineage: 'assets\' lineage read', glossary: 'glossary terms read' }[progress.phase];
  return `${progress.done.toLocaleString('en-US')}${of} ${what}`;
}

/** One line on stderr redrawn in place, on a terminal only (a log gets the summary alone). */
function statusLine(io: CliIo): { show(text: string): void; clear(): void } {
  let drawn = false;
  if (io.stderr.isTTY !== true) return { show() {}, clear() {} };
  return {
    show(text) {
      io.stderr.write(`\r\x1b[Kpurview: ${text}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function summaryText(summary: SyncSummary): string {
  const c = summary.counts;
  return [
    `synced ${c.datasets} datasets (${c.fields} fields), ${c.processes} processes, ${c.concepts} glossary terms; lineage: ${c.datasetLineage} dataset links, ${c.fieldLineage} field links`,
    `graph: ${summary.graphId} v${summary.version} (${summary.triples} triples) in ${(summary.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
