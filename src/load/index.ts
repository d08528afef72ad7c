/** The load and export pipelines: what the CLI, the API and bench/ call. */
export { loadOntologies, type LoadOptions, type LoadProgress, type LoadSummary } from './loadOntologies.ts';
export { exportGraph, type ExportOptions } from './exportGraph.ts';
export { checkGraphId, graphIdFromIri, graphIdFromPath } from './graphId.ts';
