import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { contractIri, importDescriptor, linkProducts, portIri, productIri } from '../../src/mesh/index.ts';
import { failure, importFile, lineOf, products, read, text } from './helpers.ts';

const simple = join(products, 'odps/docs/examples/simple-data-product.odps.yaml');

describe('Bitol Open Data Product Standard', () => {
  it('imports the ODPS example with its ports and contracts', async () => {
    const doc = read(simple);
    const result = await importFile(simple);
    expect(result.format).toBe('odps-bitol');
    const [product] = result.products;
    expect(product).toMatchObject({ iri: productIri(undefined, doc.id), id: doc.id, name: doc.name, version: doc.version, status: doc.status, purpose: doc.description.purpose });
    expect(product!.lifecycleStatus).toBe('https://ekgf.github.io/dprod/data/lifecycle-status/Consume');
    expect(product!.tags).toEqual(doc.tags);
    expect(product!.inputPorts.map((port) => port.name)).toEqual(doc.inputPorts.map((port: any) => port.name));
    expect(product!.outputPorts.map((port) => port.name)).toEqual(doc.outputPorts.map((port: any) => port.name));
    expect(product!.inputPorts[0]!.contracts).toEqual([contractIri(doc.inputPorts[0].contractId)]);
    expect(product!.outputPorts[0]).toMatchObject({
      iri: portIri(product!.iri, 'output', doc.outputPorts[0].name),
      description: doc.outputPorts[0].description,
      protocol: doc.outputPorts[0].type,
      contracts: [contractIri(doc.outputPorts[0].contractId)],
    });
    expect(product!.contracts).toEqual([contractIri(doc.outputPorts[0].contractId)]);
  });

  it('links a product to the product whose output port provides the contract its input port consumes', async () => {
    const doc = read(simple);
    // An upstream product publishing the contract the example consumes.
    const upstreamDoc = { ...doc, id: 'upstream-product', inputPorts: [], outputPorts: [{ name: 'feed', version: '1.0.0', contractId: doc.inputPorts[0].contractId }] };
    const upstream = (await importDescriptor({ file: 'upstream.odps.yaml', content: stringify(upstreamDoc) })).products[0]!;
    const downstream = (await importFile(simple)).products[0]!;
    const { products: linked, links } = linkProducts([downstream, upstream]);
    expect(linked[0]!.derivedFrom).toEqual([upstream.iri]);
    expect(links).toEqual([{ downstream: downstream.iri, upstream: upstream.iri, inputPort: downstream.inputPorts[0]!.iri, outputPort: upstream.outputPorts[0]!.iri, via: 'contract', contract: contractIri(doc.inputPorts[0].contractId) }]);
  });

  it('rejects a port without its required contract id, at the port', async () => {
    const content = text(simple).replace('  contractId: 12345678-1234-1234-1234-123456789abc', '');
    const error = await failure(importFile(simple, content));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.details['field']).toBe('/inputPorts/0/contractId');
    expect(error.location).toMatchObject({ file: simple, line: lineOf(content, '- name: source-data'), column: 3 });
  });
});

/**
 * The fixtures hold no Linux Foundation ODPS document; this one follows the structure of the
 * specification's published examples (opendataproducts.org, v3.1/v4).
 */
const lfOdps = `schema: https://opendataproducts.org/v4.0/schema/odps.yaml
version: 4.0
product:
  contract:
    id: 02323M123
    type: ODCS
    contractVersion: 2.2.2
    contractURL: https://example.com/contracts/urbanpulse
  details:
    en:
      name: UrbanPulse Events
      productID: urbanpulse-events-001
      valueProposition: Real-time public event data
      description: Aggregated public event information
      visibility: internal
      status: production
      productVersion: 0.1.0
      categories: [city-events, tourism]
      tags: [smartcity, https://example.com/ontology/PublicEvent]
      type: dataset
  SLA:
    declarative:
      default:
        dimensions:
          - dimension: uptime
            objective: 90
            unit: percent
  dataAccess:
    API:
      outputPorttype: API
      specification: OAS
      format: JSON
      accessURL: https://example.com/api/events
      documentationURL: https://example.com/docs
  dataHolder:
    en:
      legalName: MindMote Oy
      email: contact@mindmote.fi
`;

describe('Linux Foundation Open Data Product Specification', () => {
  it('imports details, data access ports, contract, SLA and holder', async () => {
    const doc = parse(lfOdps);
    const result = await importDescriptor({ file: 'urbanpulse.yaml', content: lfOdps });
    expect(result.format).toBe('odps-lf');
    const [product] = result.products;
    const details = doc.product.details.en;
    expect(product).toMatchObject({ id: details.productID, name: details.name, purpose: details.valueProposition, version: details.productVersion, status: details.status });
    expect(product!.tags).toEqual(['smartcity', 'city-events', 'tourism']);
    expect(product!.concepts).toEqual(['https://example.com/ontology/PublicEvent']);
    expect(product!.outputPorts[0]).toMatchObject({ id: 'API', protocol: 'API', endpointUrl: 'https://example.com/api/events', format: 'JSON', contracts: [contractIri('02323M123')] });
    expect(product!.slos[0]).toMatchObject({ property: 'uptime', value: 90, unit: 'percent' });
    expect(product!.owner).toMatchObject({ id: 'MindMote Oy', kind: 'organization', email: 'contact@mindmote.fi' });
  });

  it('rejects a product without a productID', async () => {
    const content = lfOdps.replace('      productID: urbanpulse-events-001\n', '');
    const error = await failure(importDescriptor({ file: 'urbanpulse.yaml', content }));
    expect(error.details['field']).toBe('/product/details/en/productID');
    expect(error.location).toMatchObject({ file: 'urbanpulse.yaml', line: lineOf(content, 'name: UrbanPulse Events') });
  });
});
