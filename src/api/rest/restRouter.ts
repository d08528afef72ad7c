/**
 * The REST side of the service: ontologies (`/ontologies/{id}`) and registered data products and
 * contracts (`/products`, `/contracts`), with their size limits.
 */
import { Router } from 'express';
import type { GraphStore } from '../../graph/GraphStore.ts';
import type { Metrics } from '../metrics.ts';
import { ontologiesRouter } from './ontologiesRouter.ts';
import { productsRouter } from './productsRouter.ts';

export interface RestOptions {
  /** Largest ontology upload, all documents together (default 256 MiB). */
  maxUploadBytes?: number;
  /** Most documents in one ontology upload (default 1,000). */
  maxUploadDocuments?: number;
  /** Largest descriptor (default 4 MiB). */
  maxDescriptorBytes?: number;
}

/**
 * The REST routes, to mount on the application.
 *
 * @example app.use(restRouter(store, metrics, { maxUploadBytes: 64 << 20 }));
 */
export function restRouter(store: GraphStore, metrics: Metrics, options: RestOptions = {}): Router {
  const router = Router();
  router.use(ontologiesRouter(store, metrics, { maxBytes: options.maxUploadBytes ?? 256 << 20, maxDocuments: options.maxUploadDocuments ?? 1_000 }));
  router.use(productsRouter(store, metrics, options.maxDescriptorBytes ?? 4 << 20));
  return router;
}
