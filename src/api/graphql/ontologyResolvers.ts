/**
 * Resolvers of the loaded graphs, their kept versions, and the diff between two versions with its
 * impact on the mesh (the products, datasets and fields annotated with what a release removed,
 * deprecated or changed, as the active versions have them).
 */
import { OntomeshError } from '../../errors/index.ts';
import type { VersionInfo } from '../../graph/GraphStore.ts';
import { diffOntologies, type LangValues, type TermChange } from '../../ontology/index.ts';
import { pickText } from '../readModel/index.ts';
import { withModel, type GraphqlContext } from './context.ts';

export interface OntologyParent {
  id: string;
  info: VersionInfo;
  all: VersionInfo[];
}

interface DiffParent {
  from: number;
  to: number;
  classes: TermChange[];
  properties: TermChange[];
}

/** The loaded graphs of the request's snapshot (or the one with id `only`), in id order. */
export async function ontologies(context: GraphqlContext, only?: string): Promise<OntologyParent[]> {
  const snapshot = await context.snapshot();
  const active = snapshot.versions.filter(({ graphId }) => only === undefined || graphId === only);
  const parents = await Promise.all(active.map(async ({ graphId, version }) => {
    const all = await context.versions(graphId);
    const info = all.find((v) => v.version === version);
    return info === undefined ? undefined : { id: graphId, info, all };
  }));
  return parents.filter((parent) => parent !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

const termKinds = { class: 'CLASS', objectProperty: 'OBJECT_PROPERTY', datatypeProperty: 'DATATYPE_PROPERTY', annotationProperty: 'ANNOTATION_PROPERTY' } as const;

/** The best English (else any) label of an OWL-view term. */
function labelOf(labels: LangValues): string | null {
  return pickText(Object.entries(labels).flatMap(([language, values]) => values.map((value) => ({ value, language: language || null }))), undefined) ?? null;
}

export const ontologyResolvers = {
  Ontology: {
    version: (parent: OntologyParent) => parent.info.version,
    versions: (parent: OntologyParent) => parent.all.map((info) => ({ ...info, counts: info.stats })),
    ontologyIri: (parent: OntologyParent) => parent.info.meta.documents[0]?.ontologyIri ?? null,
    counts: (parent: OntologyParent) => parent.info.stats,
    documents: (parent: OntologyParent) => parent.info.meta.documents,
    diff: async (parent: OntologyParent, args: { from: number; to?: number | null }, context: GraphqlContext): Promise<DiffParent> => {
      const to = args.to ?? parent.info.version;
      for (const version of [args.from, to]) {
        if (!parent.all.some((v) => v.version === version)) {
          throw new OntomeshError('NOT_FOUND', `graph ${parent.id} has no kept version ${version} (kept: ${parent.all.map((v) => v.version).join(', ')})`, { term: String(version) });
        }
      }
      const [before, after] = await Promise.all([context.owlViews.get(parent.id, args.from), context.owlViews.get(parent.id, to)]);
      return { from: args.from, to, ...diffOntologies(before, after) };
    },
  },
  OntologyDiff: {
    impact: (diff: DiffParent, _: unknown, context: GraphqlContext) => withModel(context, (model) => diff.classes
      .filter((change) => change.kind !== 'added')
      .map((change) => {
        const concept = model.concept(change.iri);
        const used = concept?.annotates ?? { products: [], datasets: [], fields: [] };
        return {
          iri: change.iri, kind: change.kind.toUpperCase(), label: labelOf(change.term.labels), concept: concept ?? null,
          dataProducts: used.products, datasets: used.datasets, fields: used.fields,
        };
      })
      .filter((impact) => impact.dataProducts.length + impact.datasets.length + impact.fields.length > 0)),
  },
  TermChange: {
    kind: (change: TermChange) => change.kind.toUpperCase(),
    termKind: (change: TermChange) => termKinds[change.termKind],
    label: (change: TermChange) => labelOf(change.term.labels),
  },
};
