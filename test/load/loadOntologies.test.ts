/**
 * The load pipeline's guarantees on real files: a failed or interrupted load leaves the active
 * version as it was and no partial version behind; reloading is idempotent; a dry run writes nothing
 * and reports what a load would; graph ids are derived as documented; nothing to load (no RDF document,
 * no triple), a graph of registered data products and a base that is no absolute IRI are refused.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies, registerProducts, type LoadOptions } from '../../src/load/index.ts';
import { compareGraphs, exportText, fixture, parseText, readQuads, repoRoot, tempDir, tempStore, writeTree } from './helpers.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');
const brokenTurtle = fixture('w3c-vocabularies/dcat/dcat3-external.ttl');
const options: LoadOptions = { missingImports: 'warn', allowRemoteImports: [] };

let store: GraphStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempStore());
});
afterEach(() => dispose());

async function expectOnlyPizzaVersion1(): Promise<void> {
  const versions = await store.versions('a');
  expect(versions.map((v) => [v.version, v.active])).toEqual([[1, true]]);
  expect(await store.graphIds()).toEqual(['a']);
  const exported = await parseText(await exportText(store, 'a', 'nt'), 'nt');
  expect(compareGraphs(exported, await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });
}

async function rejection(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

describe('atomicity', () => {
  beforeEach(async () => {
    await loadOntologies(store, [pizza], { ...options, id: 'a' });
  });

  test('a syntax error fails the load with file:line:col and the previous version stays active', async () => {
    const error = await rejection(loadOntologies(store, [brokenTurtle], { ...options, id: 'a' }));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ file: brokenTurtle, line: 24 });
    expect(error.format()).toMatch(/dcat3-external\.ttl:24:\d+: RDF_SYNTAX /);
    await expectOnlyPizzaVersion1();
  });

  test('a failure in a later document discards what the earlier ones wrote', async () => {
    const error = await rejection(loadOntologies(store, [pizza, brokenTurtle], { ...options, id: 'a' }));
    expect(error.code).toBe('RDF_SYNTAX');
    await expectOnlyPizzaVersion1();
  });

  test('an unresolved owl:imports fails the load when missing imports are errors', async () => {
    const error = await rejection(loadOntologies(store, [fixture('w3c-vocabularies/dcat/dcat3.ttl')], { ...options, id: 'a', missingImports: 'error' }));
    expect(error.code).toBe('IMPORT_UNRESOLVED');
    await expectOnlyPizzaVersion1();
  });

  test('an aborted load is rolled back', async () => {
    const controller = new AbortController();
    const load = loadOntologies(store, [fixture('schemaorg/schemaorg-current-https.ttl')], {
      ...options,
      id: 'a',
      signal: controller.signal,
      onProgress: (p) => { if (p.quads > 0) controller.abort(new Error('stop')); },
    });
    await expect(load).rejects.toThrow('stop');
    await expectOnlyPizzaVersion1();
  });
});

describe('reading in a worker thread', () => {
  test('gives the same version as reading in the calling thread', async () => {
    const core = fixture('iof-ontology/core/Core.rdf');
    const inThread = await loadOntologies(store, [core], { ...options, id: 'core', worker: false });
    const inWorker = await loadOntologies(store, [core], { ...options, id: 'core', worker: true });
    expect(inWorker.stats).toEqual(inThread.stats);
    expect(inWorker.documents).toEqual(inThread.documents);
    expect(await exportText(store, 'core', 'nt', 2)).toBe(await exportText(store, 'core', 'nt', 1));
    const [second, first] = await store.versions('core');
    expect(second!.meta).toEqual(first!.meta);
  });

  test('keeps error codes and locations, and rolls back', async () => {
    await loadOntologies(store, [pizza], { ...options, id: 'a' });
    const error = await rejection(loadOntologies(store, [pizza, brokenTurtle], { ...options, id: 'a', worker: true }));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ file: brokenTurtle, line: 24 });
    await expectOnlyPizzaVersion1();
  });

  test('stops when aborted', async () => {
    await loadOntologies(store, [pizza], { ...options, id: 'a' });
    const controller = new AbortController();
    const load = loadOntologies(store, [fixture('schemaorg/schemaorg-current-https.ttl')], {
      ...options,
      id: 'a',
      worker: true,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    });
    await expect(load).rejects.toThrow('stop');
    await expectOnlyPizzaVersion1();
  });
});

test('reloading the same files gives the same graph, blank node ids included', async () => {
  const first = await loadOntologies(store, [pizza], options);
  const second = await loadOntologies(store, [pizza], options);
  expect([first.version, second.version]).toEqual([1, 2]);
  expect(await exportText(store, 'pizza', 'nt', 2)).toBe(await exportText(store, 'pizza', 'nt', 1));
});

test('versions record the documents of the imports closure, their ontology IRIs and prefixes', async () => {
  const summary = await loadOntologies(store, [fixture('iof-ontology/core/Core.rdf')], { ...options, id: 'core' });
  const [info] = await store.versions('core');
  expect(info!.meta.documents).toEqual(summary.documents.map(({ location, format, ontologyIri, versionIri }) => ({ location, format, ontologyIri, versionIri })));
  expect(info!.meta.documents[0]!.ontologyIri).toBe('https://spec.industrialontologies.org/ontology/core/Core/');
  expect(info!.meta.prefixes).toMatchObject({ owl: 'http://www.w3.org/2002/07/owl#' });
  expect(info!.stats).toEqual(summary.stats);
});

test('a dry run reports what a load would and writes nothing', async () => {
  const dry = await loadOntologies(undefined, [pizza], options);
  const real = await loadOntologies(store, [pizza], options);
  expect(dry.version).toBeUndefined();
  expect(dry.stats).toEqual(real.stats);
  expect(dry.graphId).toBe(real.graphId);
});

describe('graph id', () => {
  test.each([
    ['protege-owl/pizza-owlcs/pizza.owl', 'pizza'],
    ['obo-ro/ro.owl', 'ro'],
    ['w3c-vocabularies/dcat/dcat3.ttl', 'dcat'],
    ['iof-ontology/core/Core.rdf', 'Core'],
    // schema.org declares no owl:Ontology: the file name decides.
    ['schemaorg/schemaorg-current-https.ttl', 'schemaorg-current-https'],
  ])('%s loads as %s', async (path, id) => {
    expect((await loadOntologies(undefined, [fixture(path)], options)).graphId).toBe(id);
  });

  test('an invalid --id is a BAD_REQUEST', async () => {
    const error = await rejection(loadOntologies(store, [pizza], { ...options, id: '../etc' }));
    expect(error.code).toBe('BAD_REQUEST');
  });

  test('a derived id that names a graph of another ontology is refused; the same ontology, or the id given, replaces it', async () => {
    const { dir, remove } = await tempDir();
    try {
      const ontology = (iri: string, label: string) =>
        `@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<${iri}> a owl:Ontology .\n<${iri}C> a owl:Class ; rdfs:label "${label}" .\n`;
      await writeTree(dir, {
        'slash.ttl': ontology('http://example.org/onto/', 'first'),
        'slash-again.ttl': ontology('http://example.org/onto/', 'second'),
        'hash.ttl': ontology('http://example.org/onto#', 'other'),
      });
      expect((await loadOntologies(store, [join(dir, 'slash.ttl')], options)).version).toBe(1);
      const error = await rejection(loadOntologies(store, [join(dir, 'hash.ttl')], options));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', location: { term: 'onto' } });
      expect(error.message).toContain('<http://example.org/onto/> (version 1)');
      expect((await store.versions('onto')).map((v) => [v.version, v.active])).toEqual([[1, true]]);
      expect((await loadOntologies(store, [join(dir, 'slash-again.ttl')], options)).version).toBe(2);
      expect((await loadOntologies(store, [join(dir, 'hash.ttl')], { ...options, id: 'onto' })).version).toBe(3);
    } finally {
      await remove();
    }
  });
});

test('a folder load reports the files it skipped, with why, read in a worker too', async () => {
  const { dir, remove } = await tempDir();
  try {
    const folder = join(dir, 'pizza');
    await writeTree(folder, { 'README.md': '# Pizza\n', 'notes/.DS_Store': '\0' });
    await copyFile(pizza, join(folder, 'pizza.owl'));
    await copyFile(pizza, join(folder, 'pizza.owl~'));
    const skipped = [
      { path: join(folder, 'README.md'), reason: 'not-rdf' },
      { path: join(folder, 'pizza.owl~'), reason: 'backup' },
      { path: join(folder, 'notes/.DS_Store'), reason: 'hidden' },
    ];
    for (const worker of [false, true]) {
      const summary = await loadOntologies(store, [folder], { ...options, id: 'folder', worker });
      expect([summary.documents.map((d) => d.location), summary.skipped], `worker: ${worker}`).toEqual([[join(folder, 'pizza.owl')], skipped]);
    }
    expect((await loadOntologies(undefined, [join(folder, 'pizza.owl')], options)).skipped).toEqual([]);
  } finally {
    await remove();
  }
});

describe('nothing to load is refused, and the active version stays', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    await loadOntologies(store, [pizza], { ...options, id: 'a' });
  });
  afterEach(() => removeDir());

  async function refused(paths: string[], message: string, extra: Partial<LoadOptions> = {}): Promise<void> {
    const error = await rejection(loadOntologies(store, paths, { ...options, id: 'a', ...extra }));
    expect([error.code, error.message]).toEqual(['BAD_REQUEST', message]);
    const dry = await rejection(loadOntologies(undefined, paths, { ...options, id: 'a', ...extra }));
    expect([dry.code, dry.message]).toEqual(['BAD_REQUEST', message]);
    await expectOnlyPizzaVersion1();
  }

  test('an empty folder, or one without an RDF file, naming the folders', async () => {
    await writeTree(dir, {
      'empty/': '',
      'notes/README.md': '# Ontologies\n',
      'notes/terms.csv': 'iri,label\nhttp://example.org/A,A\n',
      'notes/todo.txt': 'model pizzas\n',
      'notes/schema.json': '{"type": "object"}',
    });
    const [empty, notes] = [join(dir, 'empty'), join(dir, 'notes')];
    const hint = "(a folder's files count when their extension or content is an RDF syntax)";
    await refused([empty], `nothing to load: no RDF document in ${empty} ${hint}`);
    const notesSkipped = ['README.md', 'schema.json', 'terms.csv', 'todo.txt'].map((name) => `${join(notes, name)} (not-rdf)`).join(', ');
    await refused([notes], `nothing to load: no RDF document in ${notes} ${hint.replace(')', `; skipped: ${notesSkipped})`)}`);
    await refused([empty, notes], `nothing to load: no RDF document in ${empty}, ${notes} ${hint.replace(')', `; skipped: ${notesSkipped})`)}`);
  });

  test('a folder of an empty .owl says it skipped it, as empty', async () => {
    await writeTree(dir, { 'drafts/pizza.owl': '', 'drafts/README.md': '# Drafts\n' });
    const drafts = join(dir, 'drafts');
    await refused([drafts], `nothing to load: no RDF document in ${drafts} (a folder's files count when their extension or content is an RDF syntax; skipped: ${join(drafts, 'pizza.owl')} (empty), ${join(drafts, 'README.md')} (not-rdf))`);
  });

  test('documents without a triple: an empty file, prefixes and comments only, in a worker too', async () => {
    await writeTree(dir, { 'empty.ttl': '', 'prefixes.ttl': '# nothing yet\n@prefix ex: <http://example.org/> .\n' });
    const [empty, prefixes] = [join(dir, 'empty.ttl'), join(dir, 'prefixes.ttl')];
    await refused([empty], `nothing to load: ${empty} holds no triples`);
    await refused([empty], `nothing to load: ${empty} holds no triples`, { worker: true });
    await refused([empty, prefixes], `nothing to load: ${empty}, ${prefixes} hold no triples`);
  });

  test('a blank document is refused the same way whatever its name: .owl, .rdf, no extension (not an unrecognised syntax)', async () => {
    await writeTree(dir, { 'empty.owl': '', 'blank.rdf': ' \n\t\r\n', 'commented': '# an ontology, some day\n\n' });
    const files = ['empty.owl', 'blank.rdf', 'commented', 'utf16.owl'].map((name) => join(dir, name));
    await writeFile(files[3]!, Buffer.from('\uFEFF \r\n', 'utf16le'));
    for (const file of files) await refused([file], `nothing to load: ${file} holds no triples`);
    await refused([files[0]!], `nothing to load: ${files[0]} holds no triples`, { worker: true });
    await refused(files, `nothing to load: ${files.join(', ')} hold no triples`);
  });

  test('a document without a triple beside one with triples loads, whatever its name', async () => {
    const [empty, blank] = [join(dir, 'empty.ttl'), join(dir, 'blank.owl')];
    await writeFile(empty, '');
    await writeFile(blank, '\n');
    const summary = await loadOntologies(store, [pizza, empty, blank], { ...options, id: 'a' });
    expect([summary.version, summary.stats.triples]).toEqual([2, 2332]);
    expect(summary.documents.map((d) => [d.location, d.quads > 0])).toEqual([[pizza, true], [empty, false], [blank, false]]);
  });
});

describe('a graph of registered data products', () => {
  beforeEach(async () => {
    const file = join(repoRoot, 'mesh/sales/orders.odps.yaml');
    await registerProducts(store, [{ file, content: await readFile(file, 'utf8') }]);
  });

  async function expectRegistrationKept(): Promise<void> {
    const versions = await store.versions('mesh.sales');
    expect(versions.map((v) => [v.version, v.active, v.meta.origin])).toEqual([[1, true, 'ontomesh mesh register']]);
  }

  test('is not overwritten by a load under its id', async () => {
    const error = await rejection(loadOntologies(store, [pizza], { ...options, id: 'mesh.sales' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^graph "mesh\.sales" holds registered data products; publish ontologies under another id/);
    await expectRegistrationKept();
  });

  test('nor by one whose id comes from the ontology IRI', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = join(dir, 'sales.ttl');
      await writeFile(file, '<http://example.org/mesh.sales> a <http://www.w3.org/2002/07/owl#Ontology> .\n');
      expect((await loadOntologies(undefined, [file], options)).graphId).toBe('mesh.sales');
      expect((await rejection(loadOntologies(store, [file], options))).code).toBe('BAD_REQUEST');
      await expectRegistrationKept();
    } finally {
      await remove();
    }
  });

  test('other mesh.* ids without registrations load', async () => {
    expect((await loadOntologies(store, [pizza], { ...options, id: 'mesh.pizza' })).version).toBe(1);
  });
});

describe('the base IRI', () => {
  test.each(['has space', 'notanIRI', '://', 'ftp:', 'http://example.org/a b', 'http://example.org/<a>', 'http://example.org/%zz'])('%j is a BAD_REQUEST, before anything is read', async (base) => {
    const error = await rejection(loadOntologies(store, [pizza], { ...options, id: 'a', baseIRI: base }));
    expect([error.code, error.message]).toEqual(['BAD_REQUEST', `the base IRI must be an absolute IRI such as https://example.org/ontology# (got ${JSON.stringify(base)})`]);
    expect(await store.graphIds()).toEqual([]);
  });

  test.each(['https://example.org/ontology#', 'urn:example:ontology', 'file:///tmp/x.ttl', 'http://example.org/caf%C3%A9/'])('%j is accepted', async (base) => {
    expect((await loadOntologies(undefined, [pizza], { ...options, baseIRI: base })).stats.triples).toBe(2332);
  });
});
