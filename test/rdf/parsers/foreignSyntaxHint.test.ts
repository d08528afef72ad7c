import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseFile } from '../../../src/rdf/index.ts';

const fixtures = 'test/fixtures/shared';
const dir = mkdtempSync(join(tmpdir(), 'ontomesh-foreign-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture under another name, as a user saves a file with the wrong extension. */
function copyAs(fixture: string, name: string): string {
  const path = join(dir, name);
  copyFileSync(`${fixtures}/${fixture}`, path);
  return path;
}

async function syntaxError(path: string): Promise<OntomeshError> {
  const error = await parseFile(path, {}, { quads: () => undefined }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  return error as OntomeshError;
}

describe('a document in another syntax than its extension says', () => {
  it('RDF/XML errors name JSON-LD saved as .rdf', async () => {
    const error = await syntaxError(copyAs('dprod/examples/data-rights/example.jsonld', 'example.rdf'));
    expect(error.message).toBe('text data outside of root node; the document looks like JSON-LD (.jsonld): rename it or pass its format');
  });

  it('RDF/XML errors name Turtle saved as .rdf', async () => {
    const error = await syntaxError(copyAs('w3c-vocabularies/prov-o/prov-o.ttl', 'prov-o.rdf'));
    expect(error.message).toMatch(/; the document looks like Turtle \(\.ttl\): rename it or pass its format$/);
  });

  it('Turtle errors name JSON-LD saved as .ttl', async () => {
    const error = await syntaxError(copyAs('dprod/examples/data-rights/example.jsonld', 'example.ttl'));
    expect(error.message).toMatch(/; the document looks like JSON-LD \(\.jsonld\): rename it or pass its format$/);
  });

  it('but broken RDF/XML gets no hint', async () => {
    const path = join(dir, 'broken-pizza.rdf');
    writeFileSync(path, readFileSync(`${fixtures}/protege-owl/pizza-owlcs/pizza.owl`, 'utf8').replace('</owl:Ontology>', '</owl:Ontologie>'));
    const error = await syntaxError(path);
    expect(error.message).toBe('unexpected close tag.');
  });
});
