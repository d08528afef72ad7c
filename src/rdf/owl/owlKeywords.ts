/**
 * Every keyword of the OWL 2 functional-style syntax (and so every OWL/XML element name of a
 * construct), SWRL's included: a construct named otherwise is unknown, one named so but in the
 * wrong place is misplaced, and the two get different errors.
 */
export const owlKeywords: ReadonlySet<string> = new Set([
  // entities and their parts
  'Class', 'Datatype', 'ObjectProperty', 'DataProperty', 'AnnotationProperty', 'NamedIndividual',
  'ObjectInverseOf', 'ObjectPropertyChain', 'Annotation',
  // data ranges
  'DataIntersectionOf', 'DataUnionOf', 'DataComplementOf', 'DataOneOf', 'DatatypeRestriction',
  // class expressions
  'ObjectIntersectionOf', 'ObjectUnionOf', 'ObjectComplementOf', 'ObjectOneOf', 'ObjectSomeValuesFrom',
  'ObjectAllValuesFrom', 'ObjectHasValue', 'ObjectHasSelf', 'ObjectMinCardinality', 'ObjectMaxCardinality',
  'ObjectExactCardinality', 'DataSomeValuesFrom', 'DataAllValuesFrom', 'DataHasValue', 'DataMinCardinality',
  'DataMaxCardinality', 'DataExactCardinality',
  // axioms
  'Declaration', 'SubClassOf', 'EquivalentClasses', 'DisjointClasses', 'DisjointUnion', 'SubObjectPropertyOf',
  'EquivalentObjectProperties', 'DisjointObjectProperties', 'ObjectPropertyDomain', 'ObjectPropertyRange',
  'InverseObjectProperties', 'FunctionalObjectProperty', 'InverseFunctionalObjectProperty',
  'ReflexiveObjectProperty', 'IrreflexiveObjectProperty', 'SymmetricObjectProperty', 'AsymmetricObjectProperty',
  'TransitiveObjectProperty', 'SubDataPropertyOf', 'EquivalentDataProperties', 'DisjointDataProperties',
  'DataPropertyDomain', 'DataPropertyRange', 'FunctionalDataProperty', 'DatatypeDefinition', 'HasKey',
  'SameIndividual', 'DifferentIndividuals', 'ClassAssertion', 'ObjectPropertyAssertion',
  'NegativeObjectPropertyAssertion', 'DataPropertyAssertion', 'NegativeDataPropertyAssertion',
  'AnnotationAssertion', 'SubAnnotationPropertyOf', 'AnnotationPropertyDomain', 'AnnotationPropertyRange',
  // SWRL
  'DLSafeRule', 'Body', 'Head', 'Variable', 'ClassAtom', 'DataRangeAtom', 'ObjectPropertyAtom',
  'DataPropertyAtom', 'BuiltInAtom', 'SameIndividualAtom', 'DifferentIndividualsAtom',
]);
