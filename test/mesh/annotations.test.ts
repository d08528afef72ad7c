/**
 * The annotation routes of the README's table, each exercised on a real example with the
 * annotation added (the upstream examples annotate little with IRIs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { importDescriptor, meshNamespaces as ns } from '../../src/mesh/index.ts';
import { dprodExamples, products, read } from './helpers.ts';

const TRADE = 'https://spec.edmcouncil.org/fibo/ontology/BP/Process/FinancialContextAndProcess/SecuritiesTrade';
const PARTY = 'https://spec.edmcouncil.org/fibo/ontology/FND/Parties/Parties/IndependentParty';

describe('annotations with ontology concepts', () => {
  it('DPROD: dcat:theme and dct:subject on products and datasets', async () => {
    const doc = read(join(dprodExamples, 'data-schema/example.jsonld'));
    doc.theme = TRADE;
    doc.outputPort.isAccessServiceOf.isDistributionOf.subject = PARTY;
    doc.keyword = 'equities';
    const result = await importDescriptor({ file: 'annotated.jsonld', content: JSON.stringify(doc) });
    const [product] = result.products;
    expect(product).toMatchObject({ concepts: [TRADE], tags: ['equities'] });
    expect(product!.outputPorts[0]!.distributions[0]!.dataset!.concepts).toEqual([PARTY]);
    expect(result.quads.some((q) => q.subject.value === product!.iri && q.predicate.value === `${ns.dct}subject` && q.object.value === TRADE)).toBe(true);
  });

  it('Bitol ODPS: defining authoritative definitions and IRI tags of the product', async () => {
    const doc = read(join(products, 'odps/docs/examples/simple-data-product.odps.yaml'));
    doc.tags = [...doc.tags, TRADE];
    doc.authoritativeDefinitions = [{ type: 'businessDefinition', url: PARTY }, { type: 'tutorial', url: 'https://example.com/how-to' }];
    const [product] = (await importDescriptor({ file: 'annotated.odps.yaml', content: stringify(doc) })).products;
    expect(product).toMatchObject({ tags: ['test', 'simple'], concepts: [TRADE, PARTY], links: ['https://example.com/how-to'] });
  });

  it('DCS: a field $ref to an IRI is its concept; a $ref to #/definitions inherits the definition', async () => {
    const doc = read(join(products, 'datacontract-specification/examples/covid-cases/datacontract.yaml'));
    doc.definitions = { fips_code: { type: 'string', title: 'FIPS code', description: 'Federal Information Processing Standards code', tags: [PARTY] } };
    doc.models.covid_cases.fields.fips = { $ref: '#/definitions/fips_code' };
    doc.models.covid_cases.fields.country_region.$ref = TRADE;
    const [contract] = (await importDescriptor({ file: 'annotated.yaml', content: stringify(doc) })).contracts;
    const fields = contract!.datasets[0]!.fields;
    expect(fields.find((field) => field.name === 'fips')).toMatchObject({ title: 'FIPS code', datatype: 'string', concepts: [PARTY] });
    expect(fields.find((field) => field.name === 'country_region')!.concepts).toEqual([TRADE]);
  });

  it('DPDS: IRI tags of datastore tables and columns', async () => {
    const doc = read(join(products, 'odm-platform-testcases/allinone/dpd-core.json'));
    const api = doc.interfaceComponents.outputPorts[0].promises.api;
    api.specification = 'datastoreapi';
    api.definition = { datastoreapi: '1.0.0', schema: { tables: [{ name: 'trades', definition: { tags: [TRADE], columns: [{ name: 'party', dataType: 'VARCHAR', columnConstraint: 'NOT_NULL', tags: [PARTY, 'pii'] }] } }] } };
    const [product] = (await importDescriptor({ file: 'annotated.json', content: JSON.stringify(doc) })).products;
    const dataset = product!.outputPorts[0]!.distributions[0]!.dataset!;
    expect(dataset).toMatchObject({ id: 'trades', concepts: [TRADE] });
    expect(dataset.fields[0]).toMatchObject({ name: 'party', nullable: false, concepts: [PARTY], tags: ['pii'] });
  });
});
