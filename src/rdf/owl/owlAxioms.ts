/**
 * Axioms (the spec's Tables 3 and 7, and section 2.3 for their annotations): most translate to
 * main triples, which an annotated axiom reifies; a few (AllDisjointClasses, AllDisjointProperties,
 * AllDifferent, NegativePropertyAssertion, SWRL rules) to a main blank node carrying the annotations.
 */
import type { NamedNode } from '@rdfjs/types';
import { OntomeshError } from '../../errors/index.ts';
import { entityTypes, type EntityType, type OwlConstruct } from './OwlSyntax.ts';
import type { ArgumentReader } from './OwlArguments.ts';
import { isConstruct, OwlArguments } from './OwlArguments.ts';
import type { OwlGraph, RdfObject, Resource } from './OwlGraph.ts';
import { annotate, writeMainTriples, type Triple } from './owlAnnotations.ts';
import { classExpression } from './classExpressions.ts';
import { dataRange } from './dataRanges.ts';
import { owlKeywords } from './owlKeywords.ts';
import { annotationProperty, annotationSubject, annotationValue, dataProperty, entity, entityIri, fail, individual, invertedProperty, literal, objectProperty, plainIri } from './owlEntities.ts';
import { translateRule } from './swrlRules.ts';
import { owl, rdf, rdfs } from './rdfVocabulary.ts';

/**
 * Writes the triples of one axiom of the document.
 *
 * @example translateAxiom(subClassOf, graph, 'pizza.ofn'); // writes <A> rdfs:subClassOf <B>
 */
export function translateAxiom(axiom: OwlConstruct, graph: OwlGraph, file: string | undefined): void {
  const args = new OwlArguments(axiom, graph, file, { annotated: true });
  const translate = Object.hasOwn(axioms, axiom.name) ? axioms[axiom.name] : undefined;
  if (!translate) {
    const message = owlKeywords.has(axiom.name) ? `${axiom.name} is not an axiom: an ontology holds axioms only` : `Unknown construct ${axiom.name}: expected an axiom`;
    throw new OntomeshError('RDF_SYNTAX', message, { file, line: axiom.line, column: axiom.column });
  }
  translate(args);
  args.end();
}

/** Writes the main triples of the axiom read from `args`. */
function main(args: OwlArguments, ...triples: Triple[]): void {
  writeMainTriples(triples, args);
}

/** Writes the axiom's annotations on its main blank node. */
function mainNode(args: OwlArguments, node: Resource): void {
  for (const annotation of args.annotations) annotate(node, annotation, args.graph, args.file);
}

/** `x1 p x2`, `x2 p x3`, …: the n-ary equivalences and SameIndividual. */
function chain(args: OwlArguments, read: ArgumentReader<Resource>, expected: string, predicate: NamedNode): void {
  const items = args.many(read, expected, 2);
  main(args, ...items.slice(1).map((item, index): Triple => [items[index]!, predicate, item]));
}

/** Two operands: `x1 pairwise x2`; more: a node of `allType` with the list of its members. */
function pairwiseOrAll(args: OwlArguments, read: ArgumentReader<Resource>, expected: string, pairwise: NamedNode, allType: NamedNode, members: NamedNode): void {
  const items = args.many(read, expected, 2);
  if (items.length === 2) main(args, [items[0]!, pairwise, items[1]!]);
  else mainNode(args, args.graph.typedNode(allType, [[members, args.graph.list(items)]]));
}

/** `subject predicate object`, both read in order. */
function binary(predicate: NamedNode, subject: [ArgumentReader<Resource>, string], object: [ArgumentReader<RdfObject>, string]): (args: OwlArguments) => void {
  return (args) => main(args, [args.one(...subject), predicate, args.one(...object)]);
}

/** A property characteristic: `property rdf:type type`. */
function characteristic(type: string, property: [ArgumentReader<Resource>, string] = objectPropertyArgument): (args: OwlArguments) => void {
  return (args) => main(args, [args.one(...property), rdf('type'), owl(type)]);
}

const classArgument: [ArgumentReader<Resource>, string] = [classExpression, 'a class expression'];
const objectPropertyArgument: [ArgumentReader<Resource>, string] = [objectProperty, 'an object property expression'];
const dataPropertyArgument: [ArgumentReader<Resource>, string] = [dataProperty, 'a data property'];
const annotationPropertyArgument: [ArgumentReader<Resource>, string] = [annotationProperty, 'an annotation property'];
const individualArgument: [ArgumentReader<Resource>, string] = [individual, 'an individual'];

/** The rdf:type a Declaration gives each entity type. */
const declaredTypes: Record<EntityType, NamedNode> = {
  Class: owl('Class'),
  Datatype: rdfs('Datatype'),
  ObjectProperty: owl('ObjectProperty'),
  DataProperty: owl('DatatypeProperty'),
  AnnotationProperty: owl('AnnotationProperty'),
  NamedIndividual: owl('NamedIndividual'),
};

/** A negative property assertion: a node naming source, property and target. */
function negativeAssertion(args: OwlArguments, property: [ArgumentReader<Resource>, string], target: [ArgumentReader<RdfObject>, string], targetPredicate: NamedNode): void {
  const assertionProperty = args.one(...property);
  const source = args.one(...individualArgument);
  mainNode(args, args.graph.typedNode(owl('NegativePropertyAssertion'), [
    [owl('sourceIndividual'), source],
    [owl('assertionProperty'), assertionProperty],
    [targetPredicate, args.one(...target)],
  ]));
}

const axioms: Readonly<Record<string, (args: OwlArguments) => void>> = {
  Declaration: (args) => {
    const declared = args.one((node) => node, 'an entity');
    const type = isConstruct(declared) && entityTypes.has(declared.name) ? (declared.name as EntityType) : undefined;
    if (!type) throw args.unexpected(declared, 'an entity such as Class(<iri>)');
    main(args, [entityIri(declared, type, args)!, rdf('type'), declaredTypes[type]]);
  },
  SubClassOf: binary(rdfs('subClassOf'), classArgument, classArgument),
  EquivalentClasses: (args) => chain(args, classExpression, 'class expressions', owl('equivalentClass')),
  DisjointClasses: (args) => pairwiseOrAll(args, classExpression, 'class expressions', owl('disjointWith'), owl('AllDisjointClasses'), owl('members')),
  DisjointUnion: (args) => main(args, [args.one(entity('Class'), 'a class'), owl('disjointUnionOf'), args.graph.list(args.many(classExpression, 'class expressions', 2))]),

  SubObjectPropertyOf: (args) => {
    const sub = args.one((node) => node, 'an object property expression or ObjectPropertyChain');
    const sup = args.one(...objectPropertyArgument);
    if (isConstruct(sub, 'ObjectPropertyChain')) main(args, [sup, owl('propertyChainAxiom'), propertyChain(args.of(sub))]);
    else main(args, [objectProperty(sub, args), rdfs('subPropertyOf'), sup]);
  },
  EquivalentObjectProperties: (args) => chain(args, objectProperty, 'object property expressions', owl('equivalentProperty')),
  DisjointObjectProperties: (args) => pairwiseOrAll(args, objectProperty, 'object property expressions', owl('propertyDisjointWith'), owl('AllDisjointProperties'), owl('members')),
  ObjectPropertyDomain: binary(rdfs('domain'), objectPropertyArgument, classArgument),
  ObjectPropertyRange: binary(rdfs('range'), objectPropertyArgument, classArgument),
  InverseObjectProperties: binary(owl('inverseOf'), objectPropertyArgument, objectPropertyArgument),
  FunctionalObjectProperty: characteristic('FunctionalProperty'),
  InverseFunctionalObjectProperty: characteristic('InverseFunctionalProperty'),
  ReflexiveObjectProperty: characteristic('ReflexiveProperty'),
  IrreflexiveObjectProperty: characteristic('IrreflexiveProperty'),
  SymmetricObjectProperty: characteristic('SymmetricProperty'),
  AsymmetricObjectProperty: characteristic('AsymmetricProperty'),
  TransitiveObjectProperty: characteristic('TransitiveProperty'),

  SubDataPropertyOf: binary(rdfs('subPropertyOf'), dataPropertyArgument, dataPropertyArgument),
  EquivalentDataProperties: (args) => chain(args, dataProperty, 'data properties', owl('equivalentProperty')),
  DisjointDataProperties: (args) => pairwiseOrAll(args, dataProperty, 'data properties', owl('propertyDisjointWith'), owl('AllDisjointProperties'), owl('members')),
  DataPropertyDomain: binary(rdfs('domain'), dataPropertyArgument, classArgument),
  DataPropertyRange: binary(rdfs('range'), dataPropertyArgument, [dataRange, 'a data range']),
  FunctionalDataProperty: characteristic('FunctionalProperty', dataPropertyArgument),

  DatatypeDefinition: binary(owl('equivalentClass'), [entity('Datatype'), 'a datatype'], [dataRange, 'a data range']),
  HasKey: (args) => {
    const keyed = args.one(...classArgument);
    const objectProperties = args.one(group(objectProperty, 'object property expressions'), 'the object properties of the key, in parentheses');
    const dataProperties = args.one(group(dataProperty, 'data properties'), 'the data properties of the key, in parentheses');
    main(args, [keyed, owl('hasKey'), args.graph.list([...objectProperties, ...dataProperties])]);
  },

  SameIndividual: (args) => chain(args, individual, 'individuals', owl('sameAs')),
  // The OWL API writes owl:distinctMembers (the spec's reverse mapping reads it as owl:members),
  // and so do Protégé's RDF/XML files: the same triples whichever syntax the ontology came in.
  DifferentIndividuals: (args) => pairwiseOrAll(args, individual, 'individuals', owl('differentFrom'), owl('AllDifferent'), owl('distinctMembers')),
  ClassAssertion: (args) => {
    const type = args.one(...classArgument);
    main(args, [args.one(...individualArgument), rdf('type'), type]);
  },
  ObjectPropertyAssertion: (args) => {
    const property = args.one((node) => node, 'an object property expression');
    const source = args.one(...individualArgument);
    const target = args.one(...individualArgument);
    // With ObjectInverseOf(P) the assertion is written the other way round, with P itself.
    if (isConstruct(property, 'ObjectInverseOf')) main(args, [target, invertedProperty(property, args), source]);
    else main(args, [source, entity('ObjectProperty')(property, args), target]);
  },
  NegativeObjectPropertyAssertion: (args) => negativeAssertion(args, objectPropertyArgument, individualArgument, owl('targetIndividual')),
  DataPropertyAssertion: (args) => {
    const property = args.one(dataProperty, 'a data property');
    main(args, [args.one(...individualArgument), property, args.one(literal, 'a literal')]);
  },
  NegativeDataPropertyAssertion: (args) => negativeAssertion(args, dataPropertyArgument, [literal, 'a literal'], owl('targetValue')),

  AnnotationAssertion: (args) => {
    const property = args.one(annotationProperty, 'an annotation property');
    main(args, [args.one(annotationSubject, 'an IRI or anonymous individual'), property, args.one(annotationValue, 'an annotation value')]);
  },
  SubAnnotationPropertyOf: binary(rdfs('subPropertyOf'), annotationPropertyArgument, annotationPropertyArgument),
  AnnotationPropertyDomain: binary(rdfs('domain'), annotationPropertyArgument, [plainIri, 'an IRI']),
  AnnotationPropertyRange: binary(rdfs('range'), annotationPropertyArgument, [plainIri, 'an IRI']),

  DLSafeRule: (args) => mainNode(args, translateRule(args)),
};

/** ObjectPropertyChain(P1 … Pn), as the list it becomes. */
function propertyChain(args: OwlArguments): Resource {
  return args.graph.list(args.many(objectProperty, 'object property expressions', 2));
}

/** A reader of HasKey's parenthesised group of properties. */
function group(read: ArgumentReader<Resource>, expected: string): ArgumentReader<Resource[]> {
  return (node, args) => node.type === 'group' ? node.items.map((item) => read(item, args)) : fail(args.unexpected(node, `a parenthesised list of ${expected}`));
}
