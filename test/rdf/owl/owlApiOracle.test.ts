/**
 * The OWL API (the reference OWL implementation, what Protégé reads and writes with; scripts/owlapi/) as
 * the oracle of ontomesh's two OWL readers and their mapping to RDF:
 * - every OWL functional-syntax and OWL/XML document of test/fixtures/shared (found by sniffing) parsed by
 *   ontomesh must give the graph the OWL API's N-Triples of the same document give;
 * - every RDF fixture the fidelity test loads, saved by the OWL API in functional syntax and in OWL/XML and
 *   parsed by ontomesh, must give the graph of the OWL API's own N-Triples of it (constructs our fixtures in
 *   the OWL syntaxes lack).
 * Where the graphs differ, the test computes the differing triples and asserts that each is one of the OWL
 * API's known rendering habits (`habits` below); no file is skipped. Imports are neither fetched nor
 * followed, on either side: each document is read alone.
 */
import { mkdtempSync, openSync, readdirSync, readFileSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owlApiConvert, type OwlApiConversion } from '../../../scripts/owlapi/owlApi.ts';
import { sniffFormat } from '../../../src/rdf/formats.ts';
import { parseFile } from '../../../src/rdf/parse.ts';
import { realOntologies } from '../../load/realOntologies.ts';
import { setValuedListsAsWritten, withSetListsSorted } from './setValuedLists.ts';

const SHARED = 'test/fixtures/shared';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const declarationTypes = new Set([`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`, `${OWL}NamedIndividual`, 'http://www.w3.org/2000/01/rdf-schema#Datatype']);

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The syntax src/rdf would sniff from the file's head. */
function sniffedFormat(path: string): ReturnType<typeof sniffFormat> {
  const head = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  try {
    return sniffFormat(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

const owlDocuments = [...filesUnder(SHARED)].filter((path) => ['ofn', 'owlxml'].includes(sniffedFormat(path) ?? '')).sort();
const rdfDocuments = realOntologies.flatMap(({ paths }) => paths.map((path) => join(SHARED, path))).filter((path) => !owlDocuments.includes(path));

/** The file's graph as ontomesh parses it (a set: an axiom stated twice is one triple). */
async function ontomeshGraph(path: string): Promise<Quad[]> {
  const store = new Store();
  await parseFile(path, {}, { quads: (batch) => void store.addQuads(batch) });
  return store.getQuads(null, null, null, null);
}

function nTriplesGraph(path: string): Quad[] {
  return new Store(new Parser({ format: 'N-Triples' }).parse(readFileSync(path, 'utf8'))).getQuads(null, null, null, null);
}

/** A term as text, a blank node as `_` (its label says nothing across graphs). */
const term = (t: Quad['subject'] | Quad['object']) => t.termType === 'BlankNode' ? '_' : t.termType === 'Literal' ? `${JSON.stringify(t.value)}^^${t.datatype.value}@${t.language}` : t.value;
const key = (quad: Quad) => `${term(quad.subject)} ${quad.predicate.value} ${term(quad.object)}`;
const show = (quads: Quad[]) => quads.map(key).sort();

/** Whether the document's text declares `iri`: a Declaration axiom naming it in full, as prefix:localName or relative to a base. */
function declaredIn(text: string, iri: string): boolean {
  const local = iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
  const byLocalName = new RegExp(`[:"#/]${local.replace(/\W/g, '\\$&')}(?:["\\s>]|$)`);
  const declarations = [...text.matchAll(/Declaration\s*\(\s*\w+\s*\(([^)]*)\)|<Declaration>([\s\S]*?)<\/Declaration>/g)].map(([, functional, xml]) => (functional ?? xml!).trim());
  return declarations.some((declaration) => declaration.includes(iri) || (local !== '' && byLocalName.test(declaration)));
}

/**
 * The OWL API's rendering habits that make its N-Triples differ from the W3C mapping of a document without
 * changing the ontology. Each takes the two graphs, returns the triples it explains, and asserts they are
 * that habit and nothing else.
 */
const habits = {
  /** It types every cell of an OWL list `rdf:List`, which the mapping to RDF does not write. */
  listCellTypes(ours: Quad[], theirs: Quad[]): { ours: Quad[]; theirs: Quad[] } {
    const typed = theirs.filter((q) => q.predicate.value === `${RDF}type` && q.object.value === `${RDF}List`);
    const cells = new Set(theirs.filter((q) => q.predicate.value === `${RDF}first`).map((q) => q.subject.value));
    expect(typed.filter((q) => !cells.has(q.subject.value))).toEqual([]);
    expect(ours.filter((q) => q.predicate.value === `${RDF}type` && q.object.value === `${RDF}List`)).toEqual([]);
    return { ours: [], theirs: typed };
  },
  /**
   * It declares every entity the ontology uses (a class, property, individual or datatype the document
   * names without declaring it), and its OWL/XML writer leaves some declarations out (xsd:date) that its
   * N-Triples have: declarations of entities the document read by ontomesh does not declare.
   */
  declarationsNotInTheDocument(ours: Quad[], theirs: Quad[], documentText: string): { ours: Quad[]; theirs: Quad[] } {
    const ourKeys = new Set(ours.map(key));
    const declared = theirs.filter((q) => q.predicate.value === `${RDF}type` && declarationTypes.has(q.object.value) && q.subject.termType === 'NamedNode' && !ourKeys.has(key(q)));
    for (const quad of declared) expect(declaredIn(documentText, quad.subject.value), `${quad.subject.value} is declared in the document`).toBe(false);
    return { ours: [], theirs: declared };
  },
  /**
   * An ontology is a set of axioms and DisjointClasses(A B) is DisjointClasses(B A): where a document
   * states both, the OWL API keeps one axiom and writes A owl:disjointWith B, while ontomesh maps each
   * axiom as it streams by and writes both directions (the same ontology).
   */
  secondDirectionOfDisjointness(ours: Quad[], theirs: Quad[]): { ours: Quad[]; theirs: Quad[] } {
    const theirKeys = new Set(theirs.map(key));
    const ourKeys = new Set(ours.map(key));
    const reversed = (q: Quad) => `${term(q.object)} ${q.predicate.value} ${term(q.subject)}`;
    const extra = ours.filter((q) => q.predicate.value === `${OWL}disjointWith` && !theirKeys.has(key(q)) && theirKeys.has(reversed(q)));
    for (const quad of extra) expect(ourKeys.has(reversed(quad))).toBe(true);
    return { ours: extra, theirs: [] };
  },
};

interface Comparison {
  /** Triples each habit explains, as `subject predicate object` (`_` for a blank node). */
  explained: Record<keyof typeof habits, { ours: string[]; theirs: string[] }>;
  /** Set-valued lists (owl:unionOf, owl:members, …) whose items the OWL API writes in another order. */
  reorderedSets: string[];
}

/** Compares ontomesh's graph of a document with the OWL API's, asserting that they differ only by `habits`. */
function compare(ours: Quad[], theirs: Quad[], documentText: string): Comparison {
  const explained = {} as Comparison['explained'];
  let restOurs = ours;
  let restTheirs = theirs;
  for (const name of Object.keys(habits) as (keyof typeof habits)[]) {
    const { ours: oursOnly, theirs: theirsOnly } = habits[name](restOurs, restTheirs, documentText);
    restOurs = restOurs.filter((q) => !oursOnly.includes(q));
    restTheirs = restTheirs.filter((q) => !theirsOnly.includes(q));
    explained[name] = { ours: show(oursOnly), theirs: show(theirsOnly) };
  }
  const reorderedSets = multisetDifference(setValuedListsAsWritten(restOurs), setValuedListsAsWritten(restTheirs));
  // Nothing else differs: the rest is the same graph, up to blank node labels and, for the reordered sets, the order of their items.
  expect(restOurs.length).toBe(restTheirs.length);
  if (reorderedSets.length === 0) expect(isomorphic(restOurs, restTheirs)).toBe(true);
  else expect(isomorphic(withSetListsSorted(restOurs), withSetListsSorted(restTheirs))).toBe(true);
  return { explained, reorderedSets };
}

function multisetDifference(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const left = counts.get(item) ?? 0;
    counts.set(item, left - 1);
    return left <= 0;
  });
}

/** Which habits explained some triples, with how many on each side. */
const summary = ({ explained, reorderedSets }: Comparison) => ({
  ...Object.fromEntries(Object.entries(explained).filter(([, { ours, theirs }]) => ours.length + theirs.length > 0).map(([name, { ours, theirs }]) => [name, { ours: ours.length, theirs: theirs.length }])),
  ...(reorderedSets.length ? { reorderedSets: reorderedSets.length } : {}),
});

let scratch = '';
const outputOf = (path: string, format: OwlApiConversion['format']) => join(scratch, `${path.replaceAll('/', '_')}.${format}`);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ontomesh-owlapi-'));
  // One JVM for every conversion: each document is loaded once and saved in each format asked.
  await owlApiConvert([
    ...owlDocuments.map((input) => ({ input, output: outputOf(input, 'ntriples'), format: 'ntriples' as const })),
    ...rdfDocuments.flatMap((input) => (['ntriples', 'functional', 'owlxml'] as const).map((format) => ({ input, output: outputOf(input, format), format }))),
  ]);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the OWL API as oracle of the OWL functional-syntax and OWL/XML documents of test/fixtures/shared', () => {
  it('finds them by sniffing: Protégé\'s Pizza in both syntaxes, OBO RO\'s editors\' file and its modules', () => {
    for (const path of ['protege-owl/protege-test-ontologies/pizza-functional.owl', 'protege-owl/protege-test-ontologies/VersionedOntology-functional.owl',
      'protege-owl/protege-test-ontologies/update/pizza-xml.owl', 'obo-ro/src/ontology/ro-edit.owl', 'obo-ro/src/ontology/components/rolification-axioms.owl']) {
      expect(owlDocuments).toContain(join(SHARED, path));
    }
    expect(owlDocuments.filter((path) => path.includes('obo-ro/src/ontology/imports/')).length).toBeGreaterThanOrEqual(10);
  });

  // The habits besides listCellTypes (every document with a list shows it) each document shows, as the
  // OWL API 5.5.1 writes it; compare fails on any other difference.
  const expectedHabits: Record<string, string[]> = {
    'pizza-functional.owl': ['secondDirectionOfDisjointness', 'reorderedSets'],
    'pizza-xml.owl': ['declarationsNotInTheDocument', 'reorderedSets'],
    'ro-edit.owl': ['declarationsNotInTheDocument'],
  };
  for (const path of owlDocuments) {
    it(`gives the OWL API's graph of ${path.slice(SHARED.length + 1)}`, async () => {
      const ours = await ontomeshGraph(path);
      const theirs = nTriplesGraph(outputOf(path, 'ntriples'));
      expect(ours.length).toBeGreaterThan(0);
      const comparison = compare(ours, theirs, readFileSync(path, 'utf8'));
      const name = path.slice(path.lastIndexOf('/') + 1);
      const found = Object.keys(summary(comparison)).filter((habit) => habit !== 'listCellTypes');
      expect(found.sort()).toEqual((expectedHabits[name] ?? []).sort());
    });
  }

  it('names the triples of each habit in Pizza: the reversed disjointness pizza-functional.owl states twice, the six declarations pizza-xml.owl lacks', async () => {
    const PIZZA = 'http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl';
    const functional = join(SHARED, 'protege-owl/protege-test-ontologies/pizza-functional.owl');
    const text = readFileSync(functional, 'utf8');
    const statedBothWays = [...text.matchAll(/^DisjointClasses\(<([^>]+)> <([^>]+)>\)$/gm)].map(([, a, b]) => `${a} ${b}`).filter((pair, _, all) => all.includes(pair.split(' ').reverse().join(' ')));
    const { explained: fromFunctional } = compare(await ontomeshGraph(functional), nTriplesGraph(outputOf(functional, 'ntriples')), text);
    expect(fromFunctional.secondDirectionOfDisjointness.ours.length).toBe(statedBothWays.length / 2);
    for (const triple of fromFunctional.secondDirectionOfDisjointness.ours) {
      const [a, , b] = triple.split(' ');
      expect(statedBothWays).toContain(`${a} ${b}`);
    }
    const owlXml = join(SHARED, 'protege-owl/protege-test-ontologies/update/pizza-xml.owl');
    const { explained: fromOwlXml } = compare(await ontomeshGraph(owlXml), nTriplesGraph(outputOf(owlXml, 'ntriples')), readFileSync(owlXml, 'utf8'));
    expect(fromOwlXml.declarationsNotInTheDocument.theirs).toEqual([
      ...['America', 'England', 'France', 'Germany', 'Italy'].map((country) => `${PIZZA}#${country} ${RDF}type ${OWL}NamedIndividual`),
      `http://protege.stanford.edu/plugins/owl/protege#defaultLanguage ${RDF}type ${OWL}AnnotationProperty`,
    ].sort());
  });
});

describe('the OWL API as oracle of the RDF fixtures it saves in OWL functional syntax and OWL/XML', () => {
  for (const path of rdfDocuments) {
    it(`gives the OWL API's graph of ${path.slice(SHARED.length + 1)} from its functional syntax and its OWL/XML`, async () => {
      const theirs = nTriplesGraph(outputOf(path, 'ntriples'));
      for (const format of ['functional', 'owlxml'] as const) {
        const output = outputOf(path, format);
        const ours = await ontomeshGraph(output);
        const { explained, reorderedSets } = compare(ours, theirs, readFileSync(output, 'utf8'));
        // Saved by the OWL API itself, the document holds its own declarations and disjointness once, its own set order.
        expect(explained.secondDirectionOfDisjointness.ours, format).toEqual([]);
        expect(reorderedSets, format).toEqual([]);
        if (format === 'functional') expect(explained.declarationsNotInTheDocument.theirs).toEqual([]);
      }
    });
  }
});
