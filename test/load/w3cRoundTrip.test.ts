/**
 * Round trips of the hardest RDF at hand, the W3C Turtle test suites (RDF 1.1 and 1.2): every positive
 * syntax and evaluation test is loaded through loadOntologies (with the base IRI its manifest assumes,
 * each under its own graph id in one store), exported in every triple syntax and parsed back. Each export
 * must be isomorphic to the parsed input, or, where the syntax cannot express a term of the input, be
 * refused with UNSUPPORTED_FORMAT naming that term. Which exports are refused is worked out from the
 * input here, by each syntax's rules, independently of the serializers.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { parseFile, type ExportFormat } from '../../src/rdf/index.ts';
import { readManifest, type TurtleTest } from '../conformance/manifest.ts';
import { compareGraphs, distinct, exportText, parseText, tempStore } from './helpers.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const formats: ExportFormat[] = ['ttl', 'nt', 'rdfxml', 'jsonld'];

/** Terms of the input a syntax cannot write, each with the reason. */
type Refusal = { term: Term; reason: string };

/** A triple and the triples of its triple terms, at any depth. */
function* triplesWithin(quad: Quad): Generator<Quad> {
  yield quad;
  if (quad.object.termType === 'Quad') yield* triplesWithin(quad.object as Quad);
}

/**
 * An XML NCName (XML 1.0 fifth edition, Namespaces in XML): a name start character (a letter, `_`, or
 * anything from U+00C0 up that is no combining or punctuation block) followed by name characters.
 */
const ncnameAtEnd = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_.\-\u00B7]*$/u;
/** Property element names RDF/XML keeps for its own syntax (RDF 1.1 XML Syntax, coreSyntaxTerms and oldTerms, and rdf:li). */
const reservedProperties = new Set(['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID'].map((name) => RDF + name));
/** Characters outside XML 1.0's Char production: no document, not even a character reference, can carry them. */
const outsideXmlChar = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const refusals: Record<ExportFormat, (quad: Quad) => Refusal[]> = {
  // Turtle 1.2 and N-Triples 1.2 write every RDF 1.2 term.
  ttl: () => [],
  nt: () => [],
  nq: () => [],
  trig: () => [],
  // RDF/XML: a property element is named by the predicate split into namespace and NCName; XML 1.0 text
  // cannot hold some control characters. Triple terms and base directions RDF 1.2 XML Syntax writes.
  rdfxml: (quad) => [...triplesWithin(quad)].flatMap((triple): Refusal[] => [
    ...(!ncnameAtEnd.test(triple.predicate.value) || reservedProperties.has(triple.predicate.value) ? [{ term: triple.predicate, reason: 'predicate without an XML name' }] : []),
    ...(triple.object.termType === 'Literal' && outsideXmlChar.test(triple.object.value) ? [{ term: triple.object, reason: 'character outside XML 1.0' }] : []),
  ]),
  // JSON-LD 1.1 has base direction (@direction) but no triple terms.
  jsonld: (quad) => (quad.object.termType === 'Quad' ? [{ term: quad.object, reason: 'triple term' }] : []),
};

/** A term as error messages show it, blank node labels left out (an export relabels them). */
function shown(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return '_:';
    case 'Quad': return `<<( ${shown(term.subject)} ${shown(term.predicate)} ${shown(term.object)} )>>`;
    default: {
      const { value, language, direction, datatype } = term as Literal & { direction?: string };
      return JSON.stringify(value) + (language ? `@${language}${direction ? `--${direction}` : ''}` : datatype.value.endsWith('#string') ? '' : `^^<${datatype.value}>`);
    }
  }
}
const withoutBlankLabels = (text: string) => text.replace(/_:[^\s)]+/g, '_:');

const positive = (test: TurtleTest) => test.type === 'TestTurtlePositiveSyntax' || test.type === 'TestTurtleEval';
const cases = (await Promise.all(['rdf11', 'rdf12'].map(async (suite) => {
  const { tests } = await readManifest(`test/fixtures/shared/rdf-tests/turtle/${suite}/manifest.ttl`);
  return tests.filter(positive).map((test) => ({ ...test, graphId: `${suite}.${test.id}`.replace(/[^A-Za-z0-9._-]/g, '-') }));
}))).flat();

async function parseInput(test: TurtleTest): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseFile(test.action, { format: 'turtle', baseIRI: test.base }, { quads: (batch) => void quads.push(...batch) });
  return distinct(quads);
}

let store: GraphStore;
let dispose: () => Promise<void>;
const inputs = new Map<string, Quad[]>();

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  for (const testCase of cases) inputs.set(testCase.graphId, await parseInput(testCase));
});
afterAll(() => dispose());

test('every positive test of both suites is here', () => {
  expect(new Set(cases.map((c) => c.graphId)).size).toBe(cases.length);
  expect(cases.filter((c) => c.graphId.startsWith('rdf11.')).length).toBeGreaterThan(200);
  expect(cases.filter((c) => c.graphId.startsWith('rdf12.')).length).toBeGreaterThan(50);
});

describe.each(cases)('$graphId', (testCase) => {
  test('loads; a document without triples is refused as nothing to load', async () => {
    const input = inputs.get(testCase.graphId)!;
    const loading = loadOntologies(store, [testCase.action], { id: testCase.graphId, baseIRI: testCase.base, missingImports: 'warn', allowRemoteImports: [], worker: false });
    if (input.length === 0) await expect(loading).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('nothing to load') });
    else expect((await loading).stats.triples).toBe(input.length);
  });

  test.each(formats)('%s: isomorphic to the input, or refused naming a term it cannot write', async (format) => {
    const input = inputs.get(testCase.graphId)!;
    if (input.length === 0) return;
    const refused = input.flatMap(refusals[format]);
    const exporting = exportText(store, testCase.graphId, format);
    if (refused.length > 0) {
      const error = await exporting.then(() => undefined, (e: unknown) => e);
      expect(error, `expected a refusal: ${refused.map((r) => `${r.reason} ${shown(r.term)}`).join(', ')}`).toBeInstanceOf(OntomeshError);
      const { code, message, location } = error as OntomeshError;
      expect(code).toBe('UNSUPPORTED_FORMAT');
      expect(message).toContain(location.term);
      expect(refused.map((r) => shown(r.term))).toContain(withoutBlankLabels(location.term!));
      return;
    }
    const text = await exporting;
    const exported = await parseText(text, format);
    expect(compareGraphs(exported, input), text).toEqual({ missing: [], extra: [], blankIsomorphic: true });
    expect(exported.length).toBe(input.length);
  });
});
