/** The load and export pipelines: what the CLI, the API and bench/ call. */
export { loadOntologies, type LoadOptions, type LoadSummary } from './loadOntologies.ts';
export { readOntologies, type FactSink, type LoadProgress, type ReadHooks, type ReadOptions, type ReadResult, type ReadStats } from './readOntologies.ts';
export { exportGraph, type ExportOptions } from './exportGraph.ts';
export { activateVersion, type Activation } from './activateVersion.ts';
export { checkGraphId, graphIdFromIri, graphIdFromPath } from './graphId.ts';
export { checkBaseIri } from './baseIri.ts';
export { registerProducts, type RegisterOptions, type RegisterSummary, type RegisteredDescriptor } from './registerProducts.ts';
export { unregisterProducts, type UnregisteredDescriptor, type UnregisterOptions, type UnregisterSummary } from './unregisterProducts.ts';
export type { RegistrationKey } from './changeRegistrations.ts';
export {
  findRegistration, lineageGraph, PRODUCT_GRAPH_PREFIX, productGraphId, readProductGraphs, REGISTRATION_ORIGIN, registrationGraph, registrationsOf,
  type ProductGraph, type RegistrationKind, type RegistrationRecord,
} from './productRegistry.ts';
export { readDescriptorFiles } from './readDescriptorFiles.ts';
export { PURVIEW_GRAPH_ID, syncPurview, type SyncSummary } from './syncPurview.ts';
