/**
 * Resolvers of the read-model types (concepts, properties, domains, products, datasets, fields).
 * Parents are read-model nodes; fields without arguments are read by GraphQL's default resolver, so
 * only the ones that pick a language, page, walk a hierarchy or name an enum value are here. All are synchronous once
 * the request's model is loaded (the root fields load it).
 */
import type { ConceptNode, DatasetNode, DomainNode, FieldNode, LangText, ProductNode, PropertyNode, SearchableNode } from '../readModel/index.ts';
import type { PropertyCharacteristic } from '../../ontology/index.ts';
import { pickText } from '../readModel/index.ts';
import { connection, pageOf } from './connection.ts';
import { withModel, type GraphqlContext } from './context.ts';

type LangArgs = { lang?: string | null };
type PageArgs = { first?: number | null; after?: string | null };
type SubConceptArgs = { includeSubConcepts: boolean };

const label = (node: { labels: LangText[] }, { lang }: LangArgs) => pickText(node.labels, lang ?? undefined) ?? null;
const definition = (node: { definitionCandidates: LangText[] }, { lang }: LangArgs) => pickText(node.definitionCandidates, lang ?? undefined) ?? null;

/** The schema's enum value of a characteristic: `inverseFunctional` → `INVERSE_FUNCTIONAL`. */
const characteristicName = (characteristic: PropertyCharacteristic) => characteristic.replace(/[A-Z]/g, '_$&').toUpperCase();

export const meshResolvers = {
  Concept: {
    label,
    definition,
    replacedBy: (concept: ConceptNode, _: unknown, context: GraphqlContext) =>
      withModel(context, (model) => concept.replacedBy.map((iri) => model.concept(iri)).filter((c) => c !== undefined)),
    superConcepts: (concept: ConceptNode, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      withModel(context, (model) => model.superConcepts(concept, transitive)),
    subConcepts: (concept: ConceptNode, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      withModel(context, (model) => model.subConcepts(concept, transitive)),
    properties: (concept: ConceptNode, { inherited }: { inherited: boolean }, context: GraphqlContext) =>
      withModel(context, (model) => model.propertiesOf(concept, inherited)),
    dataProducts: (concept: ConceptNode, args: SubConceptArgs & PageArgs, context: GraphqlContext) => {
      const page = pageOf(args.first, args.after);
      return withModel(context, (model) => connection(model.productsAbout(concept.iri, args.includeSubConcepts), page));
    },
    datasets: (concept: ConceptNode, { includeSubConcepts }: SubConceptArgs, context: GraphqlContext) =>
      withModel(context, (model) => model.datasetsAbout(concept.iri, includeSubConcepts)),
    fields: (concept: ConceptNode, { includeSubConcepts }: SubConceptArgs, context: GraphqlContext) =>
      withModel(context, (model) => model.fieldsAbout(concept.iri, includeSubConcepts)),
  },
  Property: {
    label: (property: PropertyNode, args: LangArgs) => label(property, args),
    definition: (property: PropertyNode, args: LangArgs) => definition(property, args),
    characteristics: (property: PropertyNode) => property.characteristics.map(characteristicName),
    superProperties: (property: PropertyNode, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      withModel(context, (model) => model.superProperties(property, transitive)),
    subProperties: (property: PropertyNode, { transitive }: { transitive: boolean }, context: GraphqlContext) =>
      withModel(context, (model) => model.subProperties(property, transitive)),
  },
  Domain: {
    label,
    dataProducts: (domain: DomainNode, args: PageArgs) => connection(domain.products, pageOf(args.first, args.after)),
    datasets: (domain: DomainNode, args: PageArgs) => connection(domain.datasets, pageOf(args.first, args.after)),
  },
  DataProduct: {
    label,
    owner: (product: ProductNode) => product.owners[0] ?? null,
  },
  Dataset: {
    label,
    dataProducts: (dataset: DatasetNode) => dataset.products,
  },
  Field: {
    label: (field: FieldNode, args: LangArgs) => label(field, args),
  },
  SearchResult: {
    __resolveType: (node: SearchableNode) => node.kind,
  },
};
