/**
 * Dataset- and column-level lineage read from data contracts: ODCS property `transformSourceObjects`
 * and DCS field `lineage.inputFields` become `derivedFrom` IRIs where they name something in the mesh
 * (an IRI, or a dataset or `dataset.field` of the same contract), and nothing where they name a
 * source outside it; DPROD datasets' prov:wasDerivedFrom is read as written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { contractIri, datasetIri, fieldIri, type Dataset, type Field } from '../../src/mesh/index.ts';
import { importFile, products, read, text } from './helpers.ts';

const allTypes = join(products, 'odcs/docs/examples/schema/all-schema-types.odcs.yaml');
const covid = join(products, 'datacontract-specification/examples/covid-cases/datacontract.yaml');

function flatten(fields: readonly Field[]): Field[] {
  return fields.flatMap((field) => [field, ...flatten(field.fields)]);
}

const contractDatasets = async (file: string, content: string): Promise<Dataset[]> => (await importFile(file, content)).contracts[0]!.datasets;

describe('ODCS transformSourceObjects', () => {
  it('makes no link for the example\'s source tables, which are outside the mesh', async () => {
    const doc = read(allTypes);
    const written = (doc.schema as any[]).flatMap((object) => (object.properties as any[]).filter((property) => property.transformSourceObjects));
    expect(written.length).toBeGreaterThan(0);
    const datasets = await contractDatasets(allTypes, text(allTypes));
    expect(datasets.flatMap((dataset) => flatten(dataset.fields)).filter((field) => field.derivedFrom !== undefined)).toEqual([]);
  });

  it('links a property to IRIs and to its own contract\'s datasets and `dataset.field`s, in order, once each', async () => {
    const doc = read(allTypes);
    const [object] = doc.schema as any[];
    const [first, second] = object.properties as any[];
    const upstream = 'https://w3id.org/ontomesh/mesh/contract/other/dataset/t/field/c';
    first.transformSourceObjects = [upstream, 'erp.invoice_header', `${object.name}.${second.name}`, upstream, object.name];
    const [dataset] = await contractDatasets('lineage.odcs.yaml', stringify(doc));
    const own = datasetIri(contractIri(doc.id), object.name);
    const field = dataset!.fields.find((f) => f.name === first.name)!;
    expect(field.derivedFrom).toEqual([upstream, fieldIri(own, second.name), own]);
    expect(dataset!.derivedFrom).toBeUndefined();
  });
});

describe('DCS lineage.inputFields', () => {
  it('links a field to a field of a model of the same contract, or of a dataset named by IRI, and not to one outside the mesh', async () => {
    const doc = parse(text(covid));
    const [modelName, model] = Object.entries(doc.models as Record<string, any>)[0]!;
    const [target, source] = Object.keys(model.fields);
    const other = 'https://w3id.org/ontomesh/mesh/contract/sales-orders/dataset/orders';
    model.fields[target!].lineage = {
      inputFields: [
        { namespace: 'covid', name: modelName, field: source },
        { namespace: 'https://w3id.org/ontomesh/mesh/contract/sales-orders', name: other, field: 'customer_id' },
        { namespace: 'snowflake://acme', name: 'raw.cases', field: 'cases', transformations: [{ type: 'DIRECT' }] },
      ],
    };
    const [dataset] = await contractDatasets('lineage.datacontract.yaml', stringify(doc));
    const own = datasetIri(contractIri(doc.id), modelName);
    expect(dataset!.fields.find((f) => f.name === target)!.derivedFrom).toEqual([fieldIri(own, source!), fieldIri(other, 'customer_id')]);
    expect(dataset!.fields.filter((f) => f.derivedFrom !== undefined)).toHaveLength(1);
  });
});

describe('DPROD datasets', () => {
  it('read prov:wasDerivedFrom as dataset-level lineage', async () => {
    const file = 'mesh/finance/revenue-reporting.dprod.ttl';
    const [product] = (await importFile(file)).products;
    const dataset = product!.outputPorts.flatMap((port) => port.distributions).map((d) => d.dataset!)[0]!;
    const written = [...text(file).matchAll(/prov:wasDerivedFrom ([^;.]+)[;.]/g)].flatMap((m) => m[1]!.split(',').map((iri) => iri.trim().slice(1, -1)));
    expect(written.length).toBeGreaterThan(0);
    expect(dataset.derivedFrom).toEqual(written.map((iri) => `https://w3id.org/ontomesh/mesh/${iri}`));
  });
});
