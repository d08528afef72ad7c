import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractIri } from '../../src/mesh/index.ts';
import { failure, importFile, lineOf, products, read, text } from './helpers.ts';

const examples = join(products, 'datacontract-specification/examples');
const files = ['covid-cases', 'muellimperium', 'time-example', 'variant-json-example'].map((name) => join(examples, name, 'datacontract.yaml'));

describe('Data Contract Specification contracts', () => {
  it.each(files)('imports %s', async (file) => {
    const doc = read(file);
    const result = await importFile(file);
    expect(result.format).toBe('dcs');
    const [contract] = result.contracts;
    expect(contract?.iri).toBe(contractIri(doc.id));
    expect(contract?.name).toBe(doc.info.title);
    expect(contract?.version).toBe(String(doc.info.version));
    expect(contract?.description).toBe(doc.info.description.trim());
    const models = Object.entries<any>(doc.models);
    expect(contract?.datasets.map((dataset) => dataset.id)).toEqual(models.map(([name]) => name));
    for (const [index, [, model]] of models.entries()) {
      const dataset = contract!.datasets[index]!;
      const fields = Object.entries<any>(model.fields);
      expect(dataset.fields.map((field) => field.name)).toEqual(fields.map(([name]) => name));
      for (const [n, [, declared]] of fields.entries()) {
        const field = dataset.fields[n]!;
        expect(field.datatype).toBe(declared.type);
        expect(field.description).toBe(declared.description);
        expect(field.nullable).toBe(declared.required === undefined ? undefined : !declared.required);
      }
    }
    expect(contract?.tags).toEqual(doc.tags ?? []);
  });

  it('keeps owner, keys, links and logical types of the time example', async () => {
    const file = files[2]!;
    const [contract] = (await importFile(file)).contracts;
    expect(contract!.owner).toMatchObject({ id: 'Data Contract Team', kind: 'team' });
    expect(contract!.links).toEqual(['https://cli.datacontract.com', 'https://github.com/datacontract/datacontract-specification']);
    const hours = contract!.datasets[0]!;
    expect(hours.fields[0]).toMatchObject({ name: 'location_id', primaryKey: true, nullable: false, xsdDatatype: 'http://www.w3.org/2001/XMLSchema#string' });
    expect(hours.fields[2]).toMatchObject({ name: 'opening_time', datatype: 'time', xsdDatatype: 'http://www.w3.org/2001/XMLSchema#time' });
  });

  it('rejects an unknown specification version at its line', async () => {
    const file = files[0]!;
    const content = text(file).replace('dataContractSpecification: 0.9.3', 'dataContractSpecification: 7.0.0');
    const error = await failure(importFile(file, content));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.details['field']).toBe('/dataContractSpecification');
    expect(error.message).toContain('must be equal to one of the allowed values');
    expect(error.location).toMatchObject({ file, line: lineOf(content, 'dataContractSpecification:'), column: 28 });
  });

  it('rejects malformed YAML with its line and column', async () => {
    const file = files[1]!;
    const content = text(file).replace('  title: Muellimperium Exchange Format', '  title: [Muellimperium');
    const error = await failure(importFile(file, content));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toMatch(/^Invalid YAML/);
    expect(error.location.file).toBe(file);
    expect(error.location.line).toBeGreaterThanOrEqual(lineOf(content, 'title: [Muellimperium'));
    expect(error.details['format']).toBe('dcs');
  });
});
