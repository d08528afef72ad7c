/**
 * The four discovery queries of issue 5, each as a pair that asks the same question of ontomesh
 * (GraphQL) and of Fuseki (SPARQL over the same triples): products about a concept or any of its
 * sub-concepts, text search, one product with its ports, datasets and fields, and a domain's
 * products. Pages are 20 long; SPARQL asks for 21 rows to know whether there is a next page, as a
 * cursor connection does. Values are written into the query text on both sides (no variables), so
 * each request is parsed afresh by both servers. The counts are what the check before the load
 * compares (total matches, or the fields of the detail).
 */
import { textIndexPredicates } from '../../src/graph/textIndex.ts';
import type { GeneratedMesh } from './generateMesh.ts';
import { searchWords } from './meshShape.ts';

/** The SPARQL 1.1 JSON results a query answers with. */
export interface SparqlResults {
  head: { vars: string[] };
  results: { bindings: Record<string, { type: string; value: string }>[] };
}

export interface DiscoveryQuery {
  id: 'concept' | 'search' | 'detail' | 'domain';
  title: string;
  /** The values requests cycle through, the same sequence on both sides. */
  parameters(mesh: GeneratedMesh): string[];
  graphql(value: string): string;
  sparql(value: string, search: SearchMode): string;
  /** The number the check before the load reports for each answer. */
  graphqlCount(data: Record<string, any>): number | undefined;
  sparqlCount(results: SparqlResults): number | undefined;
  /** Whether the two numbers must be equal. */
  comparable: boolean;
}

/** How the SPARQL search matches: jena-text's Lucene index, or a scan with CONTAINS(LCASE(…)). */
export type SearchMode = 'text' | 'contains';

/**
 * The literals the text search covers: those of ontomesh's full-text index (labels, titles,
 * descriptions, definitions, synonyms; not dcat:keyword), so that the jena-text index Fuseki
 * builds on them answers the same question.
 */
export const searchedPredicates: string[] = [...textIndexPredicates];

const PREFIXES = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dprod: <https://ekgf.github.io/dprod/>
PREFIX mesh: <https://w3id.org/ontomesh/mesh#>
PREFIX text: <http://jena.apache.org/text#>
`;

const PAGE = 20;
const str = (value: string) => JSON.stringify(value);
const totalOf = (results: SparqlResults) => {
  const total = results.results.bindings[0]?.total?.value;
  return total === undefined ? 0 : Number(total);
};

export const discoveryQueries: DiscoveryQuery[] = [
  {
    id: 'concept',
    title: 'concept discovery with sub-concepts',
    parameters: (mesh) => mesh.concepts.map((c) => c.iri),
    graphql: (concept) => `{ dataProducts(filter: { concept: ${str(concept)}, includeSubConcepts: true }, first: ${PAGE}) {
  edges { cursor node { id name domain { id } } } pageInfo { hasNextPage endCursor } totalCount } }`,
    sparql: (concept) => `${PREFIXES}SELECT ?product ?name ?domain ?total WHERE {
  { SELECT (COUNT(DISTINCT ?p) AS ?total) WHERE { ?p dct:subject/rdfs:subClassOf* <${concept}> ; a dprod:DataProduct } }
  { SELECT DISTINCT ?product ?name WHERE { ?product dct:subject/rdfs:subClassOf* <${concept}> ; a dprod:DataProduct ; rdfs:label ?name }
    ORDER BY ?name ?product LIMIT ${PAGE + 1} }
  ?product dprod:domain ?domain .
} ORDER BY ?name ?product`,
    graphqlCount: (data) => data.dataProducts?.totalCount,
    sparqlCount: totalOf,
    comparable: true,
  },
  {
    id: 'search',
    title: 'text search',
    parameters: () => searchWords,
    // Data products only on both sides; ontomesh matches the last word as a prefix, so Lucene is asked for `word*`.
    graphql: (text) => `{ search(text: ${str(text)}, kinds: [DATA_PRODUCT], first: ${PAGE}) {
  edges { cursor node { ... on DataProduct { id name domain { id } } } } pageInfo { hasNextPage endCursor } totalCount } }`,
    sparql: (text, mode) => {
      const match = mode === 'text'
        ? (s: string) => `(${s} ?score) text:query (${str(`${text}*`)} 100000)`
        : (s: string) => `${s} ?tp ?t . VALUES ?tp { ${searchedPredicates.map((p) => `<${p}>`).join(' ')} } FILTER(CONTAINS(LCASE(?t), ${str(text.toLowerCase())}))`;
      // jena-text ranks by Lucene score; the scan has none and pages by name.
      const order = mode === 'text' ? 'DESC(?rank) ?product' : '?name ?product';
      return `${PREFIXES}SELECT ?product ?name ?domain ?total WHERE {
  { SELECT (COUNT(DISTINCT ?p) AS ?total) WHERE { ${match('?p')} . ?p a dprod:DataProduct } }
  { SELECT ?product ?name (MAX(${mode === 'text' ? '?score' : '0'}) AS ?rank) WHERE { ${match('?product')} . ?product a dprod:DataProduct ; rdfs:label ?name }
    GROUP BY ?product ?name ORDER BY ${order} LIMIT ${PAGE + 1} }
  ?product dprod:domain ?domain .
} ORDER BY ${order}`;
    },
    graphqlCount: (data) => data.search?.totalCount,
    sparqlCount: totalOf,
    comparable: true,
  },
  {
    id: 'detail',
    title: 'product detail',
    parameters: (mesh) => mesh.productSamples,
    graphql: (product) => `{ dataProduct(id: ${str(product)}) {
  id name description version status tags
  domain { id name } owner { id name }
  concepts { iri label }
  outputPorts { id name protocol endpointUrl datasets { id name fields { name datatype nullable } } } } }`,
    // Rows (?s ?p ?o) of the product, its domain, owner, concepts, ports, datasets and fields.
    sparql: (product) => `${PREFIXES}SELECT ?s ?p ?o WHERE {
  VALUES ?product { <${product}> }
  { ?product ?p ?o BIND(?product AS ?s) }
  UNION { ?product dprod:domain|dprod:dataProductOwner ?s . ?s rdfs:label ?o BIND(rdfs:label AS ?p) }
  UNION { ?product dct:subject ?s . ?s rdfs:label ?o FILTER(LANGMATCHES(LANG(?o), "en")) BIND(rdfs:label AS ?p) }
  UNION { ?product dprod:outputPort ?s . ?s ?p ?o }
  UNION { ?product dprod:outputPort/dprod:isAccessServiceOf/dprod:isDistributionOf ?s . ?s ?p ?o }
  UNION { ?product dprod:outputPort/dprod:isAccessServiceOf/dprod:isDistributionOf/mesh:field ?s . ?s ?p ?o }
}`,
    graphqlCount: (data) => data.dataProduct?.outputPorts?.[0]?.datasets?.[0]?.fields?.length,
    sparqlCount: (results) => {
      const fields = results.results.bindings.filter((b) => b.p?.value === 'https://w3id.org/ontomesh/mesh#field');
      return new Set(fields.map((b) => b.o!.value)).size;
    },
    comparable: true,
  },
  {
    id: 'domain',
    title: 'domain browse',
    parameters: (mesh) => mesh.domains.map((d) => d.iri),
    graphql: (domain) => `{ domain(id: ${str(domain)}) { id name
  dataProducts(first: ${PAGE}) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } totalCount } } }`,
    sparql: (domain) => `${PREFIXES}SELECT ?domainName ?product ?name ?total WHERE {
  <${domain}> rdfs:label ?domainName .
  { SELECT (COUNT(?p) AS ?total) WHERE { ?p dprod:domain <${domain}> } }
  { SELECT ?product ?name WHERE { ?product dprod:domain <${domain}> ; rdfs:label ?name } ORDER BY ?name ?product LIMIT ${PAGE + 1} }
} ORDER BY ?name ?product`,
    graphqlCount: (data) => data.domain?.dataProducts?.totalCount,
    sparqlCount: totalOf,
    comparable: true,
  },
];
