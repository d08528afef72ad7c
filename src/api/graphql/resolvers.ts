/**
 * Resolvers for graphql/schema.graphql. Root fields take the request's snapshot and its read model
 * (src/api/readModel: built once per snapshot, shared by every request on it) and return model nodes;
 * the type resolvers in meshResolvers.ts and ontologyResolvers.ts read those nodes synchronously.
 * Store calls per request are therefore bounded whatever the page size and nesting: the snapshot,
 * the versions of the graphs listed, and the versions a diff compares (search runs on the model).
 */
import { OntomeshError } from '../../errors/index.ts';
import type { ProductFilter } from '../readModel/index.ts';
import { connection, pageOf } from './connection.ts';
import type { GraphqlContext } from './context.ts';
import { governanceQuery, governanceResolvers } from './governanceResolvers.ts';
import { lineageQuery, lineageResolvers } from './lineageResolvers.ts';
import { meshResolvers } from './meshResolvers.ts';
import { ontologies, ontologyResolvers } from './ontologyResolvers.ts';
import { searchMatches, type SearchKind, type SearchMatch } from './search.ts';

type PageArgs = { first?: number | null; after?: string | null };

function searchText(text: string): string {
  if (text.trim() === '') throw new OntomeshError('BAD_REQUEST', 'search text must not be empty');
  return text;
}

export const resolvers = {
  Query: {
    ontologies: (_: unknown, __: unknown, context: GraphqlContext) => ontologies(context),
    ontology: async (_: unknown, { id }: { id: string }, context: GraphqlContext) => (await ontologies(context, id))[0] ?? null,
    concept: async (_: unknown, { iri }: { iri: string }, context: GraphqlContext) => (await context.model()).concept(iri) ?? null,
    property: async (_: unknown, { iri }: { iri: string }, context: GraphqlContext) => (await context.model()).property(iri) ?? null,
    domains: async (_: unknown, __: unknown, context: GraphqlContext) => (await context.model()).domains,
    domain: async (_: unknown, { id }: { id: string }, context: GraphqlContext) => (await context.model()).domain(id) ?? null,
    dataProduct: async (_: unknown, { id }: { id: string }, context: GraphqlContext) => (await context.model()).product(id) ?? null,
    dataset: async (_: unknown, { id }: { id: string }, context: GraphqlContext) => (await context.model()).dataset(id) ?? null,
    dataProducts: async (_: unknown, args: { filter?: (ProductFilter & { text?: string | null }) | null } & PageArgs, context: GraphqlContext) => {
      const page = pageOf(args.first, args.after);
      const { text, ...filter } = args.filter ?? {};
      const model = await context.model();
      const matches = text == null ? undefined : new Set((await searchMatches(context, searchText(text), ['DATA_PRODUCT'])).slice().map((match) => (match.node as { id: string }).id));
      return connection(model.filterProducts(filter, matches), page);
    },
    search: async (_: unknown, args: { text: string; kinds?: SearchKind[] | null } & PageArgs, context: GraphqlContext) => {
      const page = pageOf(args.first, args.after);
      const matches = await searchMatches(context, searchText(args.text), args.kinds);
      return connection(matches, page, (match: SearchMatch) => ({ node: match.node, match, matchedProperty: match.predicate, score: match.score }));
    },
    ...lineageQuery,
    ...governanceQuery,
  },
  // Highlights are marked up only when asked for.
  SearchEdge: { highlight: (edge: { match: SearchMatch }) => edge.match.highlight() },
  ...ontologyResolvers,
  ...meshResolvers,
  ...lineageResolvers,
  ...governanceResolvers,
  // Types both files resolve fields of.
  DataProduct: { ...meshResolvers.DataProduct, ...lineageResolvers.DataProduct },
  Dataset: { ...meshResolvers.Dataset, ...lineageResolvers.Dataset },
  Field: { ...meshResolvers.Field, ...lineageResolvers.Field },
};
