/** The in-memory read model of a snapshot: concepts and the mesh, built from the store once per snapshot. */
export { ReadModels, snapshotKey } from './ReadModels.ts';
export { ReadModel, type ProductFilter } from './ReadModel.ts';
export { buildReadModel, localName } from './buildReadModel.ts';
export { FactIndex, type LangText } from './FactIndex.ts';
export { pickText } from './pickText.ts';
export { TextIndex, type TextMatch, type TextMatches } from './TextIndex.ts';
export { conceptLineage, type ConceptLineage, type DomainFlow } from './conceptLineage.ts';
export { downstreamOf, upstreamOf } from './lineageLinks.ts';
export { maxLineageDepth, walkLineage, type LineageDirection, type LineageGraph } from './lineageWalk.ts';
export type { ActivityNode, CatalogSource, LineageEdge, LineageLinks, PortLink, AgentNode, ConceptNode, DatasetNode, DomainNode, FieldNode, PortNode, ProductNode, PropertyKind, PropertyNode, SearchableNode } from './entities.ts';
