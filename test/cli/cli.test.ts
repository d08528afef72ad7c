/**
 * The `ontomesh` command as users run it (a child process): help and usage errors, load with its
 * --json summary, versions, export in every format, validate, exit codes and `file:line:col` errors;
 * loads refused without changing the served graph (nothing to load, a graph of registered data
 * products), refused by `validate --store` alike, unreadable folders reported as such, and the files a
 * folder load skipped reported with why.
 */
import { chmod, copyFile, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedCounts } from '../load/expectedCounts.ts';
import { compareGraphs, fixture, parseText, readQuads, repoRoot, tempDir, writeTree } from '../load/helpers.ts';
import { canRunUnprivileged, runOntomesh, type RunResult } from './runOntomesh.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');
const brokenTurtle = fixture('w3c-vocabularies/dcat/dcat3-external.ttl');

let cwd: string;
let remove: () => Promise<void>;
let env: NodeJS.ProcessEnv;
const ontomesh = (...args: string[]) => runOntomesh(args, { cwd, env });

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  env = { ONTOMESH_STORE: `sqlite:${join(cwd, 'store.db')}` };
});
afterAll(() => remove());

describe('help and usage', () => {
  test('--help lists the commands and the exit codes', async () => {
    const { code, stdout } = await ontomesh('--help');
    expect(code).toBe(0);
    for (const command of ['load', 'validate', 'export', 'versions', 'activate', 'serve']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(stdout).toContain('Exit codes');
  });

  test.each(['load', 'validate', 'export', 'versions', 'activate', 'serve'])('%s --help shows its usage', async (command) => {
    const { code, stdout } = await ontomesh(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: ontomesh ${command} `));
  });

  test.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['load', '--frobnicate', 'x.ttl'], /BAD_REQUEST Unknown option '--frobnicate'/],
    [['load'], /BAD_REQUEST expected at least one PATH/],
    [['load', pizza, '--missing-imports', 'maybe'], /--missing-imports must be one of error, warn/],
    [['export', 'pizza', '--format', 'yaml'], /--format must be one of/],
    [['serve', '--port', 'eighty'], /--port must be an integer/],
    [['load', pizza, '--base', 'has space'], /^BAD_REQUEST --base must be an absolute IRI .*\(got "has space"\)$/m],
    [['load', pizza, '--base', 'notanIRI'], /^BAD_REQUEST --base must be an absolute IRI /m],
    [['load', pizza, '--base', '://'], /^BAD_REQUEST --base must be an absolute IRI /m],
    [['validate', pizza, '--base', 'ftp:'], /^BAD_REQUEST --base must be an absolute IRI /m],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await ontomesh(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('load, versions, export', () => {
  let summary: Record<string, unknown>;

  beforeAll(async () => {
    const { code, stdout, stderr } = await ontomesh('load', pizza, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    summary = JSON.parse(stdout) as Record<string, unknown>;
  });

  test('--json prints the counts of the input and the new version', async () => {
    const expected = expectedCounts(await readQuads([pizza]));
    expect(summary).toMatchObject({
      graphId: 'pizza',
      version: 1,
      triples: expected.triples,
      classes: expected.classes,
      properties: expected.objectProperties + expected.datatypeProperties + expected.annotationProperties,
      individuals: expected.individuals,
      missingImports: [],
    });
    expect(summary.documents).toEqual([expect.objectContaining({ location: pizza, format: 'rdfxml', ontologyIri: 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl' })]);
  });

  test('without --json it prints the counts for people', async () => {
    const { code, stdout } = await ontomesh('load', pizza, '--id', 'pizza-text');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Loaded graph "pizza-text" version 1 from 1 document in [\d.]+ s$/m);
    expect(stdout).toMatch(/^  triples +2,332 asserted, [\d,]+ inferred$/m);
  });

  test.each(['ttl', 'nt', 'rdfxml', 'jsonld'])('export --format %s writes the loaded graph', async (format) => {
    const { code, stdout } = await ontomesh('export', 'pizza', '--format', format);
    expect(code).toBe(0);
    const exported = await parseText(stdout, format as 'ttl');
    expect(compareGraphs(exported, await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });

  test('export --out picks the format from the extension', async () => {
    const out = join(cwd, 'pizza.rdf');
    const { code, stdout } = await ontomesh('export', 'pizza', '--out', out);
    expect([code, stdout]).toEqual([0, '']);
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^<\?xml|<rdf:RDF/);
    expect(compareGraphs(await parseText(text, 'rdfxml'), await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });

  test('a broken file exits 1 with file:line:col and changes nothing', async () => {
    const { code, stdout, stderr } = await ontomesh('load', brokenTurtle, '--id', 'pizza');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${brokenTurtle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:24:\\d+: RDF_SYNTAX .+$`, 'm'));
    const versions = JSON.parse((await ontomesh('versions', 'pizza', '--json')).stdout) as { version: number; active: boolean }[];
    expect(versions.map((v) => [v.version, v.active])).toEqual([[1, true]]);
  });

  test('with --json a failure is also printed as JSON on stdout', async () => {
    const { code, stdout } = await ontomesh('load', brokenTurtle, '--id', 'pizza', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ error: expect.objectContaining({ code: 'RDF_SYNTAX', file: brokenTurtle, line: 24, column: expect.any(Number) }) });
  });

  test('versions lists kept versions newest first, the active one marked', async () => {
    expect((await ontomesh('load', pizza)).code).toBe(0);
    const json = await ontomesh('versions', 'pizza', '--json');
    const versions = JSON.parse(json.stdout) as { version: number; active: boolean; stats: { triples: number } }[];
    expect(versions.map((v) => [v.version, v.active, v.stats.triples])).toEqual([[2, true, 2332], [1, false, 2332]]);
    const table = await ontomesh('versions', 'pizza');
    expect(table.stdout.split('\n')[1]).toMatch(/^\*\s+2\s/);
  });

  test('export --version exports a kept older version', async () => {
    const { code, stdout } = await ontomesh('export', 'pizza', '--version', '1', '--format', 'nt');
    expect(code).toBe(0);
    expect(compareGraphs(await parseText(stdout, 'nt'), await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });

  test('activate makes a kept version the active one again, and refuses one not kept', async () => {
    expect(await ontomesh('activate', 'pizza', '1')).toMatchObject({ code: 0, stdout: 'pizza: version 1 is active (was 2)\n' });
    const versions = JSON.parse((await ontomesh('versions', 'pizza', '--json')).stdout) as { version: number; active: boolean }[];
    expect(versions.map((v) => [v.version, v.active])).toEqual([[2, false], [1, true]]);
    expect(await ontomesh('activate', 'pizza', '99')).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND graph "pizza" keeps no version 99 (kept: 2, 1)') });
    expect(await ontomesh('activate', 'nope', '1')).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND graph "nope" does not exist') });
    expect(await ontomesh('activate', 'pizza', 'latest')).toMatchObject({ code: 2 });
    const back = JSON.parse((await ontomesh('activate', 'pizza', '2', '--json')).stdout) as { version: number; active: boolean }[];
    expect(back.map((v) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
  });

  test('an unknown graph or version exits 1 with NOT_FOUND', async () => {
    expect(await ontomesh('export', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND graph "nope" does not exist') });
    expect(await ontomesh('export', 'pizza', '--version', '99')).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND graph "pizza" has no version 99') });
    expect(await ontomesh('versions', 'nope')).toMatchObject({ code: 1 });
  });
});

describe('a folder', () => {
  test('load and validate report the files they skipped: one line naming the first few, all of them with --json', async () => {
    const folder = join(cwd, 'pizza-folder');
    await writeTree(folder, { 'README.md': '# Pizza\n', 'package.json': '{ "name": "pizza" }\n', 'draft.owl': '' });
    await copyFile(pizza, join(folder, 'pizza.owl'));
    await copyFile(pizza, join(folder, 'pizza.owl~'));
    await symlink(join(folder, 'moved.ttl'), join(folder, 'old.ttl'));
    const skipped = [
      ['README.md', 'not-rdf'], ['draft.owl', 'empty'], ['old.ttl', 'broken-link'], ['package.json', 'not-rdf'], ['pizza.owl~', 'backup'],
    ].map(([name, reason]) => ({ path: join(folder, name!), reason }));
    const line = '  skipped      5 files of the folders: pizza-folder/old.ttl (broken-link), pizza-folder/draft.owl (empty), pizza-folder/pizza.owl~ (backup) and 2 more (--json lists all)';
    for (const command of ['load', 'validate']) {
      const text = await ontomesh(command, 'pizza-folder', '--id', 'folder');
      expect([text.code, text.stdout.split('\n').filter((l) => l.includes('skipped'))], command).toEqual([0, [line]]);
      const json = await ontomesh(command, 'pizza-folder', '--id', 'folder', '--json');
      expect(JSON.parse(json.stdout), command).toMatchObject({ documents: [expect.objectContaining({ location: join(folder, 'pizza.owl') })], skipped });
    }
    const file = await ontomesh('validate', pizza, '--json');
    expect([file.stdout.includes('skipped  '), JSON.parse(file.stdout).skipped]).toEqual([false, []]);
  });
});

describe('validate', () => {
  test('reports what a load would, without a store', async () => {
    const { code, stdout } = await runOntomesh(['validate', pizza, '--json'], { cwd, env: { ONTOMESH_STORE: 'sqlite:/dev/null/never.db' } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ graphId: 'pizza', version: null, triples: 2332 });
  });

  test('fails on bad input like load does', async () => {
    const { code, stderr } = await ontomesh('validate', brokenTurtle);
    expect(code).toBe(1);
    expect(stderr).toMatch(/dcat3-external\.ttl:24:\d+: RDF_SYNTAX /);
  });

  test('an unresolved import is an error unless --missing-imports warn', async () => {
    const dcat = fixture('w3c-vocabularies/dcat/dcat3.ttl');
    const strict = await ontomesh('validate', dcat);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/dcat3\.ttl.*: IMPORT_UNRESOLVED /);
    const lenient = await ontomesh('validate', dcat, '--missing-imports', 'warn');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/warning: owl:imports <http:\/\/purl.org\/dc\/terms\/> not resolved/);
  });
});

describe('store selection', () => {
  test('--store wins over ONTOMESH_STORE', async () => {
    const other = `sqlite:${join(cwd, 'other.db')}`;
    expect((await ontomesh('load', pizza, '--store', other, '--id', 'elsewhere')).code).toBe(0);
    expect((await ontomesh('versions', 'elsewhere')).code).toBe(1);
    expect((await ontomesh('versions', 'elsewhere', '--store', other)).code).toBe(0);
  });

  test('an unusable store exits 3', async () => {
    const garbage = join(cwd, 'garbage.db');
    await writeFile(garbage, 'this is not a database, it is a text file long enough to have a header');
    const { code, stderr } = await ontomesh('versions', 'pizza', '--store', `sqlite:${garbage}`);
    expect(code).toBe(3);
    expect(stderr).toMatch(/^STORE_UNAVAILABLE /);
  });
});

describe('refused loads leave the served graph as it was', () => {
  const store = () => `sqlite:${join(cwd, 'refused.db')}`;
  const versionsOf = async (id: string) =>
    (JSON.parse((await ontomesh('versions', id, '--store', store(), '--json')).stdout) as { version: number; active: boolean }[]).map((v) => [v.version, v.active]);

  test('nothing to load: an empty folder, a folder without RDF, an empty file (exit 2, load and validate)', async () => {
    expect((await ontomesh('load', pizza, '--id', 'g', '--store', store())).code).toBe(0);
    await writeTree(cwd, { 'empty-folder/': '', 'notes-folder/README.md': '# Ontologies\n', 'notes-folder/terms.csv': 'iri,label\n', 'empty.ttl': '' });
    const [empty, notes, emptyFile] = ['empty-folder', 'notes-folder', 'empty.ttl'].map((name) => join(cwd, name)) as [string, string, string];
    for (const [path, message] of [[empty, `no RDF document in ${empty} `], [notes, `no RDF document in ${notes} `], [emptyFile, `${emptyFile} holds no triples`]] as const) {
      for (const args of [['load', path, '--id', 'g', '--store', store()], ['validate', path]]) {
        const { code, stdout, stderr } = await ontomesh(...args);
        expect([code, stdout], args.join(' ')).toEqual([2, '']);
        expect(stderr).toContain(`BAD_REQUEST nothing to load: ${message}`);
      }
    }
    expect(await versionsOf('g')).toEqual([[1, true]]);
    const exported = await ontomesh('export', 'g', '--format', 'nt', '--store', store());
    expect(compareGraphs(await parseText(exported.stdout, 'nt'), await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });

  test('a load does not overwrite a domain graph of registered data products (exit 2)', async () => {
    const orders = join(repoRoot, 'mesh/sales/orders.odps.yaml');
    expect((await ontomesh('mesh', 'register', orders, '--store', store())).code).toBe(0);
    const { code, stderr } = await ontomesh('load', pizza, '--id', 'mesh.sales', '--store', store());
    expect(code).toBe(2);
    expect(stderr).toContain('BAD_REQUEST graph "mesh.sales" holds registered data products; publish ontologies under another id');
    expect(await versionsOf('mesh.sales')).toEqual([[1, true]]);
    // The registry is intact: the product is still there to unregister.
    expect(await ontomesh('mesh', 'unregister', 'orders', '--store', store())).toMatchObject({ code: 0 });
  });

  test('validate --store refuses what load --store refuses, with the same code and message, and writes nothing', async () => {
    const dryRunStore = `sqlite:${join(cwd, 'dry-run.db')}`;
    const run = async (command: 'load' | 'validate', args: string[]) => {
      const { code, stderr } = await ontomesh(command, ...args, '--store', dryRunStore);
      return { code, error: stderr.split('\n')[0] };
    };
    expect((await ontomesh('mesh', 'register', join(repoRoot, 'mesh/sales/orders.odps.yaml'), '--store', dryRunStore)).code).toBe(0);
    expect((await ontomesh('load', pizza, '--store', dryRunStore)).code).toBe(0);
    // Derives the id "pizza" from its ontology IRI, as pizza.owl does, but is another ontology.
    const otherPizza = join(cwd, 'other-pizza.ttl');
    await writeFile(otherPizza, '<http://example.org/other/pizza> a <http://www.w3.org/2002/07/owl#Ontology> .\n');
    const refused = [
      [[pizza, '--id', 'mesh.sales'], 'BAD_REQUEST graph "mesh.sales" holds registered data products; publish ontologies under another id'],
      [[otherPizza], 'BAD_REQUEST graph "pizza" holds <https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl> (version 1)'],
    ] as const;
    for (const [args, message] of refused) {
      const dryRun = await run('validate', [...args]);
      expect(dryRun, args.join(' ')).toEqual(await run('load', [...args]));
      expect(dryRun.code).toBe(2);
      expect(dryRun.error).toContain(message);
    }
    // The store decides, not the id's prefix: a mesh.* graph without registrations loads, and validates.
    const allowed = await ontomesh('validate', pizza, '--id', 'mesh.pizza', '--store', dryRunStore, '--json');
    expect([allowed.code, JSON.parse(allowed.stdout).version]).toEqual([0, null]);
    expect((await ontomesh('versions', 'mesh.pizza', '--store', dryRunStore)).code).toBe(1);
    expect((await ontomesh('load', pizza, '--id', 'mesh.pizza', '--store', dryRunStore)).code).toBe(0);
    const salesVersions = JSON.parse((await ontomesh('versions', 'mesh.sales', '--store', dryRunStore, '--json')).stdout) as { version: number }[];
    expect(salesVersions.map((v) => v.version)).toEqual([1]);
  });

  test('validate --store naming no file is STORE_UNAVAILABLE and creates no store (a dry run opens it read-only)', async () => {
    const missing = join(cwd, 'typo.db');
    const { code, stderr } = await ontomesh('validate', pizza, '--store', `sqlite:${missing}`);
    expect(code).toBe(3);
    expect(stderr).toMatch(new RegExp(`^STORE_UNAVAILABLE cannot open SQLite store ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(readFile(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a --base that is no absolute IRI writes nothing', async () => {
    expect(await ontomesh('load', pizza, '--id', 'based', '--base', 'has space', '--store', store())).toMatchObject({ code: 2 });
    expect(await ontomesh('versions', 'based', '--store', store())).toMatchObject({ code: 1 });
  });
});

describe('unreadable folders, files and links', () => {
  const unprivileged = (...args: string[]): Promise<RunResult> => runOntomesh(args, { cwd, env, unprivileged: true });

  test.skipIf(!canRunUnprivileged)('is a FILE_NOT_FOUND naming the folder or the file, without a stack (exit 1); a link that cannot be followed is skipped', async () => {
    const { dir, remove: removeDir } = await tempDir();
    try {
      const triple = '<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n';
      await writeTree(dir, {
        'locked/a.ttl': triple,
        'mixed/a.ttl': triple,
        'mixed/secret.owl': '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
      });
      const [locked, mixed] = [join(dir, 'locked'), join(dir, 'mixed')];
      await chmod(locked, 0o000);
      await chmod(join(mixed, 'secret.owl'), 0o000);
      await chmod(dir, 0o777);
      const store = `sqlite:${join(dir, 'store.db')}`;
      const cases = [
        [locked, `${locked}: FILE_NOT_FOUND Cannot read ${locked}: EACCES`],
        [mixed, `${join(mixed, 'secret.owl')}: FILE_NOT_FOUND Cannot read ${join(mixed, 'secret.owl')}: EACCES`],
        [join(locked, 'a.ttl'), `${join(locked, 'a.ttl')}: FILE_NOT_FOUND Cannot read ${join(locked, 'a.ttl')}: EACCES`],
      ];
      for (const [path, message] of cases) {
        const result = await unprivileged('load', path!, '--id', 'locked', '--store', store);
        expect([result.code, result.stderr.split('\n')[0]], path).toEqual([1, expect.stringContaining(message!)]);
        expect(result.stderr, path).not.toContain('    at ');
        expect((await unprivileged('validate', path!)).code, path).toBe(1);
      }
      // A link into the locked folder cannot be examined: the folder's other files load, and the link is reported.
      const linked = join(dir, 'linked');
      await writeTree(dir, { 'linked/a.ttl': triple });
      await symlink(join(locked, 'a.ttl'), join(linked, 'locked.ttl'));
      const result = await unprivileged('validate', linked, '--json');
      expect([result.code, JSON.parse(result.stdout).skipped]).toEqual([0, [{ path: join(linked, 'locked.ttl'), reason: 'unreadable' }]]);
    } finally {
      await removeDir();
    }
  });
});
