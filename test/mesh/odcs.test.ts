import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractIri, datasetIri, fieldIri, type Field } from '../../src/mesh/index.ts';
import { failure, importFile, lineOf, products, read, text } from './helpers.ts';

const examples = join(products, 'odcs/docs/examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.odcs.yaml')).sort().map((file) => join(examples, file));

/** Every field and nested field of a list of ODCS properties, flattened. */
function countProperties(properties: any[] = []): number {
  return properties.reduce((sum, property) => sum + 1 + countProperties(property.properties) + (property.items ? 1 + countProperties(property.items.properties) : 0), 0);
}

function flatten(fields: Field[]): Field[] {
  return fields.flatMap((field) => [field, ...flatten(field.fields)]);
}

describe('ODCS data contracts', () => {
  it('covers every ODCS example of the fixtures', () => {
    expect(files).toHaveLength(16);
  });

  it.each(files)('imports %s', async (file) => {
    const doc = read(file);
    const result = await importFile(file);
    expect(result.format).toBe('odcs');
    expect(result.products).toEqual([]);
    const [contract] = result.contracts;
    expect(contract?.iri).toBe(contractIri(doc.id));
    expect(contract?.name).toBe(doc.name);
    expect(contract?.version).toBe(doc.version);
    expect(contract?.status).toBe(doc.status);
    expect(contract?.product).toBe(doc.dataProduct);
    const schema: any[] = doc.schema ?? [];
    expect(contract?.datasets.map((dataset) => dataset.id)).toEqual(schema.map((object) => object.name));
    schema.forEach((object, index) => {
      const dataset = contract!.datasets[index]!;
      expect(dataset.iri).toBe(datasetIri(contract!.iri, object.name));
      expect(flatten(dataset.fields)).toHaveLength(countProperties(object.properties));
      expect(dataset.fields.map((field) => field.name)).toEqual((object.properties ?? []).map((property: any) => property.name));
    });
    expect(contract?.slos.map((slo) => slo.property)).toEqual((doc.slaProperties ?? []).map((sla: any) => sla.property));
    expect(result.quads.length).toBeGreaterThan(0);
  });

  it('maps column types, keys, nullability and business names', async () => {
    const file = join(examples, 'schema/all-schema-types.odcs.yaml');
    const [contract] = (await importFile(file)).contracts;
    const table = contract!.datasets[0]!;
    const rcvr = table.fields.find((field) => field.name === 'rcvr_id')!;
    expect(rcvr).toMatchObject({ title: 'receiver id', datatype: 'string', physicalType: 'varchar(18)', primaryKey: true, nullable: true, classification: 'restricted' });
    expect(rcvr.xsdDatatype).toBe('http://www.w3.org/2001/XMLSchema#string');
    expect(rcvr.iri).toBe(fieldIri(table.iri, 'rcvr_id'));
    const zip = contract!.datasets[2]!.fields[0]!.fields[0]!.fields.find((field) => field.name === 'zip')!;
    expect(zip).toMatchObject({ datatype: 'string', physicalType: 'VARCHAR(15)' });
    expect(zip.iri).toBe(`${contract!.datasets[2]!.iri}/field/x/items/zip`);
  });

  it('annotates with concepts through business-definition authoritativeDefinitions, keeping the others as links', async () => {
    const [contract] = (await importFile(join(examples, 'schema/all-schema-types.odcs.yaml'))).contracts;
    const table = contract!.datasets[0]!;
    expect(table.concepts).toEqual(['https://catalog.data.gov/dataset/air-quality']);
    expect(table.links).toEqual(['https://youtu.be/jbY1BKFj9ec']);
    expect(table.tags).toEqual(['finance']);
    const country = table.fields.find((field) => field.name === 'rcvr_cntry_code')!;
    expect(country.concepts).toEqual(['https://collibra.com/asset/742b358f-71a5-4ab1-bda4-dcdba9418c25']);
    expect(country.links).toEqual(['https://github.com/myorg/myrepo', 'jdbc:postgresql://localhost:5432/adventureworks/tbl_1/rcvr_cntry_code']);
    // "Business definition" (any case and spacing) defines; "Reference implementation" does not.
    const [other] = (await importFile(join(examples, 'schema/table-column.odcs.yaml'))).contracts;
    expect(other!.datasets[0]!.fields[0]!.concepts).toEqual(['https://collibra.com/asset/748f-71a5-4ab1-bda4-8c25']);
  });

  it('reads SLA properties as service-level objectives and the team as owner', async () => {
    const sla = read(join(examples, 'sla/database-table-sla.odcs.yaml'));
    const [contract] = (await importFile(join(examples, 'sla/database-table-sla.odcs.yaml'))).contracts;
    expect(contract!.slos[0]).toMatchObject({ property: 'latency', value: sla.slaProperties[0].value, unit: 'd' });
    // Two timeOfAvailability objectives get distinct IRIs.
    const times = contract!.slos.filter((slo) => slo.property === 'timeOfAvailability');
    expect(new Set(times.map((slo) => slo.iri)).size).toBe(2);
    const [dpo] = (await importFile(join(examples, 'stakeholders/basic-four-dpo.odcs.yaml'))).contracts;
    expect(dpo!.owner).toMatchObject({ kind: 'team', id: 'Data Protection Office' });
  });

  it('rejects a contract missing a required field, naming file, field and line', async () => {
    const file = join(examples, 'schema/kafka-schema.odcs.yaml');
    const content = text(file).replace(/^status: .*\r?\n/m, '');
    const error = await failure(importFile(file, content));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.location.file).toBe(file);
    expect(error.details['field']).toBe('/status');
    expect(error.message).toContain('/status');
    expect(error.location.line).toBe(1);
  });

  it('rejects a wrongly typed value at its line and column', async () => {
    const file = join(examples, 'schema/table-columns-with-partition.odcs.yaml');
    const content = text(file).replace('primaryKeyPosition: 2', 'primaryKeyPosition: second');
    const error = await failure(importFile(file, content));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.details['field']).toBe('/schema/0/properties/1/primaryKeyPosition');
    expect(error.location).toMatchObject({ file, line: lineOf(content, 'primaryKeyPosition: second'), column: 29 });
  });
});
