/**
 * Class expressions (the spec's Table 6): a class is its IRI, every other class expression a
 * blank node typed owl:Class (Boolean connectives, enumerations) or owl:Restriction (the rest),
 * cardinalities qualified (owl:onClass, owl:onDataRange) exactly when a filler is written.
 */
import type { Literal, NamedNode } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { ArgumentReader, OwlArguments } from './OwlArguments.ts';
import { translateConstruct } from './OwlArguments.ts';
import type { RdfObject, Resource } from './OwlGraph.ts';
import { cardinality, dataProperty, entityIri, individual, literal, objectProperty } from './owlEntities.ts';
import { dataRange } from './dataRanges.ts';
import { owl, xsd } from './rdfVocabulary.ts';

/** A class expression: a class or one of the class expression constructs. */
export const classExpression: ArgumentReader<Resource> = (node, args) => {
  const named = entityIri(node, 'Class', args);
  if (named) return named;
  return translateConstruct(node, args, classExpressions, 'a class expression');
};

const trueLiteral = DataFactory.literal('true', xsd('boolean'));

/** An owl:Restriction on `property`. */
function restriction(args: OwlArguments, property: Resource, ...properties: [NamedNode, RdfObject][]): Resource {
  return args.graph.typedNode(owl('Restriction'), [[owl('onProperty'), property], ...properties]);
}

/**
 * A cardinality restriction: `n property [filler]`, with `unqualified` (e.g. owl:minCardinality)
 * when there is no filler and `qualified` plus `onFiller` (owl:onClass or owl:onDataRange) when there is.
 */
function cardinalityRestriction(
  args: OwlArguments,
  property: ArgumentReader<Resource>,
  filler: ArgumentReader<Resource>,
  [unqualified, qualified, onFiller]: [string, string, string],
): Resource {
  const n: Literal = args.one(cardinality, 'a cardinality');
  const onProperty = args.one(property, 'a property');
  if (!args.more) return restriction(args, onProperty, [owl(unqualified), n]);
  return restriction(args, onProperty, [owl(qualified), n], [owl(onFiller), args.one(filler, 'a class expression or data range')]);
}

/** DataSomeValuesFrom and DataAllValuesFrom: one data property (owl:onProperty) or several (owl:onProperties), then a data range. */
function dataQuantifier(args: OwlArguments, quantifier: NamedNode): Resource {
  const properties = args.many(dataProperty, 'data properties', 1, 1);
  const range = args.one(dataRange, 'a data range');
  const on: [NamedNode, RdfObject] = properties.length === 1 ? [owl('onProperty'), properties[0]!] : [owl('onProperties'), args.graph.list(properties)];
  return args.graph.typedNode(owl('Restriction'), [on, [quantifier, range]]);
}

const min = ['minCardinality', 'minQualifiedCardinality'] as const;
const max = ['maxCardinality', 'maxQualifiedCardinality'] as const;
const exact = ['cardinality', 'qualifiedCardinality'] as const;

const classExpressions: Record<string, (args: OwlArguments) => Resource> = {
  ObjectIntersectionOf: (args) => args.graph.typedNode(owl('Class'), [[owl('intersectionOf'), args.graph.list(args.many(classExpression, 'class expressions', 2))]]),
  ObjectUnionOf: (args) => args.graph.typedNode(owl('Class'), [[owl('unionOf'), args.graph.list(args.many(classExpression, 'class expressions', 2))]]),
  ObjectComplementOf: (args) => args.graph.typedNode(owl('Class'), [[owl('complementOf'), args.one(classExpression, 'a class expression')]]),
  ObjectOneOf: (args) => args.graph.typedNode(owl('Class'), [[owl('oneOf'), args.graph.list(args.many(individual, 'individuals', 1))]]),
  ObjectSomeValuesFrom: (args) => restriction(args, args.one(objectProperty, 'an object property expression'), [owl('someValuesFrom'), args.one(classExpression, 'a class expression')]),
  ObjectAllValuesFrom: (args) => restriction(args, args.one(objectProperty, 'an object property expression'), [owl('allValuesFrom'), args.one(classExpression, 'a class expression')]),
  ObjectHasValue: (args) => restriction(args, args.one(objectProperty, 'an object property expression'), [owl('hasValue'), args.one(individual, 'an individual')]),
  ObjectHasSelf: (args) => restriction(args, args.one(objectProperty, 'an object property expression'), [owl('hasSelf'), trueLiteral]),
  ObjectMinCardinality: (args) => cardinalityRestriction(args, objectProperty, classExpression, [...min, 'onClass']),
  ObjectMaxCardinality: (args) => cardinalityRestriction(args, objectProperty, classExpression, [...max, 'onClass']),
  ObjectExactCardinality: (args) => cardinalityRestriction(args, objectProperty, classExpression, [...exact, 'onClass']),
  DataSomeValuesFrom: (args) => dataQuantifier(args, owl('someValuesFrom')),
  DataAllValuesFrom: (args) => dataQuantifier(args, owl('allValuesFrom')),
  DataHasValue: (args) => restriction(args, args.one(dataProperty, 'a data property'), [owl('hasValue'), args.one(literal, 'a literal')]),
  DataMinCardinality: (args) => cardinalityRestriction(args, dataProperty, dataRange, [...min, 'onDataRange']),
  DataMaxCardinality: (args) => cardinalityRestriction(args, dataProperty, dataRange, [...max, 'onDataRange']),
  DataExactCardinality: (args) => cardinalityRestriction(args, dataProperty, dataRange, [...exact, 'onDataRange']),
};
