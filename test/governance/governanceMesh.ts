/**
 * The store the governance tests read, filled through the real load and registration: the
 * governance fixture mesh (test/fixtures/governance/mesh, README there) beside DPV's personal-data
 * categories (pd.ttl, SKOS) as graph `dpv-pd`.
 */
import { join } from 'node:path';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies, readDescriptorFiles, registerProducts } from '../../src/load/index.ts';
import { fixture, repoRoot, tempStore } from '../load/helpers.ts';

export const governanceMeshDir = join(repoRoot, 'test/fixtures/governance/mesh');
export const dpvPdFile = fixture('dpv/pd/pd.ttl');
export const meshIri = 'https://w3id.org/ontomesh/mesh/';

/** A temporary store holding DPV's personal-data categories and the governance fixture mesh. */
export async function governanceStore(): Promise<{ store: GraphStore; url: string; dispose(): Promise<void> }> {
  const temp = await tempStore();
  await loadOntologies(temp.store, [dpvPdFile], { id: 'dpv-pd', missingImports: 'warn', allowRemoteImports: [] });
  await registerProducts(temp.store, await readDescriptorFiles([governanceMeshDir]));
  return temp;
}
