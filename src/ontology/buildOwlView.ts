/**
 * Turns the triples OwlViewBuilder kept into the OWL view, applying the counting rules of
 * README.md: which subjects are classes, which properties (and of which kind), which individuals.
 */
import type { Annotated, ClassInfo, LangValues, OntologyInfo, OwlView, PropertyCharacteristic, PropertyInfo, PropertyKind } from './OwlView.ts';
import { builtInNamespaces, owl, rdf, rdfs, xsdNamespace } from './vocabulary.ts';

/** What OwlViewBuilder keeps of one subject. */
export interface SubjectRecord {
  /** Flattened pairs: predicate IRI, object key (an IRI, or `_:` + document + label for a blank node). */
  links: string[];
  /** Flattened triples: `'l'` (label) or `'d'` (definition), lower-cased language tag, value. */
  texts: string[];
  deprecated: boolean;
}

/** The records counting reads: every subject's, in any order, and one by key (a ReadonlyMap is one). */
export interface SubjectRecords extends Iterable<[key: string, record: SubjectRecord]> {
  get(key: string): SubjectRecord | undefined;
}

const classTypes = new Set<string>([owl.Class, rdfs.Class, owl.DeprecatedClass]);
/** Types that declare a property without saying its kind: the kind then follows from the range. */
const plainPropertyTypes = new Set<string>([rdf.Property, owl.FunctionalProperty, owl.DeprecatedProperty]);
const propertyKindOfType = new Map<string, PropertyKind>([
  [owl.ObjectProperty, 'object'],
  [owl.InverseFunctionalProperty, 'object'],
  [owl.TransitiveProperty, 'object'],
  [owl.SymmetricProperty, 'object'],
  [owl.AsymmetricProperty, 'object'],
  [owl.ReflexiveProperty, 'object'],
  [owl.IrreflexiveProperty, 'object'],
  [owl.DatatypeProperty, 'datatype'],
  [owl.AnnotationProperty, 'annotation'],
]);
const characteristicOfType = new Map<string, PropertyCharacteristic>([
  [owl.FunctionalProperty, 'functional'],
  [owl.InverseFunctionalProperty, 'inverseFunctional'],
  [owl.TransitiveProperty, 'transitive'],
  [owl.SymmetricProperty, 'symmetric'],
  [owl.AsymmetricProperty, 'asymmetric'],
  [owl.ReflexiveProperty, 'reflexive'],
  [owl.IrreflexiveProperty, 'irreflexive'],
]);
/** Built-in datatypes outside the XSD namespace. */
const builtInDatatypes = new Set<string>([rdfs.Literal, rdf.langString, rdf.dirLangString, rdf.PlainLiteral, rdf.XMLLiteral, rdf.HTML, rdf.JSON]);

/** Builds the view; see OwlViewBuilder. */
export function buildOwlView(records: ReadonlyMap<string, SubjectRecord>): OwlView {
  const view: OwlView = {
    ontologies: [],
    classes: new Map(),
    objectProperties: new Map(),
    datatypeProperties: new Map(),
    annotationProperties: new Map(),
    individuals: new Map(),
  };
  const propertyMaps = { object: view.objectProperties, datatype: view.datatypeProperties, annotation: view.annotationProperties };
  const reader = new RecordReader(records);

  for (const [key, record] of records) {
    const { types, ontology, isClass, kinds, individual } = classify(key, record, reader);
    const links = groupLinks(record);
    if (ontology) view.ontologies.push(ontologyInfo(isBlank(key) ? undefined : key, record, links));
    if (isClass) view.classes.set(key, classInfo(key, record, links, reader));
    for (const { kind, declared } of kinds) propertyMaps[kind].set(key, propertyInfo(key, kind, declared, record, links, types));
    if (individual) view.individuals.set(key, { iri: key, types: types.filter(isDomainClass), ...annotations(record, types) });
  }

  // owl:equivalentClass, owl:equivalentProperty and owl:inverseOf are symmetric: show both ends, also
  // when only the object is declared (PROV-O's inverses module names undeclared inverses).
  const properties = Object.values(propertyMaps);
  for (const [key, record] of records) {
    if (isBlank(key)) continue;
    const links = record.links;
    for (let i = 0; i < links.length; i += 2) {
      const predicate = links[i]!;
      const object = links[i + 1]!;
      if (predicate === owl.equivalentClass) addOnce(view.classes.get(object)?.equivalents, key);
      else if (predicate === owl.equivalentProperty) for (const map of properties) addOnce(map.get(object)?.equivalents, key);
      else if (predicate === owl.inverseOf) for (const map of properties) addOnce(map.get(object)?.inverses, key);
    }
  }
  return view;
}

/** How many entities of each kind the view has: the sizes of its maps. */
export interface OwlCounts {
  classes: number;
  objectProperties: number;
  datatypeProperties: number;
  annotationProperties: number;
  individuals: number;
  ontologies: number;
}

/** Counts what buildOwlView would list, without building its entries (what a load reports). */
export function countOwlView(records: SubjectRecords): OwlCounts {
  const counts: OwlCounts = { classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 0 };
  const kindCounts = { object: 'objectProperties', datatype: 'datatypeProperties', annotation: 'annotationProperties' } as const;
  const reader = new RecordReader(records);
  for (const [key, record] of records) {
    const { ontology, isClass, kinds, individual } = classify(key, record, reader);
    if (ontology) counts.ontologies++;
    if (isClass) counts.classes++;
    for (const { kind } of kinds) counts[kindCounts[kind]]++;
    if (individual) counts.individuals++;
  }
  return counts;
}

/**
 * What a subject is, by the counting rules (README.md); only an ontology can be a blank node. Reads
 * the record's links in place (counting, on every load, groups none of them).
 */
function classify(key: string, record: SubjectRecord, reader: RecordReader) {
  const types = objectsOf(record, rdf.type);
  const ontology = types.includes(owl.Ontology);
  if (isBlank(key)) return { types, ontology, isClass: false, kinds: [], individual: false };
  return {
    types,
    ontology,
    isClass: types.some((type) => classTypes.has(type)),
    kinds: propertyKinds(types, record, reader),
    individual: types.some(isIndividualType),
  };
}

function ontologyInfo(iri: string | undefined, record: SubjectRecord, links: Map<string, string[]>): OntologyInfo {
  return { iri, versionIri: named(links.get(owl.versionIRI))[0], imports: named(links.get(owl.imports)), ...annotations(record, []) };
}

function classInfo(iri: string, record: SubjectRecord, links: Map<string, string[]>, reader: RecordReader): ClassInfo {
  const superClasses = named(links.get(rdfs.subClassOf));
  // `C ⊑ (A ⊓ B)` and `C ≡ (A ⊓ B)` both make A and B named super classes of C.
  for (const expression of [...(links.get(rdfs.subClassOf) ?? []), ...(links.get(owl.equivalentClass) ?? [])]) {
    if (!isBlank(expression)) continue;
    for (const operand of reader.intersectionOperands(expression)) if (!isBlank(operand)) addOnce(superClasses, operand);
  }
  const types = links.get(rdf.type) ?? [];
  return { iri, superClasses, equivalents: named(links.get(owl.equivalentClass)), ...annotations(record, types) };
}

function propertyInfo(iri: string, kind: PropertyKind, declaredKind: boolean, record: SubjectRecord, links: Map<string, string[]>, types: string[]): PropertyInfo {
  const characteristics: PropertyCharacteristic[] = [];
  for (const type of types) {
    const characteristic = characteristicOfType.get(type);
    if (characteristic !== undefined) characteristics.push(characteristic);
  }
  return {
    iri,
    kind,
    declaredKind,
    domains: named(links.get(rdfs.domain)),
    ranges: named(links.get(rdfs.range)),
    inverses: named(links.get(owl.inverseOf)),
    superProperties: named(links.get(rdfs.subPropertyOf)),
    equivalents: named(links.get(owl.equivalentProperty)),
    characteristics,
    ...annotations(record, types),
  };
}

/**
 * The kinds a subject is declared as. OWL declarations win; a property typed only rdf:Property (or
 * owl:FunctionalProperty / owl:DeprecatedProperty) is a datatype property when it has ranges and all
 * are datatypes, otherwise an object property (in OWL 2 Full, rdf:Property and owl:ObjectProperty
 * have the same extension).
 */
function propertyKinds(types: string[], record: SubjectRecord, reader: RecordReader): { kind: PropertyKind; declared: boolean }[] {
  const declared = new Set<PropertyKind>();
  for (const type of types) {
    const kind = propertyKindOfType.get(type);
    if (kind !== undefined) declared.add(kind);
  }
  if (declared.size > 0) return [...declared].map((kind) => ({ kind, declared: true }));
  if (!types.some((type) => plainPropertyTypes.has(type))) return [];
  const ranges = objectsOf(record, rdfs.range);
  const datatype = ranges.length > 0 && ranges.every((range) => reader.isDatatype(range));
  return [{ kind: datatype ? 'datatype' : 'object', declared: false }];
}

function annotations(record: SubjectRecord, types: string[]): Annotated {
  const labels = new Map<string, string[]>();
  const definitions = new Map<string, string[]>();
  const texts = record.texts;
  for (let i = 0; i < texts.length; i += 3) {
    const target = texts[i] === 'l' ? labels : definitions;
    const language = texts[i + 1]!;
    let values = target.get(language);
    if (values === undefined) target.set(language, (values = []));
    addOnce(values, texts[i + 2]!);
  }
  const deprecated = record.deprecated || types.includes(owl.DeprecatedClass) || types.includes(owl.DeprecatedProperty);
  return { labels: langValues(labels), definitions: langValues(definitions), deprecated };
}

/** Reads class expressions and lists across records (blank nodes are other records). */
class RecordReader {
  readonly #records: SubjectRecords;

  constructor(records: SubjectRecords) {
    this.#records = records;
  }

  /** The operands of `expression owl:intersectionOf ( ... )`, or none. */
  intersectionOperands(expression: string): string[] {
    const record = this.#records.get(expression);
    const head = record && firstLink(record, owl.intersectionOf);
    return head === undefined ? [] : this.#listItems(head);
  }

  /** True for XSD and RDF built-in datatypes and for IRIs typed rdfs:Datatype. */
  isDatatype(iri: string): boolean {
    if (iri.startsWith(xsdNamespace) || builtInDatatypes.has(iri)) return true;
    const record = this.#records.get(iri);
    return record !== undefined && objectsOf(record, rdf.type).includes(rdfs.Datatype);
  }

  /** The items of an RDF list; a malformed or cyclic list ends where it breaks. */
  #listItems(head: string): string[] {
    const items: string[] = [];
    const seen = new Set<string>();
    for (let node: string | undefined = head; node !== undefined && node !== rdf.nil && !seen.has(node); ) {
      seen.add(node);
      const record = this.#records.get(node);
      if (record === undefined) break;
      const item = firstLink(record, rdf.first);
      if (item !== undefined) items.push(item);
      node = firstLink(record, rdf.rest);
    }
    return items;
  }
}

/** A record's links grouped by predicate, objects without duplicates, in document order. */
function groupLinks(record: SubjectRecord): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  const links = record.links;
  for (let i = 0; i < links.length; i += 2) {
    const predicate = links[i]!;
    let objects = grouped.get(predicate);
    if (objects === undefined) grouped.set(predicate, (objects = []));
    addOnce(objects, links[i + 1]!);
  }
  return grouped;
}

/** The objects of a record's links with `predicate`, without duplicates, in document order. */
function objectsOf(record: SubjectRecord, predicate: string): string[] {
  const objects: string[] = [];
  const links = record.links;
  for (let i = 0; i < links.length; i += 2) if (links[i] === predicate) addOnce(objects, links[i + 1]!);
  return objects;
}

function firstLink(record: SubjectRecord, predicate: string): string | undefined {
  const links = record.links;
  for (let i = 0; i < links.length; i += 2) if (links[i] === predicate) return links[i + 1];
  return undefined;
}

/** A type that makes its subject an individual: owl:NamedIndividual, a domain class or a class expression. */
function isIndividualType(type: string): boolean {
  return type === owl.NamedIndividual || isBlank(type) || isDomainClass(type);
}

/** A named class that is not part of the RDF/RDFS/OWL vocabulary itself (owl:Thing is a domain class). */
function isDomainClass(type: string): boolean {
  return !isBlank(type) && (type === owl.Thing || !builtInNamespaces.some((namespace) => type.startsWith(namespace)));
}

function isBlank(key: string): boolean {
  return key.startsWith('_:');
}

function named(keys: string[] | undefined): string[] {
  return keys === undefined ? [] : keys.filter((key) => !isBlank(key));
}

function addOnce(values: string[] | undefined, value: string): void {
  if (values !== undefined && !values.includes(value)) values.push(value);
}

function langValues(map: Map<string, string[]>): LangValues {
  return Object.fromEntries(map);
}
