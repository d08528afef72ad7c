/**
 * `PUT|GET|DELETE /products/{id}` and `PUT|GET|DELETE /contracts/{id}`: registering one data-product or
 * data-contract descriptor (DPROD, ODPS, DPDS, DCS, ODCS; recognised from the content and Content-Type),
 * reading back what it registered as RDF, and unregistering it (a new version of its domain graph
 * without it; the previous one stays kept). `GET /products` and `GET /contracts` list the registrations. The id
 * is the last segment of the product's (contract's) IRI: the ODPS `id`, the DPDS `name`, the DCS/ODCS
 * `id`; a descriptor registering under another id is refused, so the URL always names what it holds.
 */
import express, { Router, type Request, type Response } from 'express';
import { OntomeshError } from '../../errors/index.ts';
import type { FactElement } from '../../graph/elements.ts';
import type { GraphStore } from '../../graph/GraphStore.ts';
import { factsToQuads } from '../../graph/graphToRdf.ts';
import { findRegistration, lineageGraph, readProductGraphs, registerProducts, unregisterProducts, type RegistrationKind } from '../../load/index.ts';
import { serialize } from '../../rdf/index.ts';
import type { Metrics } from '../metrics.ts';
import { negotiateFormat, sendValidators } from './negotiate.ts';
import { streamOut } from './ontologiesRouter.ts';

const collections: Record<string, RegistrationKind> = { products: 'product', contracts: 'contract' };

/**
 * The product and contract routes; descriptors larger than `maxBytes` are refused.
 *
 * @example app.use(productsRouter(store, metrics, 4 << 20));
 */
export function productsRouter(store: GraphStore, metrics: Metrics, maxBytes: number): Router {
  const router = Router();
  const text = express.text({ type: () => true, limit: maxBytes });

  for (const [collection, kind] of Object.entries(collections)) {
    router.put(`/${collection}/:id`, text, async (req: Request<{ id: string }>, res: Response) => {
      const id = req.params.id;
      if (typeof req.body !== 'string' || req.body.trim() === '') throw new OntomeshError('BAD_REQUEST', `the request body is empty: send the ${kind} descriptor as the body`);
      const file = `${collection}/${id}`;
      const mediaType = req.get('content-type');
      const summary = await recordChange(metrics, res, collection, kind, id, () => registerProducts(store, [{
        file,
        content: req.body,
        ...(mediaType === undefined ? {} : { mediaType }),
        readReference: () => Promise.reject(new OntomeshError('BAD_REQUEST', 'an uploaded descriptor cannot reference other files: inline them, or register the files with `ontomesh mesh register`')),
      }], { expect: { kind, id } }));
      const [registered] = summary.registrations;
      res.status(registered!.replaced ? 200 : 201).location(`/${collection}/${encodeURIComponent(id)}`).json({ ...registered, graphs: summary.graphs });
    });

    router.delete(`/${collection}/:id`, async (req: Request<{ id: string }>, res: Response) => {
      const id = req.params.id;
      const summary = await recordChange(metrics, res, collection, kind, id, () => unregisterProducts(store, [{ kind, id }]));
      res.json({ ...summary.unregistered[0], graphs: summary.graphs });
    });

    router.get(`/${collection}`, async (_req: Request, res: Response) => {
      const graphs = await readProductGraphs(store);
      res.json(graphs.flatMap((graph) => graph.registrations.filter((r) => r.kind === kind).map((r) => ({
        id: r.id, graphId: graph.graphId, version: graph.version, source: r.source, format: r.format, registeredAt: r.registeredAt,
        products: r.products.map((p) => p.iri), contracts: r.contracts,
      }))).sort((a, b) => a.id.localeCompare(b.id)));
    });

    router.get(`/${collection}/:id`, async (req: Request<{ id: string }>, res: Response) => {
      const { graph, registration } = await findRegistration(store, kind, req.params.id);
      const info = (await store.versions(graph.graphId)).find((v) => v.version === graph.version);
      if (info === undefined) throw new OntomeshError('NOT_FOUND', `graph "${graph.graphId}" no longer has version ${graph.version}; retry`, { term: graph.graphId });
      const format = negotiateFormat(req);
      res.setHeader('Ontomesh-Graph', graph.graphId);
      if (!sendValidators(req, res, format, info, `${graph.graphId}-${graph.version}`)) return;
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const graphs = new Set([registration.graph, lineageGraph(registration.graph)]);
      await streamOut(res, () => serialize(registrationQuads(store.exportFacts(graph.graphId, { version: graph.version }), graphs), format, res, { prefixes: info.meta.prefixes }));
    });
  }
  return router;
}

/**
 * Runs a change of the registry the way a load is recorded: `ontomesh_loads_total` counts each graph given
 * a new version (or one error, under the request's path), and the request's log line names them.
 */
async function recordChange<S extends { graphs: { graphId: string }[] }>(
  metrics: Metrics, res: Response, collection: string, kind: RegistrationKind, id: string, change: () => Promise<S>,
): Promise<S> {
  try {
    const summary = await change();
    for (const graph of summary.graphs) metrics.loads.inc({ graph: graph.graphId, outcome: 'ok' });
    res.locals.logFields = { [kind]: id, graphs: summary.graphs };
    return summary;
  } catch (error) {
    metrics.loads.inc({ graph: `${collection}/${id}`, outcome: 'error' });
    throw error;
  }
}

/** The facts of the named graphs `graphs`, as triples (the named graphs are how ontomesh keeps registrations apart). */
async function* registrationQuads(batches: AsyncIterable<FactElement[]>, graphs: ReadonlySet<string>) {
  for await (const batch of batches) {
    const facts = batch.filter((fact) => fact.graph !== undefined && graphs.has(fact.graph)).map((fact) => ({ ...fact, graph: undefined }));
    if (facts.length > 0) yield factsToQuads(facts);
  }
}
