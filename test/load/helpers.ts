/**
 * Shared by the load, CLI and API tests: fixture paths, temporary SQLite stores, reading the
 * expected quads straight from the input files, and exporting a graph back into quads.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Literal, Quad, Term } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { factsToQuads } from '../../src/graph/graphToRdf.ts';
import { exportGraph } from '../../src/load/index.ts';
import { parseFile, parseStream, type RdfFormat } from '../../src/rdf/index.ts';
import type { ExportFormat } from '../../src/rdf/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/SqliteGraphStore.ts';

/** Absolute path of a file under test/fixtures/shared. */
export function fixture(path: string): string {
  return fileURLToPath(new URL(`../fixtures/shared/${path}`, import.meta.url));
}

/** The repository root (where bin/ontomesh.js is). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh directory, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ontomesh-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `files` under `dir` (relative path -> content; a path ending in `/` is an empty folder), making folders as needed. */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(path.endsWith('/') ? target : dirname(target), { recursive: true });
    if (!path.endsWith('/')) await writeFile(target, content);
  }
}

/** A SQLite store in a fresh directory; `dispose` closes it and removes the directory. */
export async function tempStore(): Promise<{ store: GraphStore; url: string; path: string; dispose(): Promise<void> }> {
  const { dir, remove } = await tempDir();
  const path = join(dir, 'ontomesh.db');
  const store = await openSqliteStore(path);
  return { store, url: `sqlite:${path}`, path, dispose: async () => { await store.close(); await remove(); } };
}

/** Key of a term; blank nodes keep their (per-parse unique) labels. */
function termKey(term: Term): string {
  switch (term.termType) {
    case 'Literal':
      return `"${term.value}"@${term.language}--${(term as Literal & { direction?: string }).direction ?? ''}^^${term.datatype.value}`;
    case 'Quad':
      return `<<${quadKey(term as Quad)}>>`;
    default:
      return `${term.termType[0]}:${term.value}`;
  }
}

function quadKey(quad: Quad): string {
  return `${termKey(quad.subject)} ${termKey(quad.predicate)} ${termKey(quad.object)} ${termKey(quad.graph)}`;
}

/** The quads without exact duplicates (an RDF graph is a set). */
export function distinct(quads: readonly Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const quad of quads) seen.set(quadKey(quad), quad);
  return [...seen.values()];
}

/**
 * The quads of the given files, each parsed on its own (so their blank nodes stay apart, as in a load),
 * without duplicates: what a load of those documents must store.
 */
export async function readQuads(locations: readonly string[]): Promise<Quad[]> {
  const quads: Quad[] = [];
  for (const location of locations) await parseFile(location, {}, { quads: (batch) => void quads.push(...batch) });
  return distinct(quads);
}

const parseFormat: Record<ExportFormat, RdfFormat> = { ttl: 'turtle', nt: 'ntriples', nq: 'nquads', trig: 'trig', rdfxml: 'rdfxml', jsonld: 'jsonld' };

/** Parses serialized RDF text in an export format. */
export async function parseText(text: string, format: ExportFormat): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseStream(Readable.from([text]), { format: parseFormat[format], baseIRI: 'urn:ontomesh:test' }, { quads: (batch) => void quads.push(...batch) });
  return quads;
}

/** Exports a graph to text in `format`. */
export async function exportText(store: GraphStore, graphId: string, format: ExportFormat, version?: number): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportGraph(store, graphId, format, output, { version });
  output.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** The triples of one named graph (a registration's) of the active version of a graph. */
export async function namedGraphTriples(store: GraphStore, graphId: string, graph: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  for await (const batch of store.exportFacts(graphId)) {
    quads.push(...factsToQuads(batch.filter((f) => f.graph === graph).map((f) => ({ ...f, graph: undefined }))));
  }
  return quads;
}

function hasBlank(quad: Quad): boolean {
  return [quad.subject, quad.object, quad.graph].some((term) => term.termType === 'BlankNode' || (term.termType === 'Quad' && hasBlank(term as Quad)));
}

/**
 * Compares two graphs: ground quads as sets (so a failure names the quads that differ), the quads
 * with blank nodes by isomorphism (rdf-isomorphic). Empty `missing`/`extra` and `blankIsomorphic`
 * mean the graphs are isomorphic.
 */
export function compareGraphs(actual: readonly Quad[], expected: readonly Quad[]): { missing: string[]; extra: string[]; blankIsomorphic: boolean } {
  const ground = (quads: readonly Quad[]) => new Set(quads.filter((q) => !hasBlank(q)).map(quadKey));
  const actualGround = ground(actual);
  const expectedGround = ground(expected);
  return {
    missing: [...expectedGround].filter((key) => !actualGround.has(key)).slice(0, 10),
    extra: [...actualGround].filter((key) => !expectedGround.has(key)).slice(0, 10),
    blankIsomorphic: isomorphic(actual.filter(hasBlank), expected.filter(hasBlank)),
  };
}
