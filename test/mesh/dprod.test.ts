import { join } from 'node:path';
import { DataFactory, Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_BASE, importDescriptor } from '../../src/mesh/index.ts';
import { dprodExamples, failure, importFile, lineOf, read, text } from './helpers.ts';

const example = (name: string) => join(dprodExamples, name, 'example.jsonld');
const DCAT = 'http://www.w3.org/ns/dcat#';

describe('DPROD JSON-LD descriptors (remote context bundled offline)', () => {
  it('imports data-schema: product, output port, distribution and dataset', async () => {
    const doc = read(example('data-schema'));
    const result = await importFile(example('data-schema'));
    expect(result.format).toBe('dprod');
    expect(result.warnings).toEqual([]);
    const [product] = result.products;
    expect(product).toMatchObject({ iri: doc.id, title: doc.title, description: doc.description });
    const [port] = product!.outputPorts;
    expect(port!.endpointUrl).toBe(doc.outputPort.endpointURL);
    const [distribution] = port!.distributions;
    const dataset = doc.outputPort.isAccessServiceOf.isDistributionOf;
    expect(distribution!.format).toBe(doc.outputPort.isAccessServiceOf.format);
    expect(distribution!.dataset).toMatchObject({ iri: dataset['@id'], title: dataset.title, conformsTo: [dataset.conformsTo] });
    // The blank port and distribution get deterministic IRIs, in the model and in the triples.
    expect(port!.iri).toBe(`${doc.id}/port/output/1`);
    expect(result.quads.some((q) => q.subject.value === port!.iri && q.predicate.value === `${DCAT}endpointURL`)).toBe(true);
    expect(result.quads.every((q) => q.subject.termType !== 'BlankNode')).toBe(true);
  });

  it.each(['equity-trade', 'sba-pool-rates'])('imports %s with every output port and dataset', async (name) => {
    const doc = read(example(name));
    const result = await importFile(example(name));
    const [product] = result.products;
    expect(product).toMatchObject({ iri: doc['@id'], title: doc.title, description: doc.description });
    expect(product!.owner?.iri).toBe(doc.dataProductOwner);
    expect(product!.outputPorts.map((port) => port.iri)).toEqual(doc.outputPort.map((port: any) => port['@id']));
    expect(product!.outputPorts.map((port) => port.endpointUrl)).toEqual(doc.outputPort.map((port: any) => port['dcat:endpointURL']));
    expect(product!.outputPorts.map((port) => port.distributions[0]!.dataset!.iri)).toEqual(doc.outputPort.map((port: any) => port.isAccessServiceOf.isDistributionOf['@id']));
    // "id" beside "@id" is kept as dct:identifier; keys the context does not define are reported.
    expect(result.quads.some((q) => q.subject.value === doc['@id'] && q.predicate.value === 'http://purl.org/dc/terms/identifier' && q.object.value === doc.id)).toBe(true);
    expect(result.warnings).toContain(`${example(name)}: /lifecycle: "lifecycle" is not defined by the DPROD context and is ignored`);
  });

  it('imports data-quality: the product among the measurements', async () => {
    const doc = read(example('data-quality'));
    const [product] = (await importFile(example('data-quality'))).products;
    expect(product!.iri).toBe(doc[2].id);
    expect(product!.outputPorts[0]!.endpointUrl).toBe(doc[2].outputPort.endpointURL);
  });

  it('imports data-rights (an ODRL policy, no product) with a warning', async () => {
    const result = await importFile(example('data-rights'));
    expect(result.products).toEqual([]);
    expect(result.quads).toHaveLength(1);
    expect(result.warnings[0]).toContain('no dprod:DataProduct');
  });

  it('rejects dprod-example.json, which is not valid JSON, naming line, column and field', async () => {
    const file = join(dprodExamples, 'dprod-example.json');
    const error = await failure(importFile(file));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.location).toMatchObject({ file, line: 13, column: 7 });
    expect(error.details).toMatchObject({ field: '/0/outputPort/id', format: 'dprod' });
    expect(error.format()).toBe(`${file}:13:7: DESCRIPTOR_INVALID Invalid JSON: Expected ',' or '}' after property value (in /0/outputPort/id)`);
  });

  it('links products whose input ports are other products\' output ports (dprod-example.json, repaired)', async () => {
    const lines = text(join(dprodExamples, 'dprod-example.json')).split('\n');
    lines[11] += ','; // the missing comma
    lines[104] = lines[104]!.replace(/,\s*$/, ''); // and a trailing one
    const result = await importDescriptor({ file: 'dprod-example.json', content: lines.join('\n') });
    const doc = JSON.parse(lines.join('\n'));
    const legal = result.products.find((product) => product.iri === doc[2].id)!;
    expect(legal.inputPorts.map((port) => port.iri).sort()).toEqual(doc[2].inputPort.map((port: any) => port.id).sort());
    expect(legal.derivedFrom).toEqual([doc[1].id, doc[0].id].sort());
    expect(result.quads.filter((q) => q.subject.value === legal.iri && q.predicate.value === 'http://www.w3.org/ns/prov#wasDerivedFrom')).toHaveLength(2);
  });

  it('rejects a port that is typed as a dataset (DPROD shapes), naming the JSON field', async () => {
    const doc = read(example('data-schema'));
    doc.outputPort['@type'] = 'Dataset';
    const content = JSON.stringify(doc, null, 2);
    const error = await failure(importDescriptor({ file: 'wrong-port.jsonld', content }));
    expect(error.code).toBe('SHACL_VIOLATION');
    expect(error.details['field']).toBe('/outputPort');
    expect(error.message).toBe(`/outputPort: the node at /outputPort is not an instance of <${DCAT}DataService> (DPROD shapes)`);
    expect(error.location).toMatchObject({ file: 'wrong-port.jsonld', line: lineOf(content, '"outputPort"'), term: `<${doc.id}>` });
  });

  it('rejects a label that is not a string (DPROD shapes)', async () => {
    const doc = read(example('data-schema'));
    const content = JSON.stringify({ ...doc, label: 42 }, null, 2);
    const error = await failure(importDescriptor({ file: 'label.jsonld', content }));
    expect(error.code).toBe('SHACL_VIOLATION');
    expect(error.details['field']).toBe('/label');
    expect(error.location.line).toBe(lineOf(content, '"label": 42'));
  });

  it('reads DPROD in Turtle, resolving relative references against the descriptor base', async () => {
    const jsonld = await importFile(example('data-schema'));
    const turtle = new Writer({ format: 'Turtle' }).quadsToString(jsonld.quads.filter((q) => q.object.termType !== 'BlankNode'));
    const result = await importDescriptor({ file: 'data-schema.ttl', content: turtle });
    expect(result.products).toEqual(jsonld.products.map((product) => ({ ...product, source: { format: 'dprod', file: 'data-schema.ttl' } })));
    expect(result.products[0]!.outputPorts[0]!.distributions[0]!.format).toBe('application/parquet');
    expect(jsonld.quads.some((q) => q.object.equals(DataFactory.namedNode(`${DESCRIPTOR_BASE}application/parquet`)))).toBe(true);
  });

  it('reports an unknown remote context instead of fetching it', async () => {
    const error = await failure(importDescriptor({ file: 'other.jsonld', content: JSON.stringify({ '@context': 'https://example.com/other.jsonld', '@id': 'https://example.com/x' }) }));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location.term).toBe('https://example.com/other.jsonld');
  });
});
