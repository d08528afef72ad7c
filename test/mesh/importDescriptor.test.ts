import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentIri, fieldIri, importDescriptor, nestedFieldIri, productIri } from '../../src/mesh/index.ts';
import { fromPointer, jsonPointerAt, toPointer } from '../../src/mesh/source/jsonPointer.ts';
import { failure, products, text } from './helpers.ts';

describe('importDescriptor: recognising the format', () => {
  const simple = join(products, 'odps/docs/examples/simple-data-product.odps.yaml');
  const dcs = join(products, 'datacontract-specification/examples/covid-cases/datacontract.yaml');

  it('recognises the format from the content, whatever the file is called', async () => {
    expect((await importDescriptor({ file: 'upload', content: text(simple) })).format).toBe('odps-bitol');
    expect((await importDescriptor({ file: 'upload', content: text(dcs) })).format).toBe('dcs');
    const dpd = join(products, 'odm-platform-testcases/allinone/dpd-minimal.json');
    expect((await importDescriptor({ file: 'upload', content: text(dpd) })).format).toBe('dpds');
  });

  it('follows the media type', async () => {
    const result = await importDescriptor({ file: 'upload.bin', content: text(simple), mediaType: 'application/yaml; charset=utf-8' });
    expect(result.format).toBe('odps-bitol');
    const error = await failure(importDescriptor({ file: 'upload.bin', content: text(simple), mediaType: 'application/json' }));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toMatch(/^Invalid JSON/);
    expect(error.details['format']).toBe('odps-bitol');
  });

  it('rejects a document of no descriptor format', async () => {
    const error = await failure(importDescriptor({ file: 'notes.yaml', content: 'title: a shopping list\nitems: [milk]\n' }));
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.location.file).toBe('notes.yaml');
  });
});

describe('deterministic IRIs', () => {
  it('percent-encodes each segment, keeping unreserved characters', () => {
    expect(productIri('Transport Management', 'trip/Execution')).toBe('https://w3id.org/ontomesh/mesh/product/Transport%20Management/trip%2FExecution');
    expect(productIri(undefined, '064c4630')).toBe('https://w3id.org/ontomesh/mesh/product/_/064c4630');
    expect(agentIri('john.doe@company-xyz.com')).toBe('https://w3id.org/ontomesh/mesh/agent/john.doe%40company-xyz.com');
    expect(nestedFieldIri(fieldIri('https://x/dataset/t', 'a'), 'b')).toBe('https://x/dataset/t/field/a/b');
  });
});

describe('JSON Pointers', () => {
  it('escapes and unescapes ~ and /', () => {
    expect(toPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(fromPointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });

  it('names the member a malformed JSON text breaks in', () => {
    const broken = '{"a": [1, {"b": "x" "c": 2}]}';
    expect(jsonPointerAt(broken, broken.indexOf('"c"'))).toBe('/a/1/b');
  });
});
