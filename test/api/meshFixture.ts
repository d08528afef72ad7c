/**
 * A small real mesh for the GraphQL tests: the demo ontology (./ontology) as graph `demo`, and as
 * graph `mesh` 60 generated data products in three domains written by src/mesh's productToQuads
 * (the triples a registered descriptor gets), plus two real descriptors imported by src/mesh with
 * concept annotations in their formats' own places: a DPDS product whose datastore table and column
 * are tagged with concept IRIs, and a Data Contract Specification contract whose field `$ref`s a concept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { parse, stringify } from 'yaml';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import {
  agentIri, datasetIri, distributionIri, domainIri, fieldIri, importDescriptor, lifecycleStatusIri, portIri, productIri, productToQuads,
  xsdDatatypeOf, type DataProductModel, type Field,
} from '../../src/mesh/index.ts';
import { fixture, repoRoot } from '../load/helpers.ts';

export const demo = 'https://w3id.org/ontomesh/demo/';
export const c = {
  party: `${demo}core#Party`,
  person: `${demo}core#Person`,
  organization: `${demo}core#Organization`,
  address: `${demo}core#Address`,
  customer: `${demo}customer#Customer`,
  retailCustomer: `${demo}customer#RetailCustomer`,
  businessCustomer: `${demo}customer#BusinessCustomer`,
  client: `${demo}customer#Client`,
  order: `${demo}sales#Order`,
  orderLine: `${demo}sales#OrderLine`,
  invoice: `${demo}sales#Invoice`,
  shipment: `${demo}logistics#Shipment`,
  parcel: `${demo}logistics#Parcel`,
  carrier: `${demo}logistics#Carrier`,
} as const;

/** The generated domains: id, label, what products are about, and the concepts they cycle through. */
export const meshDomains = [
  { id: 'customer', label: 'Customer', subjects: ['profiles', 'segments', 'churn scores', 'addresses'], concepts: [c.retailCustomer, c.businessCustomer, c.customer, c.address] },
  { id: 'sales', label: 'Sales', subjects: ['orders', 'order lines', 'invoices', 'revenue'], concepts: [c.order, c.orderLine, c.invoice, c.customer] },
  { id: 'logistics', label: 'Logistics', subjects: ['shipments', 'parcels', 'carrier performance'], concepts: [c.shipment, c.parcel, c.carrier] },
] as const;

export const productsPerDomain = 20;
const statuses = ['active', 'active', 'draft', 'deprecated'];
const cadences = ['daily', 'weekly', 'monthly', 'hourly', 'quarterly'];

/** The i-th product of a domain: deterministic, with one output port, one dataset and three fields. */
export function generatedProduct(d: number, i: number): DataProductModel {
  const domain = meshDomains[d]!;
  const subject = domain.subjects[i % domain.subjects.length]!;
  const cadence = cadences[i % cadences.length]!;
  const id = `${subject.replaceAll(' ', '-')}-${cadence}-${i}`;
  const iri = productIri(domain.id, id);
  const concept = domain.concepts[i % domain.concepts.length]!;
  const datasetId = subject.replaceAll(' ', '-');
  const dataset = datasetIri(iri, datasetId);
  const field = (name: string, type: string, extra: Partial<Field> = {}): Field => ({
    iri: fieldIri(dataset, name), name, datatype: type, xsdDatatype: xsdDatatypeOf(type), tags: [], concepts: [], links: [], fields: [], ...extra,
  });
  const port = portIri(iri, 'output', 'rest');
  const status = statuses[i % statuses.length]!;
  return {
    iri, id, name: `${cadence[0]!.toUpperCase()}${cadence.slice(1)} ${subject} ${String(i).padStart(2, '0')}`,
    description: `${subject} of the ${domain.label} domain, published ${cadence}.`, version: `1.${i}.0`,
    status, lifecycleStatus: lifecycleStatusIri(status),
    domain: { iri: domainIri(domain.id), id: domain.id, name: domain.label },
    owner: { iri: agentIri(`${domain.id}-team`), id: `${domain.id}-team`, kind: 'team', name: `${domain.label} data team`, email: `${domain.id}@mesh.example.com` },
    tags: [domain.id, cadence], concepts: [concept], links: [],
    inputPorts: [], contracts: [], slos: [], derivedFrom: [], source: { format: 'dprod', file: 'generated' },
    outputPorts: [{
      iri: port, kind: 'output', id: 'rest', name: `${subject} API`, protocol: 'rest-services', endpointUrl: `https://api.example.com/${domain.id}/${id}`,
      tags: [], contracts: [], conformsTo: [], slos: [],
      distributions: [{
        iri: distributionIri(port, datasetId), format: 'application/json', conformsTo: [],
        dataset: {
          iri: dataset, id: datasetId, title: `${subject} dataset`, conformsTo: [], tags: [], concepts: i % 2 === 0 ? [concept] : [], links: [],
          fields: [
            field(`${datasetId.replaceAll('-', '_')}_id`, 'string', { nullable: false, primaryKey: true }),
            field('party_name', 'string', { nullable: true, concepts: i % 3 === 0 ? [c.party] : [] }),
            field('created_at', 'timestamp'),
          ],
        },
      }],
    }],
  };
}

/** The DPDS all-in-one example with its first output port's datastore table and a column tagged with concepts. */
async function dpdsProduct() {
  const doc = JSON.parse(readFileSync(fixture('data-products/odm-platform-testcases/allinone/dpd-core.json'), 'utf8'));
  const api = doc.interfaceComponents.outputPorts[0].promises.api;
  api.specification = 'datastoreapi';
  api.definition = {
    datastoreapi: '1.0.0',
    schema: { tables: [{ name: 'shipments', definition: { tags: [c.shipment], columns: [
      { name: 'carrier_name', dataType: 'VARCHAR', columnConstraint: 'NOT_NULL', tags: [c.carrier, 'pii'] },
      { name: 'weight', dataType: 'DECIMAL' },
    ] } }] },
  };
  return importDescriptor({ file: 'annotated-dpd.json', content: JSON.stringify(doc) });
}

/** The covid-cases Data Contract Specification example with a field that `$ref`s a concept. */
async function dcsContract() {
  const doc = parse(readFileSync(fixture('data-products/datacontract-specification/examples/covid-cases/datacontract.yaml'), 'utf8'));
  doc.models.covid_cases.fields.country_region.$ref = c.address;
  return importDescriptor({ file: 'annotated-dcs.yaml', content: stringify(doc) });
}

/** All quads of the generated mesh and the two descriptors. */
export async function meshQuads(): Promise<Quad[]> {
  const quads: Quad[] = [];
  meshDomains.forEach((_, d) => {
    for (let i = 0; i < productsPerDomain; i++) quads.push(...productToQuads(generatedProduct(d, i)));
  });
  quads.push(...(await dpdsProduct()).quads, ...(await dcsContract()).quads);
  return quads;
}

/** Writes quads as N-Triples into `dir` and returns the file. */
export function writeNTriples(dir: string, name: string, quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  writer.addQuads([...quads]);
  let text = '';
  writer.end((error, result) => {
    if (error) throw error;
    text = result;
  });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Loads the demo ontology (graph `demo`) and the mesh (graph `mesh`) into `store`. */
export async function loadDemoMesh(store: GraphStore, dir: string): Promise<void> {
  const options = { missingImports: 'error' as const, allowRemoteImports: [] };
  await loadOntologies(store, [join(repoRoot, 'ontology')], { ...options, id: 'demo' });
  await loadOntologies(store, [writeNTriples(dir, 'mesh.nt', await meshQuads())], { ...options, id: 'mesh' });
}
