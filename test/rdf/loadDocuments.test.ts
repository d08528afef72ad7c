import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import type { RdfFormat } from '../../src/rdf/formats.ts';
import { loadDocuments, type DocumentSink, type LoadDocumentsOptions, type LoadProgress } from '../../src/rdf/loadDocuments.ts';

const shared = resolve(import.meta.dirname, '../fixtures/shared');
const iof = join(shared, 'iof-ontology');
const ro = join(shared, 'obo-ro/src/ontology');
const CATALOG_NS = 'urn:oasis:names:tc:entity:xmlns:xml:catalog';
const offline: LoadDocumentsOptions = { missingImports: 'error', allowRemoteImports: [] };

/** A sink that checks the streaming contract (each document announced once, before its quads) and counts. */
function recordingSink() {
  const announced: { location: string; format: RdfFormat }[] = [];
  const quads: number[] = [];
  const sink: DocumentSink = {
    document(index, doc) {
      expect(index).toBe(announced.length);
      announced.push(doc);
      quads.push(0);
    },
    quads(index, batch) {
      expect(index).toBe(announced.length - 1);
      quads[index]! += batch.length;
    },
  };
  return { sink, announced, quads };
}

async function load(paths: string[], options: Partial<LoadDocumentsOptions> = {}) {
  const recording = recordingSink();
  const progress: LoadProgress[] = [];
  const result = await loadDocuments(paths, { ...offline, onProgress: (p) => progress.push(p), ...options }, recording.sink);
  return { ...result, ...recording, progress };
}

async function loadError(paths: string[], options: Partial<LoadDocumentsOptions> = {}): Promise<OntomeshError> {
  const error = await loadDocuments(paths, { ...offline, ...options }, { quads() {} }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

/** `name -> absolute target` of a catalog's uri entries, read with a regular expression (independent of readCatalog). */
function catalogMap(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const text = readFileSync(file, 'utf8');
  return new Map([...text.matchAll(/<uri\b[^>]*?\bname="([^"]*)"[^>]*?\buri="([^"]*)"/g)].map(([, name, uri]) => [name!, resolve(dirname(file), uri!)]));
}

/**
 * The imports closure of an IOF module, derived independently of the loader: every IOF import is
 * a full IRI in `<owl:imports rdf:resource="…"/>`, mapped by the catalog beside the importing file
 * or else by the root catalog. An entry of the catalog beside the file that points at a missing
 * file falls through to the root catalog (IOF's core/commonstocoremapping catalog maps the OMG
 * Commons IRIs to a ./Commons folder that does not exist; the root catalog maps them to cache/).
 */
function iofClosure(root: string): string[] {
  const rootCatalog = catalogMap(join(iof, 'catalog-v001.xml'));
  const files = [root];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const own = catalogMap(join(dirname(file), 'catalog-v001.xml'));
    for (const [, iri] of readFileSync(file, 'utf8').matchAll(/<owl:imports rdf:resource="([^"]+)"/g)) {
      const target = [own.get(iri!), rootCatalog.get(iri!)].find((path) => path !== undefined && existsSync(path));
      if (target === undefined) throw new Error(`${file}: ${iri} is not mapped to an existing file`);
      if (!files.includes(target)) files.push(target);
    }
  }
  return files;
}

describe('loadDocuments on the IOF ontologies (nested Protégé catalogs, fully offline)', () => {
  it.each([
    ['AboutIOFProd.rdf', 22],
    ['AboutIOFDev.rdf', 33],
  ])('loads the complete imports closure of %s once per document, with nothing missing', async (root, manifestCount) => {
    const expected = iofClosure(join(iof, root));
    expect(expected).toHaveLength(manifestCount); // the derivation agrees with the fixture's MANIFEST
    const { documents, missing, announced, quads, progress } = await load([join(iof, root)]);

    expect(missing).toEqual([]);
    expect(documents.map((d) => d.location).sort()).toEqual([...expected].sort());
    expect(documents[0]).toMatchObject({ location: join(iof, root), ontologyIri: `https://spec.industrialontologies.org/ontology/${root.replace('.rdf', '')}/` });
    expect(documents[0]!.importedBy).toBeUndefined();
    expect(announced).toEqual(documents.map(({ location, format }) => ({ location, format })));
    for (const [index, document] of documents.entries()) {
      expect(document.format).toBe('rdfxml');
      expect(document.quads).toBe(quads[index]);
      expect(document.quads).toBeGreaterThan(0);
      expect(document.bytes).toBe(statSync(document.location).size);
      if (index > 0) expect(documents.map((d) => d.location)).toContain(document.importedBy);
    }
    // Every import of the closure names a loaded document: by the catalogs, which is how IOF is laid out.
    const imported = documents.flatMap((d) => d.imports);
    expect(imported.length).toBeGreaterThan(documents.length - 1);
    const total = documents.reduce((sum, d) => ({ quads: sum.quads + d.quads, bytes: sum.bytes + d.bytes }), { quads: 0, bytes: 0 });
    expect(progress.at(-1)).toEqual({ location: documents.at(-1)!.location, ...total });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.quads).toBeGreaterThanOrEqual(progress[i - 1]!.quads);
  });

  it('reads the ontology header while streaming: IRI, version IRI and imports of the root', async () => {
    const { documents } = await load([join(iof, 'AboutIOFProd.rdf')]);
    const text = readFileSync(join(iof, 'AboutIOFProd.rdf'), 'utf8');
    expect(documents[0]!.versionIri).toBe('https://spec.industrialontologies.org/ontology/202602/AboutIOFProd/');
    expect(documents[0]!.imports).toEqual([...text.matchAll(/<owl:imports rdf:resource="([^"]+)"/g)].map((m) => m[1]));
  });

  it('loads the ontologies a catalog lists, and reports its entries whose files do not exist', async () => {
    const catalog = join(iof, 'catalog-v001.xml');
    const entries = [...catalogMap(catalog)];
    const absent = entries.filter(([, target]) => !existsSync(target));
    expect(absent.length).toBeGreaterThan(0);

    const error = await loadError([catalog]);
    const firstAbsent = readFileSync(catalog, 'utf8').split('\n').findIndex((line) => line.includes(`name="${absent[0]![0]}"`)) + 1;
    expect(error.code).toBe('IMPORT_UNRESOLVED');
    expect(error.location).toEqual({ file: catalog, line: firstAbsent, term: absent[0]![0] });
    expect(error.message).toBe(`Catalog entry <${absent[0]![0]}> cannot be resolved: the catalog maps it to ${absent[0]![1]}, which does not exist`);

    const { documents, missing } = await load([catalog], { missingImports: 'warn' });
    expect(missing).toEqual(absent.map(([iri]) => ({ iri, importedBy: catalog })));
    const listed = [...new Set(entries.filter(([, target]) => existsSync(target)).map(([, target]) => target))];
    expect(documents.slice(0, listed.length).map((d) => d.location)).toEqual(listed);
    expect(documents.slice(0, listed.length).every((d) => d.importedBy === catalog)).toBe(true);
  });
});

describe('loadDocuments on a Protégé folder-repository catalog with another name', () => {
  it('recognises the catalog by its content and loads the ontologies it lists, each under the IRI it is listed by', async () => {
    const catalog = join(shared, 'protege-owl/protege-test-ontologies/catalog-auto-update-false.xml');
    const entries = [...catalogMap(catalog)];
    const { documents, missing } = await load([catalog]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => [d.location, d.ontologyIri, d.importedBy])).toEqual(entries.map(([iri, target]) => [target, iri, catalog]));
  });
});

describe('loadDocuments on real ontologies whose imports cannot all be resolved offline', () => {
  it('fails on pizza.owl importing protege.owl, naming the IRI and the importing file', async () => {
    const pizza = join(shared, 'protege-owl/protege-test-ontologies/update/pizza.owl');
    const error = await loadError([pizza]);
    expect(error.code).toBe('IMPORT_UNRESOLVED');
    expect(error.location).toEqual({ file: pizza, term: 'http://protege.stanford.edu/plugins/owl/protege' });
    expect(error.message).toContain('host protege.stanford.edu is not in allowRemoteImports');
  });

  it('lists protege.owl as missing with warn, and loads pizza.owl', async () => {
    const pizza = join(shared, 'protege-owl/protege-test-ontologies/update/pizza.owl');
    const { documents, missing } = await load([pizza], { missingImports: 'warn' });
    expect(missing).toEqual([{ iri: 'http://protege.stanford.edu/plugins/owl/protege', importedBy: pizza }]);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ location: pizza, format: 'rdfxml', ontologyIri: 'http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl' });
    expect(documents[0]!.quads).toBeGreaterThan(1000);
  });

  it('reports the DCAT import of DPROD (Turtle) as missing, or fails on it', async () => {
    const dprod = join(shared, 'dprod/ontology/dprod/dprod-ontology.ttl');
    const error = await loadError([dprod]);
    expect(error.location).toEqual({ file: dprod, term: 'http://www.w3.org/ns/dcat#' });
    const { documents, missing } = await load([dprod], { missingImports: 'warn' });
    expect(missing).toEqual([{ iri: 'http://www.w3.org/ns/dcat#', importedBy: dprod }]);
    expect(documents.map((d) => [d.format, d.ontologyIri])).toEqual([['turtle', 'https://ekgf.github.io/dprod/']]);
  });

  it('fails on the broken RO bridge catalog at its entry for a foreign absolute path', async () => {
    const catalog = join(ro, 'bridge/catalog-v001.xml');
    const error = await loadError([catalog]);
    expect(error.code).toBe('IMPORT_UNRESOLVED');
    expect(error.location).toEqual({ file: catalog, line: 3, term: 'http://purl.obolibrary.org/obo/ro/bfo2-classes.owl' });
    expect(error.message).toContain('/Users/cjm/cvs/obo-relations/src/ontology/bfo2-classes.owl, which does not exist');
  });

  // RO's editors' file and some of its import modules are OWL functional syntax: the real parser reads them,
  // whatever missingImports says (the catalog resolves every import).
  it.each(['error', 'warn'] as const)('loads ro-edit.owl (functional syntax) with its imports (missingImports: %s)', async (missingImports) => {
    const { documents, missing, quads } = await load([join(ro, 'ro-edit.owl')], { missingImports });
    expect(missing).toEqual([]);
    expect(documents[0]).toMatchObject({ location: join(ro, 'ro-edit.owl'), format: 'ofn', ontologyIri: 'http://purl.obolibrary.org/obo/ro.owl' });
    expect(quads.every((count) => count > 0)).toBe(true);
  });

  it('maps ro-edit.owl\'s property chains, SWRL rules and annotated axioms to RDF (counts from the file text)', async () => {
    const file = join(ro, 'ro-edit.owl');
    const text = readFileSync(file, 'utf8');
    const quads: Quad[] = [];
    await loadDocuments([file], offline, { quads: (index, batch) => void (index === 0 && quads.push(...batch)) });
    const count = (predicate: string, object?: string) => quads.filter((q) => q.predicate.value === predicate && (object === undefined || q.object.value === object)).length;
    const lines = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
    const OWL = 'http://www.w3.org/2002/07/owl#';
    const SWRL = 'http://www.w3.org/2003/11/swrl#';
    const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    expect(count(`${OWL}propertyChainAxiom`)).toBe(lines(/^SubObjectPropertyOf\((Annotation\(.*\) )*ObjectPropertyChain\(/gm));
    expect(count(`${OWL}propertyChainAxiom`)).toBeGreaterThan(100);
    expect(count(RDF_TYPE, `${SWRL}Imp`)).toBe(lines(/^DLSafeRule\(/gm));
    // Each annotated axiom of the file has one main triple, reified as an owl:Axiom; an annotated rule's
    // annotations are on its swrl:Imp node instead.
    const annotatedAxioms = lines(/^(?!DLSafeRule)[A-Za-z]+\(Annotation\(/gm);
    expect(annotatedAxioms).toBeGreaterThan(0);
    expect(count(RDF_TYPE, `${OWL}Axiom`)).toBe(annotatedAxioms);
    expect(count(`${OWL}annotatedSource`)).toBe(annotatedAxioms + count(RDF_TYPE, `${OWL}Annotation`));
    const rules = new Set(quads.filter((q) => q.object.value === `${SWRL}Imp`).map((q) => q.subject.value));
    const annotatedRules = new Set(quads.filter((q) => rules.has(q.subject.value) && !q.predicate.value.startsWith(SWRL) && q.predicate.value !== RDF_TYPE).map((q) => q.subject.value));
    expect(annotatedRules.size).toBe(lines(/^DLSafeRule\(Annotation\(/gm));
    expect(count(`${OWL}inverseOf`)).toBeGreaterThan(0);
    expect(count(`${OWL}onDatatype`)).toBe(lines(/DatatypeRestriction\(/g));
  });

  describe('with the real functional-syntax parser', () => {
    it('resolves the mixed-syntax closure of ro-edit.owl through its ODK catalog (nested groups)', async () => {
      const { documents, missing } = await load([join(ro, 'ro-edit.owl')]);
      const imports = [...readFileSync(join(ro, 'ro-edit.owl'), 'utf8').matchAll(/^Import\(<([^>]+)>\)/gm)].map((m) => m[1]!);
      const catalog = catalogMap(join(ro, 'catalog-v001.xml'));
      expect(missing).toEqual([]);
      expect(documents.map((d) => d.location)).toEqual([join(ro, 'ro-edit.owl'), ...imports.map((iri) => catalog.get(iri))]);
      for (const document of documents) {
        const functional = readFileSync(document.location, 'utf8').startsWith('Prefix(');
        expect([document.location, document.format]).toEqual([document.location, functional ? 'ofn' : 'rdfxml']);
      }
      expect(new Set(documents.map((d) => d.format))).toEqual(new Set(['ofn', 'rdfxml']));
    });

    it('lists what the broken bridge catalog cannot resolve with warn, and loads the rest', async () => {
      const catalog = join(ro, 'bridge/catalog-v001.xml');
      const { documents, missing } = await load([catalog], { missingImports: 'warn' });
      expect(missing).toEqual([
        { iri: 'http://purl.obolibrary.org/obo/ro/bfo2-classes.owl', importedBy: catalog },
        { iri: 'http://www.ontologydesignpatterns.org/cp/owl/partof.owl', importedBy: catalog },
      ]);
      expect(documents[0]).toMatchObject({ location: join(ro, 'ro-edit.owl'), importedBy: catalog, ontologyIri: 'http://purl.obolibrary.org/obo/ro.owl' });
    });

    it('fails on the bridge ontology at its first unresolvable import, naming it and the bridge file', async () => {
      const bridge = join(ro, 'bridge/sio-ro-bridge.owl');
      const error = await loadError([bridge]);
      expect(error.code).toBe('IMPORT_UNRESOLVED');
      expect(error.location).toEqual({ file: bridge, term: 'http://purl.obolibrary.org/obo/ro/bfo-classes-minimal.owl' });
      expect(error.message).toContain(`no catalog maps it (consulted ${join(ro, 'bridge/catalog-v001.xml')})`);

      const { documents, missing } = await load([bridge], { missingImports: 'warn' });
      expect(missing).toEqual([
        { iri: 'http://purl.obolibrary.org/obo/ro/bfo-classes-minimal.owl', importedBy: bridge },
        { iri: 'http://semanticscience.org/ontology/sio.owl', importedBy: bridge },
      ]);
      expect(documents.map((d) => d.location).slice(0, 2)).toEqual([bridge, join(ro, 'ro-edit.owl')]);
    });
  });
});

describe('loadDocuments on synthetic ontologies', () => {
  let dir: string;
  const write = async (path: string, text: string): Promise<string> => {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    return file;
  };
  const ontology = (iri: string, ...lines: string[]) =>
    `@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<${iri}> a owl:Ontology${lines.map((line) => ` ;\n  ${line}`).join('')} .\n<${iri}#C> a owl:Class .\n`;
  const catalog = (body: string) => `<?xml version="1.0"?>\n<catalog xmlns="${CATALOG_NS}">\n${body}\n</catalog>\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ontomesh-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses each document of an import cycle once', async () => {
    const a = await write('cycle/a.ttl', ontology('http://ex.org/a', 'owl:imports <http://ex.org/b>'));
    const b = await write('cycle/b.ttl', ontology('http://ex.org/b', 'owl:imports <http://ex.org/a>'));
    await write('cycle/catalog-v001.xml', catalog('<uri name="http://ex.org/b" uri="b.ttl"/><uri name="http://ex.org/a" uri="a.ttl"/>'));
    const { documents, missing, quads } = await load([a]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => [d.location, d.ontologyIri, d.imports, d.importedBy])).toEqual([
      [a, 'http://ex.org/a', ['http://ex.org/b'], undefined],
      [b, 'http://ex.org/b', ['http://ex.org/a'], a],
    ]);
    expect(quads).toEqual([3, 3]);
  });

  it('reads the imports of an anonymous ontology, in any triple order, and ignores owl:imports of other subjects', async () => {
    const type = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
    const imports = '<http://www.w3.org/2002/07/owl#imports>';
    const file = await write('header/anonymous.nt', [
      `_:o ${imports} <http://ex.org/first> .`,
      `<http://ex.org/not-an-ontology> ${imports} <http://ex.org/ignored> .`,
      `_:o ${type} <http://www.w3.org/2002/07/owl#Ontology> .`,
      `_:o ${imports} <http://ex.org/second> .`,
      '',
    ].join('\n'));
    const { documents, missing } = await load([file], { missingImports: 'warn' });
    expect(documents[0]).toMatchObject({ format: 'ntriples', imports: ['http://ex.org/first', 'http://ex.org/second'] });
    expect(documents[0]!.ontologyIri).toBeUndefined();
    expect(missing.map((m) => m.iri)).toEqual(['http://ex.org/first', 'http://ex.org/second']);
  });

  it('resolves imports among the files given, by ontology IRI, without a catalog', async () => {
    const a = await write('given/a.ttl', ontology('http://ex.org/a', 'owl:imports <http://ex.org/b>'));
    const b = await write('given/b.ttl', ontology('http://ex.org/b', 'owl:imports <http://ex.org/a>'));
    const { documents, missing } = await load([a, b]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => [d.location, d.importedBy])).toEqual([[a, undefined], [b, undefined]]);
  });

  it('refuses two documents of the same ontology (a stale copy in the folder), naming both', async () => {
    const current = await write('twice/customer.ttl', ontology('http://ex.org/customer'));
    const stale = await write('twice/old/customer-copy.ttl', ontology('http://ex.org/customer'));
    const error = await loadError([join(dir, 'twice')]);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', location: { file: stale, term: 'http://ex.org/customer' } });
    expect(error.message).toContain(current);
  });

  it('says a catalog entry maps to a folder rather than that the folder does not exist', async () => {
    const root = await write('folder-entry/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/lib>'));
    await mkdir(join(dir, 'folder-entry/lib'), { recursive: true });
    await write('folder-entry/catalog-v001.xml', catalog('<uri name="http://ex.org/lib" uri="lib"/>'));
    const error = await loadError([root]);
    expect(error).toMatchObject({ code: 'IMPORT_UNRESOLVED', location: { term: 'http://ex.org/lib' } });
    expect(error.message).toContain(`${join(dir, 'folder-entry/lib')}, which is a folder, not a file`);
  });

  it('names the catalog file and line of the entry whose file is missing, for an import resolved through a next catalog too', async () => {
    const root = await write('missing entry/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/lib>', 'owl:imports <http://ex.org/gone/x>'));
    await write('missing entry/imports/My Lib.ttl', ontology('http://ex.org/lib'));
    await write('missing entry/catalog-v001.xml', catalog([
      '<group xml:base="imports/"><uri name="http://ex.org/lib" uri="My%20Lib.ttl"/></group>',
      '<nextCatalog catalog="next/catalog-v001.xml"/>',
    ].join('\n')));
    const next = await write('missing entry/next/catalog-v001.xml', catalog('\n<rewriteURI uriStartString="http://ex.org/gone/" rewritePrefix="gone/"/>'));
    const error = await loadError([root]);
    expect(error).toMatchObject({ code: 'IMPORT_UNRESOLVED', location: { file: root, term: 'http://ex.org/gone/x' } });
    expect(error.message).toContain(`${next}:4 maps it to ${join(dir, 'missing entry/next/gone/x')}, which does not exist`);
  });

  it('says a catalog entry naming a Windows path (C:\\… or file:///C:/…) maps to a path that does not exist here, at its file:line', async () => {
    const rootA = await write('windows/a-root.ttl', ontology('http://ex.org/a-root', 'owl:imports <http://ex.org/a>'));
    const rootB = await write('windows/b-root.ttl', ontology('http://ex.org/b-root', 'owl:imports <http://ex.org/b>'));
    const catalogFile = await write('windows/catalog-v001.xml', catalog([
      String.raw`<uri name="http://ex.org/a" uri="C:\Users\me\My Onto\a.owl"/>`,
      '<uri name="http://ex.org/b" uri="file:///c:/Users/me/b%20onto.owl"/>',
    ].join('\n')));
    const why = 'a Windows path that does not exist on this machine (map the IRI to a path relative to the catalog instead)';
    for (const [root, iri, line, path] of [
      [rootA, 'http://ex.org/a', 3, String.raw`C:\Users\me\My Onto\a.owl`],
      [rootB, 'http://ex.org/b', 4, String.raw`C:\Users\me\b onto.owl`],
    ] as const) {
      const error = await loadError([root]);
      expect(error).toMatchObject({ code: 'IMPORT_UNRESOLVED', location: { file: root, term: iri } });
      expect(error.message).toBe(`owl:imports <${iri}> cannot be resolved: ${catalogFile}:${line} maps it to ${path}, ${why}; host ex.org is not in allowRemoteImports; no loaded ontology has it as ontology IRI or version IRI`);
    }
    // The catalog given as the PATH: the entry itself is the location.
    const listed = await loadError([catalogFile]);
    expect(listed).toMatchObject({ code: 'IMPORT_UNRESOLVED', location: { file: catalogFile, line: 3, term: 'http://ex.org/a' } });
    expect(listed.message).toContain(String.raw`maps it to C:\Users\me\My Onto\a.owl, a Windows path that does not exist on this machine`);
  });

  it('resolves an import by version IRI among the files given', async () => {
    const root = await write('version/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/b/1.0>'));
    const b = await write('version/lib/b.ttl', ontology('http://ex.org/b', 'owl:versionIRI <http://ex.org/b/1.0>'));
    const { documents, missing } = await load([root, b]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => [d.location, d.versionIri])).toEqual([[root, undefined], [b, 'http://ex.org/b/1.0']]);
  });

  it('resolves an import by version IRI when the versioned ontology is loaded later, under its IRI', async () => {
    // The root names b only by its version IRI, which no catalog maps; c imports b by its IRI, which the catalog maps.
    const root = await write('later/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/b/1.0>, <http://ex.org/c>'));
    const b = await write('later/lib/b.ttl', ontology('http://ex.org/b', 'owl:versionIRI <http://ex.org/b/1.0>'));
    const c = await write('later/c.ttl', ontology('http://ex.org/c', 'owl:imports <http://ex.org/b>'));
    await write('later/catalog-v001.xml', catalog('<uri name="http://ex.org/c" uri="c.ttl"/><uri name="http://ex.org/b" uri="lib/b.ttl"/>'));
    const { documents, missing } = await load([root]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => [d.location, d.importedBy])).toEqual([[root, undefined], [c, root], [b, c]]);
  });

  it('resolves through catalog entries in groups with xml:base, and through the catalog beside an imported file', async () => {
    const root = await write('bases/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/m1>'));
    const m1 = await write('bases/vendor/modules/m1.ttl', ontology('http://ex.org/m1', 'owl:imports <http://ex.org/m2>'));
    const m2 = await write('bases/vendor/modules/deep/m2.ttl', ontology('http://ex.org/m2'));
    await write('bases/catalog-v001.xml', catalog('<group xml:base="vendor/"><group xml:base="modules/"><uri name="http://ex.org/m1" uri="m1.ttl"/></group></group>'));
    await write('bases/vendor/modules/catalog-v001.xml', catalog('<group xml:base="deep/"><uri name="http://ex.org/m2" uri="m2.ttl"/></group>'));
    const { documents, missing } = await load([root]);
    expect(missing).toEqual([]);
    expect(documents.map((d) => d.location)).toEqual([root, m1, m2]);
  });

  it('loads every RDF file of a folder, recursively and in order, skipping catalogs and other files, and says why each is skipped', async () => {
    const files = [
      await write('folder/a.ttl', ontology('http://ex.org/fa')),
      await write('folder/b.owl', `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="http://www.w3.org/2002/07/owl#">\n  <owl:Ontology rdf:about="http://ex.org/fb"/>\n</rdf:RDF>\n`),
      await write('folder/c.jsonld', JSON.stringify({ '@id': 'http://ex.org/fc', '@type': 'http://www.w3.org/2002/07/owl#Ontology' })),
      await write('folder/d.json', JSON.stringify({ '@context': { '@vocab': 'http://ex.org/' }, '@id': 'http://ex.org/fd', name: 'd' })),
      await write('folder/sub/e.nt', '<http://ex.org/fe> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology> .\n'),
    ];
    await write('folder/catalog-v001.xml', catalog(''));
    await write('folder/other-catalog.xml', catalog(''));
    await write('folder/pom.xml', '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n');
    await write('folder/package.json', '{ "name": "not-rdf" }\n');
    await write('folder/README.md', '# Not RDF\n');
    await write('folder/.hidden/x.ttl', 'not parsed at all');
    await write('folder/.DS_Store', '\0\0\0\x01Bud1');
    await write('folder/a.ttl~', ontology('http://ex.org/fa'));
    await write('folder/b.owl.bak', ontology('http://ex.org/fb'));
    await write('folder/sub/draft.owl', '\n');
    await write('folder/sub/empty.json', '');
    await write('folder/sub/catalog-v001.xml', catalog(''));
    await symlink(join(dir, 'folder/nowhere.ttl'), join(dir, 'folder/sub/gone.ttl'));
    const { documents, missing, skipped } = await load([join(dir, 'folder')]);
    expect(missing).toEqual([]);
    // Walk order: each folder's entries by name, its sub-folders after; the folders' catalog-v001.xml files resolve imports and are not listed.
    expect(skipped.map(({ path, reason }) => [path.slice(dir.length + 1), reason])).toEqual([
      ['folder/.DS_Store', 'hidden'],
      ['folder/README.md', 'not-rdf'],
      ['folder/a.ttl~', 'backup'],
      ['folder/b.owl.bak', 'backup'],
      ['folder/other-catalog.xml', 'catalog'],
      ['folder/package.json', 'not-rdf'],
      ['folder/pom.xml', 'not-rdf'],
      ['folder/sub/draft.owl', 'empty'],
      ['folder/sub/empty.json', 'empty'],
      ['folder/sub/gone.ttl', 'broken-link'],
    ]);
    // A skipped file given by itself is loaded, and no longer listed as skipped.
    const draft = join(dir, 'folder/sub/draft.owl');
    const given = await load([join(dir, 'folder'), draft]);
    expect(given.documents.map((d) => d.location)).toEqual([...files, draft]);
    expect(given.skipped.map((file) => file.path)).toEqual(skipped.map((file) => file.path).filter((path) => path !== draft));
    expect(documents.map((d) => [d.location, d.format])).toEqual([
      [files[0], 'turtle'],
      [files[1], 'rdfxml'],
      [files[2], 'jsonld'],
      [files[3], 'jsonld'],
      [files[4], 'ntriples'],
    ]);
    expect(documents.map((d) => d.ontologyIri)).toEqual(['http://ex.org/fa', 'http://ex.org/fb', 'http://ex.org/fc', undefined, 'http://ex.org/fe']);
  });

  it('applies the base IRI to the files given, and each imported file keeps its own', async () => {
    const root = await write('base/root.ttl', '@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<> a owl:Ontology ; owl:imports <http://ex.org/lib> .\n');
    const lib = await write('base/lib.ttl', '@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<> a owl:Ontology ; owl:versionIRI <http://ex.org/lib> .\n');
    await write('base/catalog-v001.xml', catalog('<uri name="http://ex.org/lib" uri="lib.ttl"/>'));
    const { documents } = await load([root], { baseIRI: 'http://ex.org/root' });
    expect(documents.map((d) => d.ontologyIri)).toEqual(['http://ex.org/root', pathToFileURL(lib).href]);
  });

  it('reports a syntax error in an imported file against that file', async () => {
    const root = await write('syntax/root.ttl', ontology('http://ex.org/root', 'owl:imports <http://ex.org/bad>'));
    const bad = await write('syntax/bad.ttl', '@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<http://ex.org/bad> a owl:Ontology ; owl:imports .\n');
    await write('syntax/catalog-v001.xml', catalog('<uri name="http://ex.org/bad" uri="bad.ttl"/>'));
    const error = await loadError([root]);
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ file: bad, line: 2 });
  });

  it('fails with FILE_NOT_FOUND on a path that does not exist', async () => {
    const error = await loadError([join(dir, 'absent.ttl')]);
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.location.file).toBe(join(dir, 'absent.ttl'));
  });

  describe('remote imports', () => {
    let server: Server;
    let origin: string;
    const requests: { url: string; headers: IncomingHttpHeaders }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        requests.push({ url: request.url!, headers: request.headers });
        const port = (server.address() as AddressInfo).port;
        switch (request.url) {
          case '/onto/shapes':
          case '/onto/shapes-alias':
            response.writeHead(303, { location: '/files/shapes.ttl' }).end();
            break;
          case '/onto/cut':
            response.writeHead(200, { 'content-type': 'text/turtle', 'content-length': '100000' });
            response.write('@prefix owl: <http://www.w3.org/2002/07/owl#> .\n');
            setTimeout(() => response.destroy(), 10);
            break;
          case '/files/shapes.ttl':
            response.writeHead(200, { 'content-type': 'text/turtle; charset=utf-8' });
            response.end(ontology(`http://127.0.0.1:${port}/onto/shapes`, `owl:imports <http://127.0.0.1:${port}/onto/terms>`));
            break;
          case '/onto/terms':
            // No useful media type: the syntax is sniffed.
            response.writeHead(200, { 'content-type': 'text/plain' });
            response.end(`<http://127.0.0.1:${port}/onto/terms> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology> .\n`);
            break;
          case '/onto/elsewhere':
            response.writeHead(302, { location: `http://localhost:${port}/onto/terms` }).end();
            break;
          default:
            response.writeHead(404).end();
        }
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((closed) => server.close(closed));
    });

    it('refuses a host that is not allowed without any network call', async () => {
      const root = await write('remote/refused.ttl', ontology('http://ex.org/refused', 'owl:imports <https://w3id.org/dprod/>'));
      const fetch = vi.fn<typeof globalThis.fetch>();
      const error = await loadError([root], { allowRemoteImports: ['example.org'], fetch });
      expect(error.code).toBe('IMPORT_UNRESOLVED');
      expect(error.location).toEqual({ file: root, term: 'https://w3id.org/dprod/' });
      expect(error.message).toContain('host w3id.org is not in allowRemoteImports');
      const { missing } = await load([root], { missingImports: 'warn', fetch });
      expect(missing).toEqual([{ iri: 'https://w3id.org/dprod/', importedBy: root }]);
      expect(fetch).not.toHaveBeenCalled();
    });

    it('fetches imports from an allowed host with content negotiation, following redirects and the imports of fetched documents', async () => {
      const root = await write('remote/allowed.ttl', ontology('http://ex.org/allowed', `owl:imports <${origin}/onto/shapes>, <${origin}/onto/shapes-alias>`));
      requests.length = 0;
      const { documents, missing } = await load([root], { allowRemoteImports: ['127.0.0.1'] });
      expect(missing).toEqual([]);
      expect(documents.map((d) => [d.location, d.format, d.ontologyIri, d.importedBy])).toEqual([
        [root, 'turtle', 'http://ex.org/allowed', undefined],
        [`${origin}/onto/shapes`, 'turtle', `${origin}/onto/shapes`, root],
        [`${origin}/onto/terms`, 'ntriples', `${origin}/onto/terms`, `${origin}/onto/shapes`],
      ]);
      // The alias redirects to the document already read: it is not read twice.
      expect(requests.map((r) => r.url)).toEqual(['/onto/shapes', '/files/shapes.ttl', '/onto/shapes-alias', '/files/shapes.ttl', '/onto/terms']);
      const accept = requests[0]!.headers.accept!;
      expect(accept.startsWith('text/turtle')).toBe(true);
      expect(accept).toContain('application/rdf+xml;q=0.9');
      expect(accept).toContain('application/ld+json;q=0.8');
    });

    it('does not follow a redirect to a host that is not allowed', async () => {
      const root = await write('remote/redirected.ttl', ontology('http://ex.org/redirected', `owl:imports <${origin}/onto/elsewhere>`));
      requests.length = 0;
      const { documents, missing } = await load([root], { allowRemoteImports: ['127.0.0.1'], missingImports: 'warn' });
      expect(missing).toEqual([{ iri: `${origin}/onto/elsewhere`, importedBy: root }]);
      expect(documents).toHaveLength(1);
      expect(requests.map((r) => r.url)).toEqual(['/onto/elsewhere']);
      const error = await loadError([root], { allowRemoteImports: ['127.0.0.1'] });
      expect(error.message).toContain('redirects to http://localhost:');
    });

    it('reports an HTTP error of an allowed host as an unresolved import', async () => {
      const root = await write('remote/gone.ttl', ontology('http://ex.org/gone', `owl:imports <${origin}/onto/gone>`));
      const error = await loadError([root], { allowRemoteImports: ['127.0.0.1'] });
      expect(error.code).toBe('IMPORT_UNRESOLVED');
      expect(error.location).toEqual({ file: root, term: `${origin}/onto/gone` });
      expect(error.message).toContain(`GET ${origin}/onto/gone answered 404`);
    });

    it('fails when the connection breaks while a fetched document is read', async () => {
      const root = await write('remote/cut.ttl', ontology('http://ex.org/cut', `owl:imports <${origin}/onto/cut>`));
      const error = await loadError([root], { allowRemoteImports: ['127.0.0.1'], missingImports: 'warn' });
      expect(error.code).toBe('IMPORT_UNRESOLVED');
      expect(error.location).toEqual({ file: root, term: `${origin}/onto/cut` });
      expect(error.message).toMatch(new RegExp(`^Reading ${origin}/onto/cut failed: `));
    });
  });
});
