/**
 * Turns the triples OwlViewBuilder kept into the OWL view, applying the counting rules of
 * README.md: which subjects are classes, which properties (and of which kind), which individuals.
 */
import type { Annotated, ClassInfo, LangValues, OntologyInfo, OwlView, PropertyCharacteristic, PropertyInfo, PropertyKind } from './OwlView.ts';
import { isBlank, isBuiltInDatatype, isDomainClass, propertyKinds, Trait, typeTraits } from './typeTraits.ts';
import { owl, rdf, rdfs } from './vocabulary.ts';

/** What OwlViewBuilder keeps of one subject. */
export interface SubjectRecord {
  /** Flattened pairs: predicate IRI, object key (an IRI, or `_:` + document + label for a blank node). */
  links: string[];
  /** Flattened triples: `'l'` (label) or `'d'` (definition), lower-cased language tag, value. */
  texts: string[];
  deprecated: boolean;
}

/** The rdf:type that gives a property each OWL characteristic. */
export const characteristicOfType: ReadonlyMap<string, PropertyCharacteristic> = new Map([
  [owl.FunctionalProperty, 'functional'],
  [owl.InverseFunctionalProperty, 'inverseFunctional'],
  [owl.TransitiveProperty, 'transitive'],
  [owl.SymmetricProperty, 'symmetric'],
  [owl.AsymmetricProperty, 'asymmetric'],
  [owl.ReflexiveProperty, 'reflexive'],
  [owl.IrreflexiveProperty, 'irreflexive'],
]);

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

/** What a subject is, by the counting rules (README.md, typeTraits.ts); only an ontology can be a blank node. */
function classify(key: string, record: SubjectRecord, reader: RecordReader) {
  const types = objectsOf(record, rdf.type);
  let traits = 0;
  for (const type of types) traits |= typeTraits(type);
  const ontology = (traits & Trait.Ontology) !== 0;
  if (isBlank(key)) return { types, ontology, isClass: false, kinds: [], individual: false };
  return {
    types,
    ontology,
    isClass: (traits & Trait.Class) !== 0,
    kinds: propertyKinds(traits, () => {
      const ranges = objectsOf(record, rdfs.range);
      return ranges.length > 0 && ranges.every((range) => reader.isDatatype(range));
    }),
    individual: (traits & Trait.Individual) !== 0,
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
  readonly #records: ReadonlyMap<string, SubjectRecord>;

  constructor(records: ReadonlyMap<string, SubjectRecord>) {
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
    if (isBuiltInDatatype(iri)) return true;
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

function named(keys: string[] | undefined): string[] {
  return keys === undefined ? [] : keys.filter((key) => !isBlank(key));
}

function addOnce(values: string[] | undefined, value: string): void {
  if (values !== undefined && !values.includes(value)) values.push(value);
}

function langValues(map: Map<string, string[]>): LangValues {
  return Object.fromEntries(map);
}
