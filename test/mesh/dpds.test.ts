import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { domainIri, importDescriptor, portIri, productIri } from '../../src/mesh/index.ts';
import { failure, importFile, lineOf, products, read, text } from './helpers.ts';

const allInOne = join(products, 'odm-platform-testcases/allinone');
const external = join(products, 'odm-platform-testcases/references/dpd-core-external');
const positives = [
  join(products, 'odm-dpds/examples/minimal.dpd.json'),
  join(allInOne, 'dpd-minimal.json'),
  join(allInOne, 'dpd-core.json'),
  join(allInOne, 'dpd-core-props-readonly.json'),
  join(allInOne, 'dpd-full.json'),
];

describe('Open Data Mesh DPDS descriptors', () => {
  it.each(positives)('imports %s', async (file) => {
    const doc = read(file);
    const result = await importFile(file);
    expect(result.format).toBe('dpds');
    const [product] = result.products;
    const name = doc.info.name ?? 'tripExecution'; // minimal.dpd.json names it only in its fully qualified name
    expect(product).toMatchObject({ name, version: doc.info.version, iri: productIri(doc.info.domain, name) });
    expect(product!.domain?.iri).toBe(domainIri(doc.info.domain));
    expect(product!.owner).toMatchObject({ id: doc.info.owner.id, email: doc.info.owner.id, kind: 'person' });
    if (doc.info.owner.name) expect(product!.owner!.name).toBe(doc.info.owner.name);
    if (doc.info.fullyQualifiedName) expect(product!.id).toBe(doc.info.fullyQualifiedName);
    const ports = doc.interfaceComponents;
    expect(product!.inputPorts.map((port) => port.id)).toEqual((ports.inputPorts ?? []).map((port: any) => port.name));
    expect(product!.outputPorts.map((port) => port.id)).toEqual((ports.outputPorts ?? []).map((port: any) => port.name));
    for (const [index, port] of (ports.outputPorts ?? []).entries()) {
      expect(product!.outputPorts[index]).toMatchObject({ name: port.displayName, description: port.description, version: port.version, protocol: port.promises.servicesType });
    }
  });

  it('derives the fully qualified name the way the ODM registry does', async () => {
    const [product] = (await importFile(join(allInOne, 'dpd-core.json'))).products;
    expect(product!.id).toBe(read(join(allInOne, 'dpd-core-props-readonly.json')).info.fullyQualifiedName);
  });

  it('reads port SLOs, tags and contact points of the full descriptor', async () => {
    const doc = read(join(allInOne, 'dpd-full.json'));
    const [product] = (await importFile(join(allInOne, 'dpd-full.json'))).products;
    const port = product!.inputPorts[0]!;
    expect(port.tags).toEqual(doc.interfaceComponents.inputPorts[0].tags);
    expect(port.slos.map((slo) => [slo.property, slo.description])).toEqual([
      ['slo', doc.interfaceComponents.inputPorts[0].promises.slo.description],
      ['sla', doc.interfaceComponents.inputPorts[0].obligations.sla.description],
    ]);
    expect(product!.links).toEqual(doc.info.contactPoints.map((point: any) => point.address));
  });

  it('resolves a multi-file descriptor through its relative $refs', async () => {
    const root = join(external, 'dpd-core.json');
    const input = read(join(external, 'ports/inputPortA.json'));
    const output = read(join(external, 'ports/outputPortA.json'));
    const api = read(join(external, 'ports/restApi2.json'));
    const result = await importFile(root);
    expect(result.warnings).toEqual([]);
    const [product] = result.products;
    expect(product!.inputPorts.map((port) => [port.iri, port.name, port.description])).toEqual([
      [portIri(product!.iri, 'input', input.name), input.displayName, input.description],
    ]);
    expect(product!.outputPorts[0]).toMatchObject({ name: output.displayName, protocol: output.promises.servicesType, conformsTo: [`${api.specification} ${api.specificationVersion}`] });
    // The same product as the one-file descriptor it was split from.
    const [whole] = (await importFile(join(allInOne, 'dpd-core.json'))).products;
    expect({ ...product, source: undefined }).toEqual({ ...whole, source: undefined });
  });

  it('rejects read-only entityType values the specification does not allow, naming file, field and line', async () => {
    const file = join(allInOne, 'dpd-core-props-readonly-wrong.json');
    const error = await failure(importFile(file));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.status).toBe(422);
    expect(error.details['field']).toBe('/info/entityType');
    expect(error.message).toContain('"dataproductx"');
    expect(error.location).toMatchObject({ file, line: lineOf(text(file), '"entityType": "dataproductx"'), column: 19 });
  });

  describe('with a referenced file that is broken or missing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ontomesh-dpds-'));
    cpSync(external, folder, { recursive: true });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('names the referencing file and its $ref when a referenced file is missing', async () => {
      rmSync(join(folder, 'ports/outputPortA.json'));
      const root = join(folder, 'dpd-core.json');
      const error = await failure(importFile(root));
      expect(error.code).toBe('DESCRIPTOR_INVALID');
      expect(error.details['field']).toBe('/interfaceComponents/outputPorts/0/$ref');
      expect(error.message).toContain('ports/outputPortA.json');
      expect(error.location).toMatchObject({ file: root, line: lineOf(text(root), '"$ref": "ports/outputPortA.json"') });
    });

    it('names the referenced file and the field when the error is inside it', async () => {
      const root = join(folder, 'dpd-core.json');
      const apiFile = join(folder, 'ports/restApi1.json');
      const broken = text(apiFile).replace('"specification": "custom-api-spec",', '"specification": 42,');
      const error = await failure(importDescriptor({
        file: root,
        content: text(root).replace('"$ref": "ports/outputPortA.json"', '"$ref": "ports/inputPortA.json"'),
        readReference: async (path) => (path === apiFile ? broken : text(path)),
      }));
      expect(error.details['field']).toBe('/specification');
      expect(error.location).toMatchObject({ file: join(folder, 'ports/restApi1.json'), line: lineOf(broken, '"specification": 42') });
    });
  });

  it('keeps remote references in place with a warning', async () => {
    const root = join(external, 'dpd-core.json');
    const content = text(root).replace('"$ref": "apps/appA.json"', '"$ref": "https://example.com/apps/appA.json"');
    const result = await importDescriptor({ file: root, content });
    expect(result.warnings).toEqual([`${root}: /internalComponents/applicationComponents/0/$ref: https://example.com/apps/appA.json is remote and never fetched; the reference is kept as it is`]);
  });
});
