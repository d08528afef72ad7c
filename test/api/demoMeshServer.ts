/** The demo mesh as `ontomesh serve` seeds it (./ontology as graph `mesh`, the descriptors of ./mesh registered) on a temporary SQLite store, served over GraphQL. */
import { join } from 'node:path';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies, readDescriptorFiles, registerProducts } from '../../src/load/index.ts';
import { repoRoot, tempStore } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

export interface DemoMeshServer {
  store: GraphStore;
  server: GraphqlServer;
  /** Stops the server and removes the store. */
  close(): Promise<void>;
}

export async function serveDemoMesh(): Promise<DemoMeshServer> {
  const { store, dispose } = await tempStore();
  await loadOntologies(store, [join(repoRoot, 'ontology')], { id: 'mesh', missingImports: 'warn', allowRemoteImports: [] });
  await registerProducts(store, await readDescriptorFiles([join(repoRoot, 'mesh')]));
  const server = await serveGraphql(store);
  return {
    store, server,
    async close() {
      await server.close();
      await dispose();
    },
  };
}
