import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import { looksLikeCatalog, readCatalog } from '../../src/rdf/catalog.ts';

const shared = resolve(import.meta.dirname, '../fixtures/shared');
const NS = 'urn:oasis:names:tc:entity:xmlns:xml:catalog';

/** The uri entries of a catalog file read with a regular expression, independently of the parser. */
function uriEntriesOf(file: string): { name: string; uri: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/<uri\b[^>]*?\bname="([^"]*)"[^>]*?\buri="([^"]*)"/g)].map(([, name, uri]) => ({ name: name!, uri: uri! }));
}

async function catalogError(path: string): Promise<OntomeshError> {
  const error = await readCatalog(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

describe('readCatalog on Protégé catalogs', () => {
  it('reads every uri entry of the IOF root catalog, relative to the catalog folder', async () => {
    const file = join(shared, 'iof-ontology/catalog-v001.xml');
    const catalog = await readCatalog(file);
    const expected = uriEntriesOf(file);
    expect(catalog.file).toBe(file);
    expect(catalog.entries.map(({ name, target }) => ({ name, target }))).toEqual(
      expected.map(({ name, uri }) => ({ name, target: resolve(dirname(file), uri) })),
    );
    expect(catalog.resolve('http://purl.obolibrary.org/obo/bfo/2020/bfo.owl')).toBe(join(shared, 'iof-ontology/cache/bfo/2020/bfo.rdf'));
    expect(catalog.resolve('https://spec.industrialontologies.org/ontology/core/Core/')).toBe(join(shared, 'iof-ontology/core/Core.rdf'));
    expect(catalog.resolve('https://spec.industrialontologies.org/ontology/core/Core')).toBeUndefined();
  });

  it('reads the entries of nested groups (ODK catalog of RO), all pointing at existing files', async () => {
    const file = join(shared, 'obo-ro/src/ontology/catalog-v001.xml');
    const catalog = await readCatalog(file);
    expect(catalog.entries.map((entry) => entry.name)).toEqual(uriEntriesOf(file).map((entry) => entry.name));
    for (const entry of catalog.entries) expect(existsSync(entry.target), entry.target).toBe(true);
    expect(catalog.resolve('http://purl.obolibrary.org/obo/ro/imports/go_import.owl')).toBe(join(shared, 'obo-ro/src/ontology/imports/go_import.owl'));
  });

  it('keeps a foreign absolute file: URI as that path and resolves ../ against the catalog folder (RO bridge)', async () => {
    const catalog = await readCatalog(join(shared, 'obo-ro/src/ontology/bridge/catalog-v001.xml'));
    expect(catalog.resolve('http://purl.obolibrary.org/obo/ro/bfo2-classes.owl')).toBe('/Users/cjm/cvs/obo-relations/src/ontology/bfo2-classes.owl');
    expect(catalog.resolve('http://purl.obolibrary.org/obo/ro.owl')).toBe(join(shared, 'obo-ro/src/ontology/ro-edit.owl'));
    expect(catalog.entries.map((entry) => entry.line)).toEqual([3, 4, 5]);
  });

  it('resolves a Protégé folder-repository group with xml:base="" against the catalog file', async () => {
    const catalog = await readCatalog(join(shared, 'protege-owl/protege-test-ontologies/catalog-auto-update-false.xml'));
    expect(catalog.resolve('http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl')).toBe(join(shared, 'protege-owl/protege-test-ontologies/pizza.owl'));
  });

  it('reads a catalog without entries', async () => {
    const catalog = await readCatalog(join(shared, 'protege-owl/protege-test-ontologies/catalog-existing-with-no-groups.xml'));
    expect(catalog.entries).toEqual([]);
    expect(catalog.resolve('http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl')).toBeUndefined();
  });
});

describe('readCatalog resolution rules (synthetic catalogs)', () => {
  let dir: string;
  const write = async (path: string, body: string): Promise<string> => {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `<?xml version="1.0"?>\n${body}\n`);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ontomesh-catalog-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('applies xml:base of the catalog and of nested groups, relative or absolute', async () => {
    const file = await write(
      'bases/catalog-v001.xml',
      `<catalog xmlns="${NS}" xml:base="onto/">
  <uri name="http://ex.org/a" uri="a.ttl"/>
  <group xml:base="sub/">
    <uri name="http://ex.org/b" uri="b.ttl"/>
    <group xml:base="../../other/"><uri name="http://ex.org/c" uri="c.ttl"/></group>
  </group>
  <group xml:base="https://mirror.example.org/onto/"><uri name="http://ex.org/d" uri="d.ttl"/></group>
  <uri name="http://ex.org/e" uri="e.ttl"/>
</catalog>`,
    );
    const catalog = await readCatalog(file);
    expect(catalog.resolve('http://ex.org/a')).toBe(join(dir, 'bases/onto/a.ttl'));
    expect(catalog.resolve('http://ex.org/b')).toBe(join(dir, 'bases/onto/sub/b.ttl'));
    expect(catalog.resolve('http://ex.org/c')).toBe(join(dir, 'bases/other/c.ttl'));
    expect(catalog.resolve('http://ex.org/d')).toBe('https://mirror.example.org/onto/d.ttl');
    expect(catalog.resolve('http://ex.org/e')).toBe(join(dir, 'bases/onto/e.ttl'));
  });

  it('prefers an exact uri entry, then the longest rewriteURI prefix; the first of duplicate entries wins', async () => {
    const file = await write(
      'rewrite/catalog-v001.xml',
      `<catalog xmlns="${NS}">
  <rewriteURI uriStartString="http://ex.org/" rewritePrefix="all/"/>
  <rewriteURI uriStartString="http://ex.org/deep/" rewritePrefix="deep/"/>
  <uri name="http://ex.org/deep/exact" uri="exact.ttl"/>
  <uri name="http://ex.org/deep/exact" uri="ignored.ttl"/>
</catalog>`,
    );
    const catalog = await readCatalog(file);
    expect(catalog.resolve('http://ex.org/deep/exact')).toBe(join(dir, 'rewrite/exact.ttl'));
    expect(catalog.resolve('http://ex.org/deep/x.ttl')).toBe(join(dir, 'rewrite/deep/x.ttl'));
    expect(catalog.resolve('http://ex.org/y.ttl')).toBe(join(dir, 'rewrite/all/y.ttl'));
    expect(catalog.resolve('http://other.org/y.ttl')).toBeUndefined();
  });

  it('compares IRIs after normalisation (host case, default port)', async () => {
    const file = await write('normal/catalog-v001.xml', `<catalog xmlns="${NS}"><uri name="http://EX.org:80/a" uri="a.ttl"/></catalog>`);
    const catalog = await readCatalog(file);
    expect(catalog.resolve('http://ex.org/a')).toBe(join(dir, 'normal/a.ttl'));
  });

  it('follows nextCatalog chains after its own entries, skipping missing catalogs and cutting cycles', async () => {
    await write(
      'chain/sub/catalog-v001.xml',
      `<catalog xmlns="${NS}"><uri name="http://ex.org/a" uri="sub-a.ttl"/><uri name="http://ex.org/b" uri="b.ttl"/><nextCatalog catalog="../catalog-v001.xml"/></catalog>`,
    );
    const file = await write(
      'chain/catalog-v001.xml',
      `<catalog xmlns="${NS}">
  <nextCatalog catalog="missing/catalog-v001.xml"/>
  <nextCatalog catalog="sub/catalog-v001.xml"/>
  <uri name="http://ex.org/a" uri="a.ttl"/>
</catalog>`,
    );
    const catalog = await readCatalog(file);
    expect(catalog.resolve('http://ex.org/a')).toBe(join(dir, 'chain/a.ttl'));
    expect(catalog.resolve('http://ex.org/b')).toBe(join(dir, 'chain/sub/b.ttl'));
    expect(catalog.resolve('http://ex.org/none')).toBeUndefined();
    expect(catalog.entries.map((entry) => entry.name)).toEqual(['http://ex.org/a']);
  });

  it('ignores elements of other namespaces and entity-resolution entries', async () => {
    const file = await write(
      'foreign/catalog-v001.xml',
      `<catalog xmlns="${NS}" xmlns:x="urn:x">
  <x:meta><uri name="http://ex.org/hidden" uri="hidden.ttl"/></x:meta>
  <system systemId="http://ex.org/dtd" uri="x.dtd"/>
  <uri name="http://ex.org/a" uri="a.ttl"/>
</catalog>`,
    );
    const catalog = await readCatalog(file);
    expect(catalog.entries.map((entry) => entry.name)).toEqual(['http://ex.org/a']);
    expect(catalog.resolve('http://ex.org/hidden')).toBeUndefined();
  });

  it('rejects malformed XML with CATALOG_INVALID at file:line:col', async () => {
    const file = await write('bad/catalog-v001.xml', `<catalog xmlns="${NS}">\n  <uri name="http://ex.org/a" uri="a.ttl">\n</catalog>`);
    const error = await catalogError(file);
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.location).toMatchObject({ file, line: 4 });
    expect(error.location.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/^Malformed XML: /);
  });

  it('rejects a document that is not an OASIS catalog', async () => {
    const error = await catalogError(join(shared, 'iof-ontology/AboutIOFProd.rdf'));
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.message).toContain('<rdf:RDF> is not an OASIS XML catalog');
    expect(error.location.file).toBe(join(shared, 'iof-ontology/AboutIOFProd.rdf'));
  });

  it('rejects a uri entry without its uri attribute, naming the line', async () => {
    const file = await write('noattr/catalog-v001.xml', `<catalog xmlns="${NS}">\n\n  <uri name="http://ex.org/a"/>\n</catalog>`);
    const error = await catalogError(file);
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.message).toBe('<uri> needs a "uri" attribute');
    expect(error.location).toMatchObject({ file, line: 4 });
  });

  it('reports a missing catalog file as FILE_NOT_FOUND', async () => {
    const file = join(dir, 'absent/catalog-v001.xml');
    const error = await catalogError(file);
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.location.file).toBe(file);
  });
});

describe('looksLikeCatalog', () => {
  it('recognises catalogs whatever their name, and not RDF/XML', () => {
    const head = (path: string) => readFileSync(join(shared, path), 'utf8').slice(0, 4096);
    expect(looksLikeCatalog(head('iof-ontology/catalog-v001.xml'))).toBe(true);
    expect(looksLikeCatalog(head('protege-owl/protege-test-ontologies/catalog-auto-update-false.xml'))).toBe(true);
    expect(looksLikeCatalog(head('iof-ontology/AboutIOFProd.rdf'))).toBe(false);
  });
});
