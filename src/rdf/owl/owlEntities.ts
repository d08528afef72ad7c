/**
 * Readers of the arguments that translate to an IRI, a blank node or a literal (the spec's
 * Tables 2 and 4): entities, which mean their IRI whether written bare or as `Class(<iri>)`,
 * object property expressions (ObjectInverseOf is a blank node with owl:inverseOf), individuals,
 * literals and annotation subjects and values.
 */
import type { Literal, NamedNode } from '@rdfjs/types';
import type { EntityType, OwlConstruct, OwlNode } from './OwlSyntax.ts';
import type { ArgumentReader, OwlArguments } from './OwlArguments.ts';
import { isConstruct } from './OwlArguments.ts';
import type { RdfObject, Resource } from './OwlGraph.ts';
import { owl } from './rdfVocabulary.ts';

const entityNames: Record<EntityType, string> = {
  Class: 'a class',
  Datatype: 'a datatype',
  ObjectProperty: 'an object property',
  DataProperty: 'a data property',
  AnnotationProperty: 'an annotation property',
  NamedIndividual: 'a named individual',
};

/** The IRI of `node` when it is a bare IRI or the entity construct `type(<iri>)`, else undefined. */
export function entityIri(node: OwlNode, type: EntityType, args: OwlArguments): NamedNode | undefined {
  if (node.type === 'iri') return args.graph.iri(node.iri);
  return isConstruct(node, type) ? args.of(node).single(plainIri, 'an IRI') : undefined;
}

/** A reader of an entity of one type. */
export function entity(type: EntityType): ArgumentReader<NamedNode> {
  return (node, args) => entityIri(node, type, args) ?? fail(args.unexpected(node, entityNames[type]));
}

/** A bare IRI (an ontology or a SWRL built-in, a facet, an annotation property's domain). */
export const plainIri: ArgumentReader<NamedNode> = (node, args) =>
  node.type === 'iri' ? args.graph.iri(node.iri) : fail(args.unexpected(node, 'an IRI'));

export const dataProperty = entity('DataProperty');
export const annotationProperty = entity('AnnotationProperty');

/** An object property or `ObjectInverseOf(P)`, a blank node `_:x owl:inverseOf P`. */
export const objectProperty: ArgumentReader<Resource> = (node, args) => {
  const named = entityIri(node, 'ObjectProperty', args);
  if (named) return named;
  if (!isConstruct(node, 'ObjectInverseOf')) throw args.unexpected(node, 'an object property expression');
  const inverse = args.graph.blank();
  args.graph.add(inverse, owl('inverseOf'), invertedProperty(node, args));
  return inverse;
};

/** The P of `ObjectInverseOf(P)`. */
export function invertedProperty(inverseOf: OwlConstruct, args: OwlArguments): NamedNode {
  return args.of(inverseOf).single(entity('ObjectProperty'), 'an object property');
}

/** A named individual (its IRI) or an anonymous individual (its blank node). */
export const individual: ArgumentReader<Resource> = (node, args) =>
  node.type === 'anonymous' ? args.graph.anonymous(node.nodeId) : entityIri(node, 'NamedIndividual', args) ?? fail(args.unexpected(node, 'an individual'));

export const literal: ArgumentReader<Literal> = (node, args) =>
  node.type === 'literal' ? args.graph.literal(node) : fail(args.unexpected(node, 'a literal'));

/** A cardinality: a literal whose value is a non-negative integer. */
export const cardinality: ArgumentReader<Literal> = (node, args) =>
  node.type === 'literal' && /^[0-9]+$/.test(node.value) ? args.graph.literal(node) : fail(args.unexpected(node, 'a non-negative integer'));

/** What an annotation is about: an IRI or an anonymous individual. */
export const annotationSubject: ArgumentReader<Resource> = (node, args) =>
  node.type === 'anonymous' ? args.graph.anonymous(node.nodeId) : plainIri(node, args);

/** An annotation's value: an IRI, an anonymous individual or a literal. */
export const annotationValue: ArgumentReader<RdfObject> = (node, args) =>
  node.type === 'literal' ? args.graph.literal(node) : node.type === 'anonymous' ? args.graph.anonymous(node.nodeId) : node.type === 'iri' ? args.graph.iri(node.iri) : fail(args.unexpected(node, 'an IRI, an anonymous individual or a literal'));

/** Throws `error`, in expression position. */
export function fail(error: Error): never {
  throw error;
}
