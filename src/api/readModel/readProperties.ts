/**
 * The properties of the read model: every IRI declared a property (src/ontology/README.md's rules), and
 * every IRI owl:inverseOf or rdfs:subPropertyOf names (owl:equivalentProperty too: the closure stores it as
 * rdfs:subPropertyOf both ways), which the vocabulary makes a property too (those are `defined: false`: only
 * their IRI is known, as with a concept only used as an annotation). Each has its
 * characteristics, its inverses both ways, and its hierarchy: asserted direct super-properties, and the
 * one-step edges the load's closure stored (equivalent properties are sub-properties of each other), walked
 * transitively when read. Anonymous property expressions (`[ owl:inverseOf :p ]`) name nothing and are left out.
 */
import { isSkolem } from '../../graph/skolem.ts';
import { characteristicOfType } from '../../ontology/index.ts';
import type { ConceptNode, PropertyKind, PropertyNode } from './entities.ts';
import type { FactIndex } from './FactIndex.ts';
import { iriOrder, linkBelow } from './hierarchy.ts';
import { definitionsOf, isDeprecated } from './termAnnotations.ts';
import { deprecatedTypes, labelPredicates, p, propertyTypes, rdfType } from './terms.ts';

const kindOrder: readonly PropertyKind[] = ['OBJECT', 'DATATYPE', 'ANNOTATION', 'RDF'];

/**
 * The properties of `fx` by IRI, each also listed (in IRI order) under the concepts of `concepts` that are its rdfs:domain.
 *
 * @example
 * readProperties(facts, concepts).get(`${pizza}hasTopping`)?.inverses // [isToppingOf]
 */
export function readProperties(fx: FactIndex, concepts: ReadonlyMap<string, ConceptNode>): Map<string, PropertyNode> {
  const properties = new Map<string, PropertyNode>();
  for (const [subject, types] of fx.edges(rdfType, true)) {
    const kinds = types.map((type) => propertyTypes.get(type)).filter((kind) => kind !== undefined);
    if (kinds.length === 0 || isSkolem(subject)) continue;
    properties.set(subject, propertyNode(fx, subject, kindOrder.find((k) => kinds.includes(k))!, true, types));
  }
  const named = (iri: string, kind: PropertyKind) => properties.get(iri) ?? properties.set(iri, propertyNode(fx, iri, kind, false, [])).get(iri)!;

  // owl:inverseOf relates object properties (OWL 2's mapping to RDF), so it comes first: it gives an undeclared IRI its kind.
  for (const [subject, objects] of fx.edges(p.inverseOf)) {
    if (isSkolem(subject)) continue;
    const property = named(subject, 'OBJECT');
    for (const object of objects) {
      if (isSkolem(object)) continue;
      // Both ways, whichever side states it (the closure stores the other side, a store without it does not).
      const inverse = named(object, 'OBJECT');
      if (!property.inverses.includes(inverse)) property.inverses.push(inverse);
      if (!inverse.inverses.includes(property)) inverse.inverses.push(property);
    }
  }
  for (const [subject, objects] of fx.edges(p.subPropertyOf)) {
    if (isSkolem(subject)) continue;
    const property = named(subject, 'RDF');
    const asserted = fx.objects(subject, p.subPropertyOf, true);
    for (const object of objects) {
      if (!isSkolem(object)) linkBelow(property, named(object, 'RDF'), asserted.includes(object));
    }
  }

  for (const property of properties.values()) {
    property.inverses.sort(iriOrder);
    for (const domain of property.domains) concepts.get(domain)?.properties.push(property);
  }
  for (const concept of concepts.values()) concept.properties.sort(iriOrder);
  return properties;
}

function propertyNode(fx: FactIndex, iri: string, kind: PropertyKind, defined: boolean, types: readonly string[]): PropertyNode {
  return {
    iri, kind, defined, labels: fx.literalsOf(iri, labelPredicates), ...definitionsOf(fx, iri),
    deprecated: isDeprecated(fx, iri, deprecatedTypes.property),
    // A class expression (a union of domains) is a skolem IRI here, which names nothing a client can ask for.
    domains: fx.objects(iri, p.domain, true).filter((d) => !isSkolem(d)), ranges: fx.objects(iri, p.range, true).filter((r) => !isSkolem(r)),
    characteristics: [...characteristicOfType].filter(([type]) => types.includes(type)).map(([, characteristic]) => characteristic),
    inverses: [], parents: new Set(), children: new Set(), up: new Set(), down: new Set(),
  };
}
