/**
 * `ontomesh push FILE --server URL [--watch]`: the Protégé workflow. The file and its owl:imports
 * closure (resolved through the catalog beside it, as Protégé does) are parsed locally and uploaded in
 * one request to `PUT /ontologies/{id}`; the server loads them into a new version. With --watch it
 * uploads again after every save: changes are debounced, a file that does not parse (an editor's save
 * caught half-way) is reported and not uploaded, and an unchanged closure is not uploaded twice.
 */
import { dirname, resolve } from 'node:path';
import { OntomeshError, asOntomeshError } from '../../errors/index.ts';
import { checkGraphId } from '../../load/index.ts';
import { choiceOption, integerOption, parseCommandArgs, println, requirePositionals, type CliIo, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { accessToken, type AccessToken } from '../push/accessToken.ts';
import { catalogOf, collectDocuments, type Collected } from '../push/collectDocuments.ts';
import { uploadDocuments } from '../push/uploadDocuments.ts';
import { watchFolders } from '../push/watchFolders.ts';
import { fromServer } from '../serverErrors.ts';
import { escapeControls } from '../terminalText.ts';

export const pushCommand: Command = {
  name: 'push',
  summary: 'upload an ontology with its imports to a server (again on every save with --watch)',
  help: `Usage: ontomesh push FILE --server URL [options]

Uploads an ontology file (e.g. the one open in Protégé) with its owl:imports closure, resolved
through the catalog-v001.xml beside it, to PUT URL/ontologies/ID. Everything is parsed locally
first: a file that does not parse is reported as file:line:col and not uploaded. The server loads
the upload into a new version; if it refuses it, the version it serves stays as it was.

Options:
  --server URL                    the ontomesh service, e.g. http://localhost:8080 (required)
  --id ID                         graph id (default: the last segment of the root ontology's IRI,
                                  else the file name without extension)
  --missing-imports error|warn    an import that resolves to no file fails the push (default), or
                                  is uploaded as missing
  --scope SCOPE                   send a Microsoft Entra ID access token for this scope, e.g.
                                  api://ontomesh/.default (default: $ONTOMESH_AUTH_SCOPE; none: no
                                  token), from DefaultAzureCredential (AZURE_* variables, workload or
                                  managed identity, az login); renewed as it nears expiry
  --watch                         keep running and upload again after every save
  --debounce MS                   with --watch, wait this long after the last change (default 500)
  -h, --help                      show this help

Examples:
  ontomesh push ontology/logistics.owl --server http://localhost:8080 --id mesh
  ontomesh push pizza.owl --server https://ontomesh.example.com --watch`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      server: { type: 'string' },
      id: { type: 'string' },
      'missing-imports': { type: 'string' },
      watch: { type: 'boolean' },
      debounce: { type: 'string' },
      scope: { type: 'string' },
    });
    requirePositionals(positionals, 1, 'one FILE (the root ontology)');
    if (values.server === undefined) throw new OntomeshError('BAD_REQUEST', '--server URL is required (the ontomesh service, e.g. http://localhost:8080)');
    if (!URL.canParse(values.server) || !/^https?:$/.test(new URL(values.server).protocol)) {
      throw new OntomeshError('BAD_REQUEST', `--server must be an http(s) URL (got "${values.server}")`, { term: values.server });
    }
    const push: Push = {
      file: positionals[0]!,
      server: values.server,
      id: values.id === undefined ? undefined : checkGraphId(values.id),
      missingImports: choiceOption('missing-imports', values['missing-imports'], ['error', 'warn'], 'error'),
      token: await tokenFor(values.scope ?? (io.env.ONTOMESH_AUTH_SCOPE?.trim() || undefined)),
      io,
    };
    const debounceMs = integerOption('debounce', values.debounce, { max: 60_000 }) ?? 500;
    if (!values.watch) {
      await pushOnce(push);
      return exitCodes.ok;
    }
    return watch(push, debounceMs);
  },
};

interface Push {
  file: string;
  server: string;
  id: string | undefined;
  missingImports: 'error' | 'warn';
  /** The Entra ID token for the next upload, when a scope is set. */
  token: AccessToken | undefined;
  io: CliIo;
  /** Digest of the last upload the server accepted (with --watch: the same closure is not sent twice). */
  lastDigest?: string;
}

/** Collects, checks and uploads once; the closure, or undefined when it was unchanged. */
async function pushOnce(push: Push): Promise<Collected | undefined> {
  const collected = await collectDocuments(push.file, push.missingImports);
  if (collected.digest === push.lastDigest) return collected;
  const id = push.id ?? collected.graphId;
  try {
    const token = await push.token?.();
    const result = await uploadDocuments(push.server, id, collected.documents, push.missingImports, { signal: push.io.signal, ...(token === undefined ? {} : { token }) });
    push.lastDigest = collected.digest;
    const imports = collected.documents.length - 1;
    println(push.io.stdout, escapeControls(`pushed ${push.file}${imports > 0 ? ` and ${imports} import${imports > 1 ? 's' : ''}` : ''} to ${push.server} as ${result.graphId}: ` +
      `version ${result.version}, ${result.triples.toLocaleString('en')} triples, ${result.inferred.toLocaleString('en')} inferred`));
    for (const missing of result.missingImports) println(push.io.stderr, escapeControls(`warning: ${missing.importedBy}: owl:imports <${missing.iri}> is missing`));
    return collected;
  } catch (error) {
    throw localNames(error, collected);
  }
}

/** The token source for `--scope` / ONTOMESH_AUTH_SCOPE, none when neither is set. */
async function tokenFor(scope: string | undefined): Promise<AccessToken | undefined> {
  if (scope === undefined) return undefined;
  if (scope.trim() === '' || /\s/.test(scope)) throw new OntomeshError('BAD_REQUEST', `--scope must be one scope such as api://ontomesh/.default (got "${scope}")`, { term: scope });
  return accessToken(scope);
}

/** Pushes now, then after every burst of saves until interrupted; failures are reported, not fatal. */
async function watch(push: Push, debounceMs: number): Promise<typeof exitCodes.ok> {
  const { io } = push;
  const watcher = watchFolders(debounceMs, () => attempt());
  async function attempt(): Promise<void> {
    try {
      const collected = await pushOnce(push);
      if (collected) watcher.setFiles([...collected.documents.map((d) => d.path), ...collected.folders.map(catalogOf)]);
    } catch (thrown) {
      if (io.signal.aborted) return;
      const error = asOntomeshError(thrown);
      const served = error.code === 'STORE_UNAVAILABLE' ? '' : '; the server keeps the version it had';
      println(io.stderr, escapeControls(`not pushed: ${error.format()}${served} (waiting for the next save)`));
    }
  }
  watcher.setFiles([resolve(push.file), catalogOf(dirname(resolve(push.file)))]);
  await attempt();
  println(io.stderr, `watching ${push.file} and its imports; Ctrl-C to stop`);
  if (!io.signal.aborted) await new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true }));
  watcher.close();
  return exitCodes.ok;
}

/** The server names uploaded documents as they were sent (relative to the root's folder): back to local paths. */
function localNames(thrown: unknown, collected: Collected): unknown {
  if (!(thrown instanceof OntomeshError) || thrown.location.file === undefined) return thrown;
  const document = collected.documents.find((d) => d.name === thrown.location.file);
  if (document === undefined) return thrown;
  return fromServer(new OntomeshError(thrown.code, thrown.message, { ...thrown.location, file: document.path }, thrown.details, { cause: thrown }));
}

