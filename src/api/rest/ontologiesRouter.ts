/**
 * `PUT /ontologies/{id}` and `GET /ontologies/{id}`: publishing an ontology (from Protégé, through
 * `ontomesh push` or any HTTP client) as a new version of a graph, and reading a version back in the
 * syntax the client asks for; `GET /ontologies/{id}/versions` lists the kept versions and
 * `PUT /ontologies/{id}/active` makes one of them the active one (a rollback). A bad upload answers with the parser's code, file, line and column and
 * leaves the served version as it was (the load writes a new version and only a complete one is
 * activated).
 */
import express, { Router, type Request, type Response } from 'express';
import { OntomeshError } from '../../errors/index.ts';
import type { GraphStore } from '../../graph/GraphStore.ts';
import { roundRequestUnits } from '../../graph/storeRequests.ts';
import { activateVersion, checkGraphId, exportGraph } from '../../load/index.ts';
import type { Metrics } from '../metrics.ts';
import { loadUpload } from './loadUpload.ts';
import { negotiateFormat, sendValidators } from './negotiate.ts';
import { receiveUpload, type UploadLimits } from './receiveUpload.ts';

/**
 * The ontology routes.
 *
 * @example app.use(ontologiesRouter(store, metrics, { maxBytes: 256 << 20, maxDocuments: 1000 }));
 */
export function ontologiesRouter(store: GraphStore, metrics: Metrics, limits: UploadLimits): Router {
  const router = Router();

  router.put('/ontologies/:id', async (req: Request<{ id: string }>, res: Response) => {
    const id = checkGraphId(req.params.id);
    const missingImports = choice(req.query['missingImports'], ['error', 'warn'] as const, 'error', 'missingImports');
    const baseIRI = optionalString(req.query['base'], 'base');
    // A graph of registered data products is refused by the load itself (loadOntologies), as for the CLI.
    const existing = await store.versions(id);
    const upload = await receiveUpload(req, id, limits);
    try {
      const summary = await loadUpload(store, upload, {
        id, missingImports, allowRemoteImports: [], ...(baseIRI === undefined ? {} : { baseIRI }), origin: `PUT /ontologies/${id}`,
      });
      metrics.loads.inc({ graph: id, outcome: 'ok' });
      const cost = summary.requestCharge === undefined ? {} : { requestCharge: roundRequestUnits(summary.requestCharge) };
      res.locals.logFields = { graphId: id, version: summary.version, triples: summary.stats.triples, ...cost };
      res.status(existing.length === 0 ? 201 : 200).location(`/ontologies/${encodeURIComponent(id)}`).json({
        graphId: summary.graphId,
        version: summary.version,
        ...summary.stats,
        documents: summary.documents.map(({ location, format, ontologyIri, versionIri, imports, quads }) => ({ location, format, ontologyIri, versionIri, imports, quads })),
        missingImports: summary.missingImports,
        durationMs: Math.round(summary.durationMs),
        ...cost,
      });
    } catch (error) {
      metrics.loads.inc({ graph: id, outcome: 'error' });
      throw error;
    } finally {
      await upload.remove();
    }
  });

  router.get('/ontologies/:id', async (req: Request<{ id: string }>, res: Response) => {
    const id = req.params.id;
    const asked = optionalString(req.query['version'], 'version');
    if (asked !== undefined && !/^[1-9]\d*$/.test(asked)) throw new OntomeshError('BAD_REQUEST', `version must be a positive integer, not "${asked}"`, { term: asked });
    const versions = await store.versions(id);
    if (versions.length === 0) throw new OntomeshError('NOT_FOUND', `graph "${id}" does not exist`, { term: id });
    const info = asked === undefined ? versions.find((v) => v.active) : versions.find((v) => String(v.version) === asked);
    if (info === undefined) {
      throw new OntomeshError('NOT_FOUND', `graph "${id}" has ${asked === undefined ? 'no active version' : `no version ${asked} (kept: ${versions.map((v) => v.version).join(', ')})`}`, { term: id });
    }
    const format = negotiateFormat(req);
    if (!sendValidators(req, res, format, info)) return;
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await streamOut(res, () => exportGraph(store, id, format, res, { version: info.version }));
  });

  router.get('/ontologies/:id/versions', async (req: Request<{ id: string }>, res: Response) => {
    const versions = await store.versions(req.params.id);
    if (versions.length === 0) throw new OntomeshError('NOT_FOUND', `graph "${req.params.id}" does not exist`, { term: req.params.id });
    res.json(versions);
  });

  // A rollback without shell access to the store: `{"version": N}` makes that kept version the active one.
  router.put('/ontologies/:id/active', express.json({ limit: '1kb', type: () => true }), async (req: Request<{ id: string }>, res: Response) => {
    const version = (req.body as { version?: unknown } | undefined)?.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new OntomeshError('BAD_REQUEST', 'send the version to activate as JSON: {"version": N}');
    }
    const { previous, versions } = await activateVersion(store, req.params.id, version);
    res.locals.logFields = { graphId: req.params.id, version, previous };
    res.json(versions);
  });

  return router;
}

/**
 * Runs a streaming export into `res`. Before the first byte an error goes to the error handler (a JSON
 * error); after it, the connection is cut, so a client never takes a truncated document for a whole one.
 */
export async function streamOut(res: Response, write: () => Promise<void>): Promise<void> {
  try {
    await write();
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy(error as Error);
  }
}

function choice<const C extends string>(value: unknown, choices: readonly C[], fallback: C, name: string): C {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as C;
  throw new OntomeshError('BAD_REQUEST', `${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`, { term: String(value) });
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new OntomeshError('BAD_REQUEST', `${name} must be given once`, { term: name });
}
