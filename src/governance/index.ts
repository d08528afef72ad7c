/** Governance: policies checked over the mesh (personal data must not flow into a product that does not declare it). */
export { hasPersonalDataPredicates, isPersonalDataConcept, personalDataConcepts, type GovernedConcept } from './personalData.ts';
export {
  declaresPersonalData, personalDataFlowViolations, type FlowStep, type FlowStepKind, type GovernedDataset, type GovernedField, type GovernedMesh,
  type GovernedNode, type GovernedProduct, type PersonalDataFlowViolation,
} from './personalDataFlow.ts';
export { violationMessage, violationRecord, type NodeRecord, type ViolationRecord } from './violationReport.ts';
