import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseFile, parseStream } from '../../../src/rdf/index.ts';
import { inChunks } from '../inChunks.ts';

const dir = mkdtempSync(join(tmpdir(), 'ontomesh-jsonld-commas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  return error as OntomeshError;
}

const noQuads = { quads: (_batch: Quad[]) => undefined };

describe('JSON-LD: trailing commas are not JSON', () => {
  it.each([
    // The positions of the `}` are those JSON.parse reports (Node's message for `]` has none).
    ['array.jsonld', ']', '{"@id": "http://e.org/s", "http://e.org/q": [1, 2,]}', 1, 51],
    ['object.jsonld', '}', '{"@id": "http://e.org/s", "http://e.org/p": "x",}', 1, 49],
    ['nested.jsonld', '}', '{\n  "@id": "http://e.org/s",\n  "http://e.org/p": { "@id": "http://e.org/o" ,\n  }\n}\n', 4, 3],
    ['context.jsonld', '}', '{"@context": {"ex": "http://e.org/",}, "@id": "ex:s", "ex:p": "x"}', 1, 37],
  ])('%s is an error at the closing %s', async (name, bracket, text, line, column) => {
    const error = await failure(parseFile(file(name, text), {}, noQuads));
    expect(error.message).toBe(`Invalid JSON: Unexpected "${bracket}" after a comma (JSON has no trailing commas)`);
    expect(error.location).toMatchObject({ line, column });
  });

  it('finds the position whatever the chunking', async () => {
    const text = '{\n  "@id": "http://e.org/s",\n  "http://e.org/q": [1,\n 2 , ]\n}';
    for (const size of [1, 2, 7, 1000]) {
      const error = await failure(parseStream(inChunks(Buffer.from(text, 'utf8'), size), { format: 'jsonld', file: 'chunked.jsonld' }, noQuads));
      expect(error.location).toMatchObject({ file: 'chunked.jsonld', line: 4, column: 6 });
    }
  });

  it('still reads empty arrays and objects, and commas between values', async () => {
    const quads: Quad[] = [];
    await parseFile(file('valid.jsonld', '{"@context": {}, "@id": "http://e.org/s", "http://e.org/q": [1, [], {}, 2], "http://e.org/p": {"@id": "http://e.org/o"}}'), {},
      { quads: (batch) => { quads.push(...batch); } });
    expect(quads.map((quad) => quad.object.termType === 'BlankNode' ? '{}' : quad.object.value)).toEqual(['1', '{}', '2', 'http://e.org/o']);
  });
});

