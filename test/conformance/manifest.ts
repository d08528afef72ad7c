/**
 * Reads a W3C RDF test manifest (and the manifests it includes) with our own Turtle parser, and
 * runs its Turtle tests against parseFile. Shared by the conformance tests and scripts/w3c-report.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { OntomeshError } from '../../src/errors/index.ts';
import { parseFile } from '../../src/rdf/index.ts';

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFT = 'http://www.w3.org/ns/rdftest#';

/** The kinds of Turtle test, by their local name in the rdft vocabulary. */
export type TurtleTestType = 'TestTurtleEval' | 'TestTurtleNegativeEval' | 'TestTurtlePositiveSyntax' | 'TestTurtleNegativeSyntax';

/** One test of a manifest. */
export interface TurtleTest {
  id: string;
  name: string;
  type: TurtleTestType;
  /** Path of the document to parse. */
  action: string;
  /** Path of the expected N-Triples (evaluation tests). */
  result?: string;
  /** The base IRI the test assumes: the manifest's mf:assumedTestBase resolved with the action's name. */
  base: string;
}

/** What running a test gave. */
export interface TurtleTestOutcome { passed: boolean; detail?: string }

/** The Turtle tests of the manifest at `path` and of the manifests it includes (missing includes are listed). */
export async function readManifest(path: string): Promise<{ tests: TurtleTest[]; missingIncludes: string[] }> {
  const file = resolve(path);
  const quads: Quad[] = [];
  await parseFile(file, { format: 'turtle' }, { quads: (batch) => { quads.push(...batch); } });
  const objects = (subject: Term, predicate: string) =>
    quads.filter((q) => q.subject.equals(subject) && q.predicate.value === predicate).map((q) => q.object);
  const object = (subject: Term, predicate: string) => objects(subject, predicate)[0];
  const list = (head: Term | undefined): Term[] => {
    const items: Term[] = [];
    for (let node = head; node && node.value !== `${RDF}nil`; node = object(node, `${RDF}rest`)) items.push(object(node, `${RDF}first`)!);
    return items;
  };
  const manifest = quads.find((q) => q.predicate.value === `${RDF}type` && q.object.value === `${MF}Manifest`)!.subject;
  const directory = pathToFileURL(file).href.replace(/[^/]*$/, '');
  const assumedBase = object(manifest, `${MF}assumedTestBase`)?.value;
  const tests: TurtleTest[] = [];
  const missingIncludes: string[] = [];
  for (const entry of list(object(manifest, `${MF}entries`))) {
    const type = object(entry, `${RDF}type`)!.value.slice(RDFT.length) as TurtleTestType;
    const action = object(entry, `${MF}action`)!.value;
    const result = object(entry, `${MF}result`)?.value;
    const relative = action.startsWith(directory) ? action.slice(directory.length) : action;
    tests.push({
      id: entry.value.replace(/^.*[#/]/, ''),
      name: object(entry, `${MF}name`)?.value ?? entry.value,
      type,
      action: fileURLToPath(action),
      ...(result ? { result: fileURLToPath(result) } : {}),
      base: assumedBase ? new URL(relative, assumedBase).href : action,
    });
  }
  for (const include of list(object(manifest, `${MF}include`))) {
    const included = fileURLToPath(include.value);
    if (!existsSync(included)) missingIncludes.push(included);
    else {
      const nested = await readManifest(included);
      tests.push(...nested.tests);
      missingIncludes.push(...nested.missingIncludes);
    }
  }
  return { tests, missingIncludes };
}

async function parseAll(path: string, options: { base?: string; format: 'turtle' | 'ntriples' }): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseFile(path, { format: options.format, baseIRI: options.base }, { quads: (batch) => { quads.push(...batch); } });
  return quads;
}

/**
 * Runs one test: negative tests must fail with RDF_SYNTAX and a line number, positive syntax
 * tests must parse, evaluation tests must give a graph isomorphic to the expected N-Triples.
 */
export async function runTurtleTest(test: TurtleTest): Promise<TurtleTestOutcome> {
  const negative = test.type === 'TestTurtleNegativeSyntax' || test.type === 'TestTurtleNegativeEval';
  let quads: Quad[];
  try {
    quads = await parseAll(test.action, { base: test.base, format: 'turtle' });
  } catch (error) {
    if (!negative) return { passed: false, detail: `rejected: ${error instanceof OntomeshError ? error.format() : String(error)}` };
    if (!(error instanceof OntomeshError) || error.code !== 'RDF_SYNTAX') return { passed: false, detail: `wrong error: ${String(error)}` };
    if (!error.location.line) return { passed: false, detail: `no line number: ${error.format()}` };
    return { passed: true, detail: error.format() };
  }
  if (negative) return { passed: false, detail: `accepted (${quads.length} triples)` };
  if (test.type !== 'TestTurtleEval') return { passed: true };
  const expected = await parseAll(test.result!, { format: 'ntriples' });
  return isomorphic(quads, expected) ? { passed: true } : { passed: false, detail: `not isomorphic: ${quads.length} triples, expected ${expected.length}` };
}
