import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { contractToQuads, meshNamespaces as ns, productToQuads } from '../../src/mesh/index.ts';
import { validateDprodShapes } from '../../src/mesh/validation/dprodShapes.ts';
import { dprodExamples, importFile, products } from './helpers.ts';

const positives = [
  ...['data-schema', 'equity-trade', 'sba-pool-rates', 'data-quality'].map((name) => join(dprodExamples, name, 'example.jsonld')),
  join(products, 'odps/docs/examples/simple-data-product.odps.yaml'),
  ...['minimal.dpd.json'].map((name) => join(products, 'odm-dpds/examples', name)),
  ...['dpd-minimal.json', 'dpd-core.json', 'dpd-core-props-readonly.json', 'dpd-full.json'].map((name) => join(products, 'odm-platform-testcases/allinone', name)),
  join(products, 'odm-platform-testcases/references/dpd-core-external/dpd-core.json'),
  ...readdirSync(join(products, 'odcs/docs/examples'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml')).map((file) => join(products, 'odcs/docs/examples', file)),
  ...['covid-cases', 'muellimperium', 'time-example', 'variant-json-example'].map((name) => join(products, 'datacontract-specification/examples', name, 'datacontract.yaml')),
];

const objects = (quads: Quad[], subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);

describe('the mesh model as RDF', () => {
  it.each(positives)('writes DPROD that conforms to the DPROD shapes for %s', async (file) => {
    const { quads } = await importFile(file);
    await expect(validateDprodShapes(quads, file, () => undefined)).resolves.toBeUndefined();
  });

  it.each(positives)('is idempotent: importing %s again yields the same graph', async (file) => {
    const first = await importFile(file);
    const second = await importFile(file);
    expect(isomorphic(first.quads, second.quads)).toBe(true);
    expect(second.quads.map(String)).toEqual(first.quads.map(String));
  });

  it('writes products, ports, datasets and fields in DPROD, DCAT and mesh terms', async () => {
    const { products: [product], quads } = await importFile(join(products, 'odm-platform-testcases/allinone/dpd-full.json'));
    const p = product!.iri;
    expect(objects(quads, p, `${ns.rdf}type`)).toEqual([`${ns.dprod}DataProduct`]);
    expect(objects(quads, p, `${ns.dprod}inputPort`)).toEqual(product!.inputPorts.map((port) => port.iri));
    expect(objects(quads, p, `${ns.dprod}outputPort`)).toEqual(product!.outputPorts.map((port) => port.iri));
    expect(objects(quads, p, `${ns.dprod}domain`)).toEqual([product!.domain!.iri]);
    expect(objects(quads, p, `${ns.dprod}dataProductOwner`)).toEqual([product!.owner!.iri]);
    expect(objects(quads, product!.owner!.iri, `${ns.rdf}type`)).toEqual([`${ns.prov}Agent`, `${ns.prov}Person`]);
    const port = product!.inputPorts[0]!;
    expect(objects(quads, port.iri, `${ns.rdf}type`)).toEqual([`${ns.dcat}DataService`]);
    expect(objects(quads, port.iri, `${ns.dcat}keyword`)).toEqual(port.tags);
    expect(objects(quads, port.iri, `${ns.mesh}serviceLevelObjective`)).toEqual(port.slos.map((slo) => slo.iri));
  });

  it('writes contract datasets conforming to their contract, with typed fields', async () => {
    const { contracts: [contract] } = await importFile(join(products, 'odcs/docs/examples/schema/all-schema-types.odcs.yaml'));
    const quads = contractToQuads(contract!);
    const table = contract!.datasets[0]!;
    expect(objects(quads, contract!.iri, `${ns.rdf}type`)).toEqual([`${ns.mesh}DataContract`, `${ns.dct}Standard`]);
    expect(objects(quads, table.iri, `${ns.dct}conformsTo`)).toEqual([contract!.iri]);
    expect(objects(quads, table.iri, `${ns.mesh}field`)).toEqual(table.fields.map((field) => field.iri));
    expect(objects(quads, table.iri, `${ns.dct}subject`)).toEqual(table.concepts);
    const rcvr = table.fields.find((field) => field.name === 'rcvr_id')!;
    expect(objects(quads, rcvr.iri, `${ns.mesh}datatype`)).toEqual([`${ns.xsd}string`]);
    expect(objects(quads, rcvr.iri, `${ns.mesh}nullable`)).toEqual(['true']);
    expect(objects(quads, rcvr.iri, `${ns.mesh}primaryKey`)).toEqual(['true']);
  });

  it('writes lifecycle statuses as DPROD lifecycle individuals', async () => {
    const { products: [product] } = await importFile(join(products, 'odps/docs/examples/simple-data-product.odps.yaml'));
    const quads = productToQuads(product!);
    expect(objects(quads, product!.iri, `${ns.dprod}lifecycleStatus`)).toEqual(['https://ekgf.github.io/dprod/data/lifecycle-status/Consume']);
    expect(objects(quads, 'https://ekgf.github.io/dprod/data/lifecycle-status/Consume', `${ns.rdf}type`)).toEqual([`${ns.dprod}DataProductLifecycleStatus`]);
  });
});
