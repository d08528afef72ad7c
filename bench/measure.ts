/**
 * One measurement in a fresh process, so that its peak memory (max RSS) is its own:
 *
 *   node bench/measure.ts parser|parse|load FILE
 *
 * - `parser`: the raw parser alone, the peer we compare with: N3.js for Turtle and N-Triples,
 *   rdfxml-streaming-parser for RDF/XML, reading the file as a stream and counting quads;
 * - `parse`: ontomesh's own parse stage (src/rdf parseFile: format detection, batching, errors);
 * - `load`: the whole pipeline, loadOntologies into a new SQLite store (parse, OWL view,
 *   entailment, mapping, writes, indexes, commit), the store closed at the end.
 *
 * Prints one JSON line: { mode, triples, ms, maxRssBytes }.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export type MeasureMode = 'parser' | 'parse' | 'load';

export interface Measurement {
  mode: MeasureMode;
  triples: number;
  ms: number;
  maxRssBytes: number;
}

async function rawParse(file: string): Promise<number> {
  const baseIRI = pathToFileURL(resolve(file)).href;
  const input = createReadStream(file, { encoding: 'utf8' });
  let count = 0;
  if (extname(file) === '.ttl' || extname(file) === '.nt') {
    await new Promise<void>((done, fail) => {
      input.on('error', fail);
      new Parser({ baseIRI, format: extname(file) === '.nt' ? 'N-Triples' : 'Turtle' }).parse(input, (error, quad) => {
        if (error) fail(error);
        else if (quad) count++;
        else done();
      });
    });
  } else {
    await new Promise<void>((done, fail) => {
      input.on('error', fail);
      input.pipe(new RdfXmlParser({ baseIRI }))
        .on('data', () => count++)
        .on('error', fail)
        .on('end', done);
    });
  }
  return count;
}

// ontomesh's modules are imported only by the modes that use them, so that the raw parser's
// process carries nothing else.
async function ontomeshParse(file: string): Promise<number> {
  const { parseFile } = await import('../src/rdf/index.ts');
  const result = await parseFile(file, { file }, { quads() {} });
  return result.quads;
}

async function load(file: string): Promise<number> {
  const { loadOntologies } = await import('../src/load/index.ts');
  const { openStore } = await import('../src/store/openStore.ts');
  const dir = mkdtempSync(join(tmpdir(), 'ontomesh-bench-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    const summary = await loadOntologies(store, [file], { missingImports: 'warn', allowRemoteImports: [] });
    await store.close();
    return summary.stats.triples;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run: Record<MeasureMode, (file: string) => Promise<number>> = { parser: rawParse, parse: ontomeshParse, load };

const [mode, file] = process.argv.slice(2) as [MeasureMode, string];
if (!(mode in run) || !file) {
  console.error('usage: node bench/measure.ts parser|parse|load FILE');
  process.exit(2);
}
const started = performance.now();
const triples = await run[mode](file);
const ms = performance.now() - started;
const measurement: Measurement = { mode, triples, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(`${JSON.stringify(measurement)}\n`);
