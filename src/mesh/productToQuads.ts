/**
 * The mesh model as RDF: products, ports and datasets in EKGF DPROD and W3C DCAT 3 terms, owners
 * and lineage in PROV-O, annotations as dct:subject, and ontomesh terms (mesh:) only where no
 * standard one exists (fields, contracts, service-level objectives). The README's "RDF" section
 * documents every triple written here.
 */
import type { Quad } from '@rdfjs/types';
import type { DataContractModel, DataProductModel, Dataset, Distribution, Domain, Field, Owner, Port, ServiceLevelObjective } from './model.ts';
import { MESH_BASE, ns } from './vocabulary.ts';
import { segment } from './iris.ts';
import { TripleWriter } from './TripleWriter.ts';

const { dprod, dcat, dct, prov, rdfs, foaf, mesh } = ns;

/**
 * The triples of a data product: the product, its domain, owner, ports, distributions, datasets,
 * fields, service-level objectives and upstream products.
 *
 * @example
 * const quads = productToQuads(result.products[0]);
 */
export function productToQuads(product: DataProductModel, writer = new TripleWriter()): Quad[] {
  const p = product.iri;
  writer.type(p, `${dprod}DataProduct`);
  writer.value(p, `${rdfs}label`, product.name ?? product.title ?? ownId(product));
  writer.value(p, `${dct}title`, product.title);
  writer.value(p, `${dct}identifier`, ownId(product));
  writer.value(p, `${dct}description`, product.description);
  writer.value(p, `${dprod}purpose`, product.purpose);
  writer.value(p, `${dcat}version`, product.version);
  writeStatus(writer, p, product.status, product.lifecycleStatus);
  if (product.domain) writer.link(p, `${dprod}domain`, writeDomain(writer, product.domain));
  if (product.owner) writer.link(p, `${dprod}dataProductOwner`, writeOwner(writer, product.owner));
  writeAnnotations(writer, p, product);
  for (const port of product.inputPorts) {
    writer.link(p, `${dprod}inputPort`, writePort(writer, port));
    for (const distribution of port.distributions) writer.link(p, `${dprod}inputDataset`, distribution.dataset?.iri);
  }
  for (const port of product.outputPorts) {
    writer.link(p, `${dprod}outputPort`, writePort(writer, port));
    for (const distribution of port.distributions) writer.link(p, `${dprod}outputDataset`, distribution.dataset?.iri);
  }
  for (const contract of product.contracts) writer.link(p, `${mesh}contract`, contract);
  for (const slo of product.slos) writer.link(p, `${mesh}serviceLevelObjective`, writeSlo(writer, slo));
  for (const upstream of product.derivedFrom) writer.link(p, `${prov}wasDerivedFrom`, upstream);
  return writer.quads;
}

/**
 * The triples of a data contract: the contract (a dct:Standard), its datasets (each dct:conformsTo
 * the contract), their fields and the contract's service-level objectives.
 *
 * @example
 * const quads = contractToQuads(result.contracts[0]);
 */
export function contractToQuads(contract: DataContractModel, writer = new TripleWriter()): Quad[] {
  const c = contract.iri;
  writer.type(c, `${mesh}DataContract`, `${dct}Standard`);
  writer.value(c, `${rdfs}label`, contract.name ?? contract.id);
  writer.value(c, `${dct}identifier`, contract.id);
  writer.value(c, `${dct}description`, contract.description);
  writer.value(c, `${dcat}version`, contract.version);
  writer.value(c, `${mesh}status`, contract.status);
  if (contract.domain) writer.link(c, `${mesh}domain`, writeDomain(writer, contract.domain));
  if (contract.owner) writer.link(c, `${prov}wasAttributedTo`, writeOwner(writer, contract.owner));
  writer.value(c, `${mesh}dataProduct`, contract.product);
  writeAnnotations(writer, c, contract);
  for (const dataset of contract.datasets) {
    writeDataset(writer, dataset);
    writer.link(dataset.iri, `${dct}conformsTo`, c);
  }
  for (const slo of contract.slos) writer.link(c, `${mesh}serviceLevelObjective`, writeSlo(writer, slo));
  return writer.quads;
}

/**
 * The triples of a dataset on its own (one no product or contract holds, e.g. a catalog asset): the
 * dataset, its fields and their lineage.
 *
 * @example
 * const quads = datasetToQuads(dataset);
 */
export function datasetToQuads(dataset: Dataset, writer = new TripleWriter()): Quad[] {
  writeDataset(writer, dataset);
  return writer.quads;
}

/**
 * The triples of a domain on its own (one a product names is written with it): its type and label.
 *
 * @example
 * domainToQuads({ iri: domainIri('sales'), id: 'sales' }, writer);
 */
export function domainToQuads(domain: Domain, writer = new TripleWriter()): Quad[] {
  writeDomain(writer, domain);
  return writer.quads;
}

/** The descriptor's own identifier of an entity, when it is not just its IRI. */
function ownId(entity: { id: string; iri: string }): string | undefined {
  return entity.id === entity.iri ? undefined : entity.id;
}

function writeStatus(writer: TripleWriter, subject: string, status: string | undefined, lifecycleStatus: string | undefined): void {
  if (lifecycleStatus) {
    writer.link(subject, `${dprod}lifecycleStatus`, lifecycleStatus);
    writer.type(lifecycleStatus, `${dprod}DataProductLifecycleStatus`);
    writer.value(lifecycleStatus, `${rdfs}label`, lifecycleStatus.slice(lifecycleStatus.lastIndexOf('/') + 1));
  } else {
    writer.value(subject, `${mesh}status`, status);
  }
}

function writeDomain(writer: TripleWriter, domain: Domain): string {
  writer.type(domain.iri, `${mesh}Domain`);
  writer.value(domain.iri, `${rdfs}label`, domain.name ?? domain.id);
  return domain.iri;
}

function writeOwner(writer: TripleWriter, owner: Owner): string {
  writer.type(owner.iri, `${prov}Agent`, owner.kind === 'person' ? `${prov}Person` : `${prov}Organization`);
  writer.value(owner.iri, `${rdfs}label`, owner.name ?? owner.id);
  if (owner.email) writer.link(owner.iri, `${foaf}mbox`, `mailto:${owner.email}`);
  return owner.iri;
}

function writeAnnotations(writer: TripleWriter, subject: string, entity: { tags: string[]; concepts: string[]; links: string[] }): void {
  for (const tag of entity.tags) writer.value(subject, `${dcat}keyword`, tag);
  for (const concept of entity.concepts) writer.link(subject, `${dct}subject`, concept);
  for (const link of entity.links) writer.iriOrValue(subject, `${rdfs}seeAlso`, link);
}

function writePort(writer: TripleWriter, port: Port): string {
  const s = port.iri;
  writer.type(s, `${dcat}DataService`);
  writer.value(s, `${rdfs}label`, port.name ?? ownId(port));
  writer.value(s, `${dct}identifier`, ownId(port));
  writer.value(s, `${dct}description`, port.description);
  writer.value(s, `${dcat}version`, port.version);
  if (port.protocol) {
    // Not typed: DPROD leaves the class of a protocol open, and its shapes require a dcat:Protocol
    // that DCAT does not define (README, "RDF").
    const protocol = `${MESH_BASE}protocol/${segment(port.protocol)}`;
    writer.link(s, `${dprod}protocol`, protocol);
    writer.value(protocol, `${rdfs}label`, port.protocol);
  }
  writer.iriOrValue(s, `${dcat}endpointURL`, port.endpointUrl);
  writer.iriOrValue(s, `${dcat}endpointDescription`, port.endpointDescription);
  writer.iriOrValue(s, `${dct}format`, port.format);
  for (const tag of port.tags) writer.value(s, `${dcat}keyword`, tag);
  for (const contract of port.contracts) writer.link(s, `${dct}conformsTo`, contract);
  for (const standard of port.conformsTo) writer.iriOrValue(s, `${dct}conformsTo`, standard);
  for (const distribution of port.distributions) {
    writer.link(s, `${dprod}isAccessServiceOf`, writeDistribution(writer, distribution));
    writer.link(distribution.iri, `${dcat}accessService`, s);
  }
  for (const slo of port.slos) writer.link(s, `${mesh}serviceLevelObjective`, writeSlo(writer, slo));
  return s;
}

function writeDistribution(writer: TripleWriter, distribution: Distribution): string {
  const s = distribution.iri;
  writer.type(s, `${dcat}Distribution`);
  writer.iriOrValue(s, `${dct}format`, distribution.format);
  for (const standard of distribution.conformsTo) writer.iriOrValue(s, `${dct}conformsTo`, standard);
  if (distribution.dataset) {
    writer.link(s, `${dprod}isDistributionOf`, writeDataset(writer, distribution.dataset));
    writer.link(distribution.dataset.iri, `${dcat}distribution`, s);
  }
  return s;
}

function writeDataset(writer: TripleWriter, dataset: Dataset): string {
  const s = dataset.iri;
  writer.type(s, `${dcat}Dataset`);
  writer.value(s, `${rdfs}label`, dataset.title ?? ownId(dataset));
  writer.value(s, `${dct}title`, dataset.title);
  writer.value(s, `${dct}identifier`, ownId(dataset));
  writer.value(s, `${dct}description`, dataset.description);
  for (const standard of dataset.conformsTo) writer.iriOrValue(s, `${dct}conformsTo`, standard);
  writeAnnotations(writer, s, dataset);
  for (const field of dataset.fields) writer.link(s, `${mesh}field`, writeField(writer, field));
  for (const upstream of dataset.derivedFrom ?? []) writer.link(s, `${prov}wasDerivedFrom`, upstream);
  return s;
}

function writeField(writer: TripleWriter, field: Field): string {
  const s = field.iri;
  writer.type(s, `${mesh}Field`);
  writer.value(s, `${rdfs}label`, field.name);
  writer.value(s, `${mesh}name`, field.name);
  writer.value(s, `${dct}title`, field.title);
  writer.value(s, `${dct}description`, field.description);
  writer.value(s, `${mesh}logicalType`, field.datatype);
  writer.link(s, `${mesh}datatype`, field.xsdDatatype);
  writer.value(s, `${mesh}physicalType`, field.physicalType);
  writer.value(s, `${mesh}nullable`, field.nullable);
  writer.value(s, `${mesh}primaryKey`, field.primaryKey);
  writer.value(s, `${mesh}classification`, field.classification);
  writer.value(s, `${mesh}pii`, field.pii);
  writeAnnotations(writer, s, field);
  for (const nested of field.fields) writer.link(s, `${mesh}field`, writeField(writer, nested));
  for (const upstream of field.derivedFrom ?? []) writer.link(s, `${prov}wasDerivedFrom`, upstream);
  return s;
}

function writeSlo(writer: TripleWriter, slo: ServiceLevelObjective): string {
  writer.type(slo.iri, `${mesh}ServiceLevelObjective`);
  writer.value(slo.iri, `${rdfs}label`, slo.property);
  writer.value(slo.iri, `${mesh}property`, slo.property);
  writer.value(slo.iri, `${ns.rdf}value`, slo.value);
  writer.value(slo.iri, `${mesh}unit`, slo.unit);
  writer.value(slo.iri, `${dct}description`, slo.description);
  return slo.iri;
}
