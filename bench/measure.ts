/**
 * One measurement in a fresh process, so that its peak memory (max RSS) is its own:
 *
 *   node bench/measure.ts parser|floor|intern|indexed|parse|load FILE
 *
 * - `parser`: the raw parser alone, the peer we compare with: N3.js for Turtle and N-Triples,
 *   rdfxml-streaming-parser for RDF/XML, reading the file as a stream and counting quads;
 * - `parse`: ontomesh's own parse stage (src/rdf parseFile: format detection, batching, errors);
 * - `floor`: the raw parser, each triple inserted bare into one SQLite table (its terms' values and
 *   whether the object is a literal; no dictionary, no index, no full-text, no entailment, one
 *   transaction, the store's own settings): the least a load into SQLite can do, for telling what
 *   the load's own work costs;
 * - `indexed`: the floor, then the indexes a store of such rows needs to answer the API (by subject,
 *   by object, and full text over the text-index literals: src/graph/textIndex.ts), in the same
 *   transaction: the floor of a store that keeps terms as strings instead of ids;
 * - `intern`: the raw parser giving every term an id through a Map, nothing written: the least the
 *   read side of a load that stores ids (as ontomesh's does) costs before it writes anything;
 * - `load`: the whole pipeline, loadOntologies into a new SQLite store (parse, OWL view,
 *   entailment, mapping, writes, indexes, commit), the store closed at the end.
 *
 * Prints one JSON line: a Measurement.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export type MeasureMode = 'parser' | 'floor' | 'indexed' | 'intern' | 'parse' | 'load';

export interface Measurement {
  mode: MeasureMode;
  triples: number;
  ms: number;
  maxRssBytes: number;
  /** `load` only: facts the entailment closure added. */
  inferred?: number;
  /** `load` only: time in each phase of loadOntologies (read = parse, map, write; commit includes closing the store). */
  phasesMs?: { read: number; infer: number; commit: number };
}

type Outcome = Pick<Measurement, 'triples' | 'inferred' | 'phasesMs'>;

/** Parses `file` with the raw parser, handing each quad to `onQuad`; returns the count. */
async function rawParse(file: string, onQuad: (quad: Quad) => void = () => {}): Promise<Outcome> {
  const baseIRI = pathToFileURL(resolve(file)).href;
  const input = createReadStream(file, { encoding: 'utf8' });
  let count = 0;
  if (extname(file) === '.ttl' || extname(file) === '.nt') {
    await new Promise<void>((done, fail) => {
      input.on('error', fail);
      new Parser({ baseIRI, format: extname(file) === '.nt' ? 'N-Triples' : 'Turtle' }).parse(input, (error, quad) => {
        if (error) fail(error);
        else if (quad) {
          count++;
          onQuad(quad);
        } else done();
      });
    });
  } else {
    await new Promise<void>((done, fail) => {
      input.on('error', fail);
      input.pipe(new RdfXmlParser({ baseIRI }))
        .on('data', (quad: Quad) => {
          count++;
          onQuad(quad);
        })
        .on('error', fail)
        .on('end', done);
    });
  }
  return { triples: count };
}

/**
 * The floor: rawParse with every triple inserted as it comes, 64 rows a statement, in one transaction
 * of a store file with the settings of src/store/sqlite/schema.ts; given the text-index predicates,
 * then the indexes and full-text index that lookups by subject, by object and by text need.
 */
async function parseAndInsertBare(file: string, textPredicates?: readonly string[]): Promise<Outcome> {
  const rowsPerStatement = 64;
  const db = new DatabaseSync(join(scratch, 'floor.db'));
  db.exec(`PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;
    PRAGMA temp_store = MEMORY; CREATE TABLE triple (s TEXT, p TEXT, o TEXT, literal INTEGER)`);
  const insertMany = db.prepare(`INSERT INTO triple VALUES ${Array(rowsPerStatement).fill('(?, ?, ?, ?)').join(', ')}`);
  const insertOne = db.prepare('INSERT INTO triple VALUES (?, ?, ?, ?)');
  let row: (string | number)[] = [];
  db.exec('BEGIN');
  const outcome = await rawParse(file, ({ subject, predicate, object }) => {
    row.push(subject.value, predicate.value, object.value, object.termType === 'Literal' ? 1 : 0);
    if (row.length === rowsPerStatement * 4) {
      insertMany.run(...row);
      row = [];
    }
  });
  for (let i = 0; i < row.length; i += 4) insertOne.run(...row.slice(i, i + 4));
  if (textPredicates) {
    db.exec(`CREATE INDEX triple_by_subject ON triple (s, p, o);
      CREATE INDEX triple_by_object ON triple (o, p, s) WHERE literal = 0;
      CREATE VIRTUAL TABLE triple_text USING fts5(o, content = 'triple', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO triple_text (rowid, o) SELECT rowid, o FROM triple WHERE literal = 1 AND p IN (${textPredicates.map((p) => `'${p}'`).join(', ')})`);
  }
  db.exec('COMMIT');
  db.close();
  return outcome;
}

/**
 * rawParse giving each distinct subject, predicate, object and datatype an id through a Map: a
 * literal itself is not given one, as a store of ids keeps its text in its row (ontomesh's does).
 */
async function parseAndIntern(file: string): Promise<Outcome> {
  const ids = new Map<string, number>();
  const id = ({ value }: Quad['object']) => {
    let found = ids.get(value);
    if (found === undefined) ids.set(value, (found = ids.size + 1));
    return found;
  };
  return rawParse(file, ({ subject, predicate, object }) => {
    id(subject);
    id(predicate);
    id(object.termType === 'Literal' ? object.datatype : object);
  });
}

/** Each mode imports what it needs, then returns the work to time: module loading is not measured. */
type Prepare = () => Promise<(file: string) => Promise<Outcome>>;

// ontomesh's modules are imported only by the modes that use them, so that the raw parser's
// process carries nothing else.
const modes: Record<MeasureMode, Prepare> = {
  parser: async () => (file) => rawParse(file),
  floor: async () => (file) => parseAndInsertBare(file),
  indexed: async () => {
    const { textIndexPredicates } = await import('../src/graph/textIndex.ts');
    return (file) => parseAndInsertBare(file, textIndexPredicates);
  },
  intern: async () => parseAndIntern,
  parse: async () => {
    const { parseFile } = await import('../src/rdf/index.ts');
    return async (file) => ({ triples: (await parseFile(file, { file }, { quads() {} })).quads });
  },
  load: async () => {
    const { loadOntologies } = await import('../src/load/index.ts');
    const { openStore } = await import('../src/store/openStore.ts');
    return async (file) => {
      const started = performance.now();
      const marks: Partial<Record<'read' | 'infer' | 'commit', number>> = {};
      const store = await openStore(`sqlite:${join(scratch, 'bench.db')}`);
      const summary = await loadOntologies(store, [file], {
        missingImports: 'warn',
        allowRemoteImports: [],
        onProgress: ({ phase }) => void (marks[phase] ??= performance.now()),
      });
      await store.close();
      const ended = performance.now();
      const infer = marks.infer ?? ended;
      const commit = marks.commit ?? ended;
      return {
        triples: summary.stats.triples,
        inferred: summary.stats.inferred,
        phasesMs: { read: infer - started, infer: commit - infer, commit: ended - commit },
      };
    };
  },
};

const [mode, file] = process.argv.slice(2) as [MeasureMode, string];
if (!(mode in modes) || !file) {
  console.error('usage: node bench/measure.ts parser|floor|indexed|intern|parse|load FILE');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'ontomesh-bench-'));
try {
  const work = await modes[mode]();
  const started = performance.now();
  const outcome = await work(file);
  const ms = performance.now() - started;
  const measurement: Measurement = { mode, ...outcome, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
