/**
 * The discovery queries, each as a pair that asks the same question of ontomesh (GraphQL) and of
 * Fuseki (SPARQL over the same triples): issue 5's four (products about a concept or any of its
 * sub-concepts, text search, one product with its ports, datasets and fields, and a domain's
 * products) and two lineage walks (a product's downstream lineage, a concept's lineage). Pages are
 * 20 long; SPARQL asks for 21 rows to know whether there is a next page, as a cursor connection
 * does. Values are written into the query text on both sides (no variables), so each request is
 * parsed afresh by both servers. The counts are what the check before the load compares (total
 * matches, the fields of the detail, or the sizes and a digest of a lineage graph's node and edge sets).
 */
import { createHash } from 'node:crypto';
import { textIndexPredicates } from '../../src/graph/textIndex.ts';
import type { GeneratedMesh } from './generateMesh.ts';
import { searchWords } from './meshShape.ts';

/** The SPARQL 1.1 JSON results a query answers with. */
export interface SparqlResults {
  head: { vars: string[] };
  results: { bindings: Record<string, { type: string; value: string }>[] };
}

export interface DiscoveryQuery {
  id: 'concept' | 'search' | 'detail' | 'domain' | 'product-lineage' | 'concept-lineage';
  title: string;
  /** The values requests cycle through, the same sequence on both sides. */
  parameters(mesh: GeneratedMesh): string[];
  graphql(value: string): string;
  sparql(value: string, search: SearchMode): string;
  /** The number the check before the load reports for each answer. */
  graphqlCount(data: Record<string, any>): AnswerCount;
  sparqlCount(results: SparqlResults): AnswerCount;
  /** Whether the two numbers must be equal. */
  comparable: boolean;
}

/** A number to compare, or for a lineage graph its sizes and a digest of its sets (`12/15 #a1b2c3`). */
export type AnswerCount = number | string | undefined;

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
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX text: <http://jena.apache.org/text#>
`;

const PAGE = 20;
const str = (value: string) => JSON.stringify(value);
const totalOf = (results: SparqlResults) => {
  const total = results.results.bindings[0]?.total?.value;
  return total === undefined ? 0 : Number(total);
};

const PRODUCT_LINEAGE_DEPTH = 3;
const CONCEPT_LINEAGE_DEPTH = 2;

/**
 * Concepts whose sub-concepts the SPARQL peer cannot find with rdfs:subClassOf*: operands of the
 * intersections that define customer:BusinessCustomer and customer:RetailCustomer, which ontomesh
 * counts as their sub-concepts by OWL (README.md, "The query pairs"). Left out of concept lineage,
 * whose check compares whole node sets.
 */
const owlOnlySubConcepts = ['core#Organization', 'core#Person'];

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
  {
    id: 'product-lineage',
    title: 'product lineage (downstream, depth 3)',
    parameters: (mesh) => mesh.productSamples,
    graphql: (product) => `{ dataProduct(id: ${str(product)}) { lineage(direction: DOWNSTREAM, depth: ${PRODUCT_LINEAGE_DEPTH}) {
  nodes { id name domain { id } } edges { from { id } to { id } } } } }`,
    // The start, then every edge out of a product at most depth - 1 hops downstream of it (walkLineage's edges), with its target.
    sparql: (product) => `${PREFIXES}SELECT DISTINCT ?from ?node ?name ?domain WHERE {
  { BIND(<${product}> AS ?node) }
  UNION { ?from ${upTo(PRODUCT_LINEAGE_DEPTH - 1)} <${product}> . ?node prov:wasDerivedFrom ?from ; a dprod:DataProduct }
  ?node rdfs:label ?name ; dprod:domain ?domain .
}`,
    graphqlCount: (data) => graphSignature(data.dataProduct?.lineage),
    sparqlCount: (results) => {
      const rows = results.results.bindings;
      return signature({ nodes: rows.map((b) => b.node!.value), edges: rows.filter((b) => b.from).map((b) => `${b.from!.value} ${b.node!.value}`) });
    },
    comparable: true,
  },
  {
    id: 'concept-lineage',
    title: `concept lineage (sub-concepts, downstream, depth ${CONCEPT_LINEAGE_DEPTH})`,
    parameters: (mesh) => mesh.concepts.filter((c) => c.subConcepts > 0 && !owlOnlySubConcepts.some((name) => c.iri.endsWith(name))).map((c) => c.iri),
    graphql: (concept) => `{ conceptLineage(concept: ${str(concept)}, includeSubConcepts: true, direction: DOWNSTREAM, depth: ${CONCEPT_LINEAGE_DEPTH}) {
  dataProducts { id } datasets { id } fields { id }
  productFlows { nodes { id } edges { from { id } to { id } } }
  fieldFlows { nodes { id } edges { from { id } to { id } } } } }`,
    sparql: conceptLineageSparql,
    graphqlCount: (data) => {
      const lineage = data.conceptLineage;
      if (!lineage) return undefined;
      const ids = (list: { id: string }[]) => list.map((n) => n.id);
      return signature({
        products: ids(lineage.dataProducts), datasets: ids(lineage.datasets), fields: ids(lineage.fields),
        productFlows: ids(lineage.productFlows.nodes), productEdges: edgeKeys(lineage.productFlows.edges),
        fieldFlows: ids(lineage.fieldFlows.nodes), fieldEdges: edgeKeys(lineage.fieldFlows.edges),
      });
    },
    sparqlCount: (results) => {
      const rows = results.results.bindings;
      const part = (name: string) => rows.filter((b) => b.part!.value === name);
      const nodes = (name: string) => part(name).map((b) => b.node!.value);
      const edges = (name: string) => part(name).map((b) => `${b.from!.value} ${b.node!.value}`);
      // A walk's nodes are its starts (the carriers) and the targets of its edges.
      return signature({
        products: nodes('product'), datasets: nodes('dataset'), fields: nodes('field'),
        productFlows: [...nodes('product'), ...nodes('productFlow')], productEdges: edges('productFlow'),
        fieldFlows: [...nodes('field'), ...nodes('fieldFlow')], fieldEdges: edges('fieldFlow'),
      });
    },
    comparable: true,
  },
];

/**
 * Zero to `hops` (at least 1) steps up prov:wasDerivedFrom, SPARQL 1.1's zero-or-one path repeated:
 * from a start, the nodes a walk expands, those at most `hops` hops downstream of it.
 */
function upTo(hops: number): string {
  return Array.from({ length: hops }, () => 'prov:wasDerivedFrom?').join('/');
}

/**
 * conceptLineage in SPARQL: rows (?part ?node ?from) of the carriers (fields, datasets and products
 * about the concept or a sub-concept, as ontomesh finds them: datasets holding such a field, products
 * providing such a dataset) and the edges of the walks from the product and field carriers.
 */
function conceptLineageSparql(concept: string): string {
  const about = (x: string, type: string) => `${x} dct:subject/rdfs:subClassOf* <${concept}> ; a ${type} .`;
  const fields = (x: string) => about(x, 'mesh:Field');
  const datasets = (x: string) => `{ ${about(x, 'dcat:Dataset')} } UNION { ${x} mesh:field ?f . ${fields('?f')} }`;
  const products = (x: string) => `{ ${about(x, 'dprod:DataProduct')} } UNION { ${x} dprod:outputDataset ?d . ${datasets('?d')} }`;
  const flow = (carriers: string, type: string) => `{ SELECT DISTINCT ?start WHERE { ${carriers} } }
    ?from ${upTo(CONCEPT_LINEAGE_DEPTH - 1)} ?start . ?node prov:wasDerivedFrom ?from ; a ${type} .`;
  return `${PREFIXES}SELECT DISTINCT ?part ?node ?from WHERE {
  { ${products('?node')} BIND("product" AS ?part) }
  UNION { ${datasets('?node')} BIND("dataset" AS ?part) }
  UNION { ${fields('?node')} BIND("field" AS ?part) }
  UNION { ${flow(products('?start'), 'dprod:DataProduct')} BIND("productFlow" AS ?part) }
  UNION { ${flow(fields('?start'), 'mesh:Field')} BIND("fieldFlow" AS ?part) }
}`;
}

const edgeKeys = (edges: { from: { id: string }; to: { id: string } }[]) => edges.map((e) => `${e.from.id} ${e.to.id}`);

function graphSignature(graph: { nodes: { id: string }[]; edges: { from: { id: string }; to: { id: string } }[] } | undefined): AnswerCount {
  return graph === undefined ? undefined : signature({ nodes: graph.nodes.map((n) => n.id), edges: edgeKeys(graph.edges) });
}

/** The sizes of some sets (duplicates dropped) and a digest of their sorted members: equal when the sets are. */
function signature(sets: Record<string, string[]>): string {
  const hash = createHash('sha1');
  const sizes = Object.entries(sets).map(([name, members]) => {
    const distinct = [...new Set(members)].sort();
    hash.update(`${name}\n${distinct.join('\n')}\n`);
    return distinct.length;
  });
  return `${sizes.join('/')} #${hash.digest('hex').slice(0, 6)}`;
}
