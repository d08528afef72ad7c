/**
 * The keywords of the OWL 2 functional-style syntax (and so the OWL/XML element names of constructs).
 */
import { entityTypes } from './OwlSyntax.ts';

/** The keywords of axioms (a SWRL rule's included): what stands at the top of an ontology, after its header. */
export const axiomKeywords: readonly string[] = [
  'Declaration', 'SubClassOf', 'EquivalentClasses', 'DisjointClasses', 'DisjointUnion', 'SubObjectPropertyOf',
  'EquivalentObjectProperties', 'DisjointObjectProperties', 'ObjectPropertyDomain', 'ObjectPropertyRange',
  'InverseObjectProperties', 'FunctionalObjectProperty', 'InverseFunctionalObjectProperty',
  'ReflexiveObjectProperty', 'IrreflexiveObjectProperty', 'SymmetricObjectProperty', 'AsymmetricObjectProperty',
  'TransitiveObjectProperty', 'SubDataPropertyOf', 'EquivalentDataProperties', 'DisjointDataProperties',
  'DataPropertyDomain', 'DataPropertyRange', 'FunctionalDataProperty', 'DatatypeDefinition', 'HasKey',
  'SameIndividual', 'DifferentIndividuals', 'ClassAssertion', 'ObjectPropertyAssertion',
  'NegativeObjectPropertyAssertion', 'DataPropertyAssertion', 'NegativeDataPropertyAssertion',
  'AnnotationAssertion', 'SubAnnotationPropertyOf', 'AnnotationPropertyDomain', 'AnnotationPropertyRange', 'DLSafeRule',
];

/**
 * Every keyword, SWRL's included: a construct named otherwise is unknown, one named so but in the
 * wrong place is misplaced, and the two get different errors.
 */
export const owlKeywords: ReadonlySet<string> = new Set([
  // entities and their parts
  ...entityTypes,
  'ObjectInverseOf', 'ObjectPropertyChain', 'Annotation',
  // data ranges
  'DataIntersectionOf', 'DataUnionOf', 'DataComplementOf', 'DataOneOf', 'DatatypeRestriction',
  // class expressions
  'ObjectIntersectionOf', 'ObjectUnionOf', 'ObjectComplementOf', 'ObjectOneOf', 'ObjectSomeValuesFrom',
  'ObjectAllValuesFrom', 'ObjectHasValue', 'ObjectHasSelf', 'ObjectMinCardinality', 'ObjectMaxCardinality',
  'ObjectExactCardinality', 'DataSomeValuesFrom', 'DataAllValuesFrom', 'DataHasValue', 'DataMinCardinality',
  'DataMaxCardinality', 'DataExactCardinality',
  ...axiomKeywords,
  // SWRL
  'Body', 'Head', 'Variable', 'ClassAtom', 'DataRangeAtom', 'ObjectPropertyAtom',
  'DataPropertyAtom', 'BuiltInAtom', 'SameIndividualAtom', 'DifferentIndividualsAtom',
]);
