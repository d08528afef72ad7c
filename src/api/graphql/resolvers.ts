/**
 * Resolvers for graphql/schema.graphql. Parents are small plain objects (an IRI, a graph id with its
 * version info); everything else is read through the request context, so one snapshot serves the request.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { VersionInfo } from '../../graph/GraphStore.ts';
import { isSkolem } from '../../graph/skolem.ts';
import { hierarchy, isConcept, isConceptType, isDeprecated, literals, pickByLanguage } from './concepts.ts';
import type { GraphqlContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { definitionPredicates, labelPredicates } from './vocabulary.ts';

interface ConceptParent { __typename: 'Concept'; iri: string }
interface OntologyParent { id: string; info: VersionInfo; all: VersionInfo[] }

/** Search looks at this many best hits; totalCount never exceeds it. */
export const maxSearchHits = 1_000;
const defaultPageSize = 20;
const maxPageSize = 100;

const concept = (iri: string): ConceptParent => ({ __typename: 'Concept', iri });

async function ontologies(context: GraphqlContext, only?: string): Promise<OntologyParent[]> {
  const snapshot = await context.snapshot();
  const active = snapshot.versions.filter(({ graphId }) => only === undefined || graphId === only);
  const parents = await Promise.all(active.map(async ({ graphId, version }) => {
    const all = await context.versions(graphId);
    const info = all.find((v) => v.version === version);
    return info === undefined ? undefined : { id: graphId, info, all };
  }));
  return parents.filter((parent) => parent !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

async function view(context: GraphqlContext, iri: string) {
  const resource = await context.resource(iri);
  if (resource === undefined) throw new OntomeshError('NOT_FOUND', `no resource <${iri}>`, { term: iri });
  return resource;
}

export const resolvers = {
  Query: {
    ontologies: (_: unknown, __: unknown, context: GraphqlContext) => ontologies(context),
    ontology: async (_: unknown, { id }: { id: string }, context: GraphqlContext) => (await ontologies(context, id))[0] ?? null,
    concept: async (_: unknown, { iri }: { iri: string }, context: GraphqlContext) => {
      const resource = await context.resource(iri);
      return resource !== undefined && isConcept(resource) ? concept(iri) : null;
    },
    search: async (_: unknown, args: { text: string; first?: number | null; after?: string | null }, context: GraphqlContext) => {
      const first = args.first ?? defaultPageSize;
      if (!Number.isInteger(first) || first < 1 || first > maxPageSize) throw new OntomeshError('BAD_REQUEST', `first must be between 1 and ${maxPageSize} (got ${first})`);
      if (args.text.trim() === '') throw new OntomeshError('BAD_REQUEST', 'search text must not be empty');
      const offset = args.after == null ? 0 : decodeCursor(args.after) + 1;
      const hits = await context.store.search(await context.snapshot(), args.text, { limit: maxSearchHits });
      // One edge per resource: its best-scoring literal (hits come best first).
      const seen = new Set<string>();
      const best = hits.filter((hit) => !isSkolem(hit.id) && !seen.has(hit.id) && seen.add(hit.id));
      const types = await Promise.all(best.map((hit) => context.types(hit.id)));
      const matches = best.filter((_, i) => isConceptType(types[i]!));
      const page = matches.slice(offset, offset + first);
      const edges = page.map((hit, i) => ({ cursor: encodeCursor(offset + i), node: concept(hit.id), highlight: hit.highlight }));
      return {
        edges,
        pageInfo: { hasNextPage: offset + first < matches.length, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: matches.length,
      };
    },
  },
  Ontology: {
    version: (parent: OntologyParent) => parent.info.version,
    versions: (parent: OntologyParent) => parent.all.map((info) => ({ ...info, counts: info.stats })),
    ontologyIri: (parent: OntologyParent) => parent.info.meta.documents[0]?.ontologyIri ?? null,
    counts: (parent: OntologyParent) => parent.info.stats,
    documents: (parent: OntologyParent) => parent.info.meta.documents,
  },
  Concept: {
    label: async ({ iri }: ConceptParent, { lang }: { lang?: string | null }, context: GraphqlContext) =>
      pickByLanguage(literals(await view(context, iri), labelPredicates), lang ?? undefined) ?? null,
    labels: async ({ iri }: ConceptParent, _: unknown, context: GraphqlContext) => {
      const seen = new Map<string, { value: string; language: string | null }>();
      for (const { value } of literals(await view(context, iri), labelPredicates)) {
        seen.set(`${value.language ?? ''}\u0000${value.lexical}`, { value: value.lexical, language: value.language || null });
      }
      return [...seen.values()];
    },
    definition: async ({ iri }: ConceptParent, { lang }: { lang?: string | null }, context: GraphqlContext) =>
      pickByLanguage(literals(await view(context, iri), definitionPredicates), lang ?? undefined) ?? null,
    deprecated: async ({ iri }: ConceptParent, _: unknown, context: GraphqlContext) => isDeprecated(await view(context, iri)),
    superConcepts: async ({ iri }: ConceptParent, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      (await hierarchy(context, iri, 'out', transitive)).map(concept),
    subConcepts: async ({ iri }: ConceptParent, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      (await hierarchy(context, iri, 'in', transitive)).map(concept),
  },
  SearchResult: {
    __resolveType: (node: { __typename: string }) => node.__typename,
  },
};
