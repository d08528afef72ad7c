/** The public surface of src/ontology: the OWL view of a graph and its entailment closure. */
export { OwlViewBuilder } from './OwlViewBuilder.ts';
export { characteristicOfType, type OwlCounts } from './buildOwlView.ts';
export type {
  Annotated,
  ClassInfo,
  IndividualInfo,
  LangValues,
  OntologyInfo,
  OwlView,
  PropertyCharacteristic,
  PropertyInfo,
  PropertyKind,
} from './OwlView.ts';
export { Entailment, type EntailedFact } from './Entailment.ts';
export { diffOntologies, type AttributeChange, type ChangeKind, type OntologyDiff, type TermChange, type TermKind } from './diffOntologies.ts';
