/** The public surface of src/mesh: the mesh model, descriptor import, the model as RDF, lineage. */
export { importDescriptor, DESCRIPTOR_BASE, type DescriptorInput } from './importDescriptor.ts';
export { productToQuads, contractToQuads, datasetToQuads, domainToQuads } from './productToQuads.ts';
export { TripleWriter } from './TripleWriter.ts';
export { linkProducts, type LineageLink } from './lineage.ts';
export { agentIri, contractIri, datasetIri, distributionIri, domainIri, fieldIri, nestedFieldIri, portIri, productIri, segment, sloIri } from './iris.ts';
export { DPROD_CONTEXT_URL, dprodContext } from './dprodContext.ts';
export { MESH_BASE, ns as meshNamespaces, lifecycleStatusIri, xsdDatatypeOf } from './vocabulary.ts';
export type { ReferenceReader } from './source/resolveReferences.ts';
export type {
  DataContractModel, DataProductModel, Dataset, DescriptorFormat, Distribution, Domain, Field, ImportResult, Owner, Port,
  ServiceLevelObjective, SourceRef,
} from './model.ts';
