/**
 * Builds src/mesh/contexts/dprod.context.json, the offline stand-in for the remote JSON-LD context
 * https://ekgf.github.io/dprod/dprod.jsonld that the EKGF DPROD examples name, from the DPROD
 * ontology and its SHACL shapes.
 *
 * Derivation (deterministic; run again whenever the ontology or the shapes change):
 * - `id` and `type` alias `@id` and `@type`, and `dataProducts` aliases `@graph`, as in the DPROD
 *   specification's examples;
 * - the prefixes declared by the two files become prefix terms (plus `dcterms`, which the examples
 *   use for Dublin Core terms);
 * - every DPROD class and every `sh:targetClass` of the shapes becomes a term named by its local
 *   name (`DataProduct`, `Dataset`, `DataService`, ...);
 * - every DPROD property and every `sh:path` of the shapes becomes a term named by its local name,
 *   and also under its prefixed name so `dcat:endpointURL` is coerced like `endpointURL`. Its value
 *   is an IRI (`"@type": "@id"`) unless the ontology declares it an `owl:DatatypeProperty` or a
 *   shape gives it an `sh:datatype` (DCAT 3 gives all the remaining ones a resource range);
 * - a few DCAT/Dublin Core terms the specification's examples and the ontomesh annotation mapping
 *   use but the shapes do not constrain (`title`, `identifier`, `keyword`, `theme`, `subject`,
 *   `version`, `wasDerivedFrom`) are added from the fixed table below.
 * A local name that collides with a keyword alias (`dct:type` vs `type`) keeps the alias.
 *
 * Usage: npx node scripts/build-dprod-context.ts [--ontology FILE] [--shapes FILE] [--out FILE]
 * (defaults: the copies in src/mesh/vocab/, identical to test/fixtures/shared/dprod/ontology/dprod/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Parser } from 'n3';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL = 'http://www.w3.org/2002/07/owl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SH = 'http://www.w3.org/ns/shacl#';
const DPROD = 'https://ekgf.github.io/dprod/';
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const PROV = 'http://www.w3.org/ns/prov#';

/** Terms the DPROD examples and the annotation mapping use without a shape: [term, IRI, IRI-valued]. */
const SUPPLEMENT: readonly [string, string, boolean][] = [
  ['title', `${DCT}title`, false],
  ['identifier', `${DCT}identifier`, false],
  ['keyword', `${DCAT}keyword`, false],
  ['theme', `${DCAT}theme`, true],
  ['subject', `${DCT}subject`, true],
  ['version', `${DCAT}version`, false],
  ['wasDerivedFrom', `${PROV}wasDerivedFrom`, true],
];
/** Prefixes of the shapes that are not vocabularies a descriptor uses. */
const SKIPPED_PREFIXES = new Set(['dprod-shapes', 'sdo']);
const ALIASES: Record<string, string> = { id: '@id', type: '@type', dataProducts: '@graph' };

type TermDefinition = string | { '@id': string; '@type'?: string };

/**
 * Derives the DPROD JSON-LD context from the Turtle text of the DPROD ontology and shapes.
 *
 * @example const context = buildDprodContext(readFileSync(ontology, 'utf8'), readFileSync(shapes, 'utf8'));
 */
export function buildDprodContext(ontologyTurtle: string, shapesTurtle: string): { '@context': Record<string, unknown> } {
  const prefixes = new Map<string, string>([['dcterms', DCT]]);
  const read = (text: string) => new Parser().parse(text, null, (prefix, iri) => {
    if (!SKIPPED_PREFIXES.has(prefix) && prefix !== '') prefixes.set(prefix, iri.value);
  });
  const all = [...read(ontologyTurtle), ...read(shapesTurtle)];
  const objects = (subject: string, predicate: string) => all.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
  const typed = (type: string) => new Set(all.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value));

  const classes = new Set([...typed(`${OWL}Class`)].filter((iri) => iri.startsWith(DPROD)));
  for (const q of all) if (q.predicate.value === `${SH}targetClass`) classes.add(q.object.value);

  const datatypeProperties = typed(`${OWL}DatatypeProperty`);
  const properties = new Map<string, boolean>(); // IRI -> IRI-valued
  for (const iri of typed(`${RDF}Property`)) if (iri.startsWith(DPROD)) properties.set(iri, !datatypeProperties.has(iri));
  for (const shape of all.filter((q) => q.predicate.value === `${SH}path`)) {
    const path = shape.object.value;
    const literal = objects(shape.subject.value, `${SH}datatype`).length > 0 || datatypeProperties.has(path);
    properties.set(path, (properties.get(path) ?? true) && !literal);
  }
  for (const [, iri, iriValued] of SUPPLEMENT) properties.set(iri, iriValued);

  const terms = new Map<string, TermDefinition>();
  const add = (term: string, definition: TermDefinition) => {
    if (!(term in ALIASES) && !terms.has(term)) terms.set(term, definition);
  };
  for (const iri of [...classes].sort()) add(localName(iri), iri);
  for (const [iri, iriValued] of [...properties].sort(([a], [b]) => a.localeCompare(b))) {
    const definition = iriValued ? { '@id': iri, '@type': '@id' } : { '@id': iri };
    add(localName(iri), definition);
    if (iriValued) for (const prefixed of compactForms(iri, prefixes)) add(prefixed, definition);
  }

  const context: Record<string, unknown> = { '@version': 1.1, ...ALIASES };
  for (const [prefix, iri] of [...prefixes].sort(([a], [b]) => a.localeCompare(b))) context[prefix] = iri;
  for (const [term, definition] of [...terms].sort(([a], [b]) => a.localeCompare(b))) context[term] = definition;
  return { '@context': context };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      ontology: { type: 'string', default: 'src/mesh/vocab/dprod-ontology.ttl' },
      shapes: { type: 'string', default: 'src/mesh/vocab/dprod-shapes.ttl' },
      out: { type: 'string', default: 'src/mesh/contexts/dprod.context.json' },
    },
  });
  const document = buildDprodContext(readFileSync(values.ontology, 'utf8'), readFileSync(values.shapes, 'utf8'));
  writeFileSync(values.out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${values.out}: ${Object.keys(document['@context']).length} entries`);
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
}

/** Every prefixed spelling of an IRI (`dct:title` and `dcterms:title` both). */
function compactForms(iri: string, prefixes: Map<string, string>): string[] {
  return [...prefixes]
    .filter(([, namespace]) => iri.startsWith(namespace) && iri.length > namespace.length)
    .map(([prefix, namespace]) => `${prefix}:${iri.slice(namespace.length)}`);
}
