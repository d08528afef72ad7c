/**
 * The OWL views of kept versions, read from the store once each (a version never changes) for
 * ontology diffs: the version's asserted facts streamed through src/ontology's OwlViewBuilder.
 */
import { factsToQuads } from '../../graph/graphToRdf.ts';
import type { GraphStore } from '../../graph/GraphStore.ts';
import { OwlViewBuilder, type OwlView } from '../../ontology/index.ts';

/** Views kept (a diff needs two; a few more serve repeated diffs of recent releases). */
const keep = 6;

export class OwlViews {
  readonly #store: GraphStore;
  readonly #views = new Map<string, Promise<OwlView>>();

  constructor(store: GraphStore) {
    this.#store = store;
  }

  /** The OWL view of one version; NOT_FOUND (from the store) when the graph has no such version. */
  get(graphId: string, version: number): Promise<OwlView> {
    const key = `${graphId}@${version}`;
    let view = this.#views.get(key);
    if (view === undefined) {
      view = this.#read(graphId, version);
      this.#views.set(key, view);
      view.catch(() => this.#views.get(key) === view && this.#views.delete(key));
      while (this.#views.size > keep) this.#views.delete(this.#views.keys().next().value!);
    }
    return view;
  }

  async #read(graphId: string, version: number): Promise<OwlView> {
    const builder = new OwlViewBuilder();
    for await (const batch of this.#store.exportFacts(graphId, { version })) builder.add(factsToQuads(batch));
    return builder.build();
  }
}
