/**
 * The read models of a store, one per snapshot (the set of active versions), built on first use and
 * kept while the snapshot is current. Requests that arrive while a model is being built wait for
 * that one build; a failed build is forgotten, so the next request tries again.
 */
import type { GraphStore, Snapshot } from '../../graph/GraphStore.ts';
import { buildReadModel } from './buildReadModel.ts';
import { FactIndex } from './FactIndex.ts';
import type { ReadModel } from './ReadModel.ts';
import { modelPredicates, typePredicates } from './terms.ts';

/** Models kept: the current snapshot's, and the previous one for requests still reading it. */
const keep = 2;

export class ReadModels {
  readonly #store: GraphStore;
  readonly #models = new Map<string, Promise<ReadModel>>();
  readonly #onBuilt: ((model: ReadModel, ms: number) => void) | undefined;

  constructor(store: GraphStore, options: { onBuilt?(model: ReadModel, ms: number): void } = {}) {
    this.#store = store;
    this.#onBuilt = options.onBuilt;
  }

  /** The model of `snapshot`. */
  get(snapshot: Snapshot): Promise<ReadModel> {
    const key = snapshotKey(snapshot);
    let model = this.#models.get(key);
    if (model === undefined) {
      model = this.#build(snapshot);
      this.#models.set(key, model);
      model.catch(() => this.#models.get(key) === model && this.#models.delete(key));
      while (this.#models.size > keep) this.#models.delete(this.#models.keys().next().value!);
    }
    return model;
  }

  async #build(snapshot: Snapshot): Promise<ReadModel> {
    const started = performance.now();
    const facts = new FactIndex();
    // Types as asserted (joined with the class closure by the builder); everything else with the closure.
    for await (const batch of this.#store.scanFacts(snapshot, { predicates: typePredicates })) facts.add(batch);
    for await (const batch of this.#store.scanFacts(snapshot, { predicates: modelPredicates, includeInferred: true })) facts.add(batch);
    const model = await buildReadModel(snapshot, facts);
    this.#onBuilt?.(model, performance.now() - started);
    return model;
  }
}

/** The identity of a snapshot: its graphs and versions. */
export function snapshotKey(snapshot: Snapshot): string {
  return snapshot.versions.map(({ graphId, version }) => `${graphId}@${version}`).sort().join(' ');
}
