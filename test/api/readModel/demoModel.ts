/** The read model of the demo ontology and the test mesh (meshFixture.ts) on a temporary SQLite store. */
import type { GraphStore, Snapshot } from '../../../src/graph/GraphStore.ts';
import { ReadModels, type ReadModel } from '../../../src/api/readModel/index.ts';
import { tempDir, tempStore } from '../../load/helpers.ts';
import { loadDemoMesh } from '../meshFixture.ts';

export interface DemoModel {
  store: GraphStore;
  snapshot: Snapshot;
  model: ReadModel;
  dispose(): Promise<void>;
}

export async function demoModel(): Promise<DemoModel> {
  const temp = await tempStore();
  const { dir, remove } = await tempDir();
  await loadDemoMesh(temp.store, dir);
  const snapshot = await temp.store.snapshot();
  const model = await new ReadModels(temp.store).get(snapshot);
  return {
    store: temp.store, snapshot, model,
    async dispose() {
      await temp.dispose();
      await remove();
    },
  };
}
