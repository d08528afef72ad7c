import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseFile } from '../../../src/rdf/index.ts';
import { ENTITY_LIMITS, EntityDeclarationError, internalEntities } from '../../../src/rdf/parsers/internalEntities.ts';

const dir = mkdtempSync(join(tmpdir(), 'ontomesh-rdfxml-entities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:owl="http://www.w3.org/2002/07/owl#"';

/** Writes an RDF/XML document with the given internal subset and body, and returns its path. */
function rdfXml(name: string, subset: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n${subset}\n]>\n<rdf:RDF ${RDF}>\n${body}\n</rdf:RDF>\n`);
  return path;
}

async function parse(path: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseFile(path, {}, { quads: (batch) => { quads.push(...batch); } });
  return quads;
}

async function failure(path: string): Promise<OntomeshError> {
  const error = await parse(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  return error as OntomeshError;
}

describe('RDF/XML DTD entities', () => {
  it('expands entities whose values refer to other entities', async () => {
    const path = rdfXml('nested.owl', '  <!ENTITY base "http://example.org/ent">\n  <!ENTITY onto "&base;#">', '  <owl:Class rdf:about="&onto;A"/>');
    const [quad] = await parse(path);
    expect(quad!.subject.value).toBe('http://example.org/ent#A');
  });

  it('expands a reference to an entity declared later, and in element content', async () => {
    const path = rdfXml('later.owl', '  <!ENTITY onto "&base;#">\n  <!ENTITY base "http://example.org/later">',
      '  <rdf:Description rdf:about="http://example.org/s"><rdfs:seeAlso rdf:resource="&onto;B"/><rdfs:label>see &onto;B</rdfs:label></rdf:Description>');
    const quads = await parse(path);
    expect(quads.map((quad) => quad.object.value)).toEqual(['http://example.org/later#B', 'see http://example.org/later#B']);
  });

  it('follows XML 1.0 §4.5: character references at declaration, the rest when included; quotes, comments and the first declaration', async () => {
    const path = rdfXml('escapes.owl', [
      '  <!-- <!ENTITY label "commented out"> -->',
      `  <!ENTITY label 'say "hi": &amp;amp; &#38;#38; &#x41;&lt;'>`,
      '  <!ENTITY label "a second declaration does not bind">',
    ].join('\n'), '  <rdf:Description rdf:about="http://example.org/s"><rdfs:label>&label;</rdfs:label></rdf:Description>');
    const [quad] = await parse(path);
    expect(quad!.object.value).toBe('say "hi": &amp; & A<');
  });

  it('rejects a "billion laughs" document at the declaration that exceeds the limit', async () => {
    const levels = ['  <!ENTITY a "lol">', ...Array.from({ length: 9 }, (_, i) =>
      `  <!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`)];
    const path = rdfXml('laughs.owl', levels.join('\n'), '  <rdf:Description rdf:about="http://example.org/s"><rdfs:label>&j;</rdfs:label></rdf:Description>');
    const error = await failure(path);
    // "lol" × 10^5 fits in 1 Mi characters; × 10^6 (entity g, on line 9) does not.
    expect(error.location).toMatchObject({ file: path, line: 9, column: 3 });
    expect(error.message).toMatch(/^Entity "g" expands beyond the limit of 1048576 characters/);
  });

  it('rejects a large entity referenced many times (quadratic blowup) where the limit is crossed', async () => {
    const path = rdfXml('quadratic.owl', `  <!ENTITY big "${'x'.repeat(500_000)}">`,
      `  <rdf:Description rdf:about="http://example.org/s"><rdfs:label>${'&big;'.repeat(200)}</rdfs:label></rdf:Description>`);
    const error = await failure(path);
    expect(error.location.line).toBe(6);
    expect(error.location.column).toBeGreaterThan(1);
    expect(error.message).toMatch(/^Entity references expand the document more than 100 times/);
  });

  it('rejects recursive entities', async () => {
    const path = rdfXml('recursive.owl', '  <!ENTITY a "x&b;">\n  <!ENTITY b "&a;">', '  <rdf:Description rdf:about="http://example.org/&a;"/>');
    const error = await failure(path);
    expect(error.message).toBe('Entity "b" refers to "a", which refers to it: entities must not be recursive');
    expect(error.location).toMatchObject({ line: 4, column: 3 });
    // A declaration on the doctype's last line is located from saxes' position at its end.
    const oneLine = join(dir, 'one-line.owl');
    writeFileSync(oneLine, `<!DOCTYPE rdf:RDF [ <!ENTITY a "&a;"> ]><rdf:RDF ${RDF}/>`);
    expect((await failure(oneLine)).location).toMatchObject({ line: 1, column: 21 });
    expect((await failure(oneLine)).message).toBe('Entity "a" refers to itself');
  });

  it('never reads external entities', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'secret');
    const inValue = rdfXml('external-in-value.owl', `  <!ENTITY ext SYSTEM "file://${secret}">\n  <!ENTITY a "&ext;">`,
      '  <rdf:Description rdf:about="http://example.org/s"><rdfs:label>&a;</rdfs:label></rdf:Description>');
    expect((await failure(inValue)).message).toBe('Entity "a" refers to the external entity "ext"; external entities are not read');
    const inContent = rdfXml('external-in-content.owl', `  <!ENTITY ext SYSTEM "file://${secret}">`,
      '  <rdf:Description rdf:about="http://example.org/s"><rdfs:label>&ext;</rdfs:label></rdf:Description>');
    expect((await failure(inContent)).message).toBe('undefined entity.');
  });

  it('rejects undeclared entities and stray ampersands in values', async () => {
    expect(() => internalEntities(' r [ <!ENTITY a "&nope;"> ]')).toThrow('Entity "a" refers to the undeclared entity "nope"');
    expect(() => internalEntities(' r [ <!ENTITY a "x & y"> ]')).toThrow('Entity "a" contains an "&" that does not start a reference');
    expect(() => internalEntities(' r [ <!ENTITY a "&#0;"> ]')).toThrow('Entity "a" contains the invalid character reference &#0;');
  });

  it('bounds nesting depth', () => {
    const chain = Array.from({ length: ENTITY_LIMITS.maxDepth + 2 }, (_, i) => `<!ENTITY e${i} "${i === ENTITY_LIMITS.maxDepth + 1 ? 'x' : `&e${i + 1};`}">`);
    const error = (() => { try { internalEntities(` r [ ${chain.join(' ')} ]`); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(EntityDeclarationError);
    expect((error as EntityDeclarationError).message).toMatch(/nested more than 32 entities deep/);
  });

  it('ignores parameter entities and stops at a parameter entity reference it does not read (XML 1.0 §5.1)', () => {
    expect(internalEntities(' r [ <!ENTITY % p "x"> <!ENTITY a "1"> %p; <!ENTITY b "2"> ]')).toEqual({ a: '1' });
    expect(internalEntities(' r SYSTEM "r.dtd"')).toEqual({});
  });
});
