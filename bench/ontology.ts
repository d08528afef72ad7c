/**
 * Measures src/ontology alone (no parsing, no store) on a generated ontology of about a million
 * triples: the OWL view builder and the entailment closure, fed in batches as the load pipeline
 * does. Quads are generated on the fly, so the memory measured is the module's own.
 *
 *   node --expose-gc bench/ontology.ts [triples=1000000]
 *
 * Prints one JSON object: triples, inferred facts, view counts, milliseconds per phase, and
 * memory: heapUsed + arrayBuffers above the starting point (after a full GC) once everything is
 * added and while the closure is iterated, and the process's peak RSS.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { Entailment, OwlViewBuilder } from '../src/ontology/index.ts';

const { namedNode, literal, quad } = DataFactory;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const EX = 'https://example.org/bench#';

const type = namedNode(`${RDF}type`);
const label = namedNode(`${RDFS}label`);
const comment = namedNode(`${RDFS}comment`);
const subClassOf = namedNode(`${RDFS}subClassOf`);
const subPropertyOf = namedNode(`${RDFS}subPropertyOf`);
const domain = namedNode(`${RDFS}domain`);
const range = namedNode(`${RDFS}range`);
const inverseOf = namedNode(`${OWL}inverseOf`);
const equivalentClass = namedNode(`${OWL}equivalentClass`);
const owlClass = namedNode(`${OWL}Class`);
const objectProperty = namedNode(`${OWL}ObjectProperty`);
const datatypeProperty = namedNode(`${OWL}DatatypeProperty`);
const namedIndividual = namedNode(`${OWL}NamedIndividual`);
const cls = (i: number) => namedNode(`${EX}C${i}`);
const prop = (i: number) => namedNode(`${EX}p${i}`);
const dprop = (i: number) => namedNode(`${EX}d${i}`);
const ind = (i: number) => namedNode(`${EX}i${i}`);

/**
 * 2% classes (a tree of fan-out 6 with every tenth class under a second parent and a few
 * equivalence cycles), 300 object properties (a tree of fan-out 4, every other one with an inverse,
 * domains and ranges narrowing down the tree), 100 datatype properties with a domain, the rest
 * individuals with a type, a label, two links and a value. Deterministic.
 */
function* generate(total: number): Generator<Quad> {
  const classes = Math.max(10, Math.floor(total / 50));
  const properties = 300;
  let seed = 42;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let c = 0; c < classes; c++) {
    yield quad(cls(c), type, owlClass);
    yield quad(cls(c), label, literal(`class ${c}`, 'en'));
    yield quad(cls(c), label, literal(`Klasse ${c}`, 'de'));
    yield quad(cls(c), comment, literal(`The class number ${c}.`, 'en'));
    if (c > 0) yield quad(cls(c), subClassOf, cls(Math.floor((c - 1) / 6)));
    if (c > 10 && c % 10 === 0) yield quad(cls(c), subClassOf, cls(next(c)));
    if (c > 0 && c % 1000 === 0) yield quad(cls(c), equivalentClass, cls(c - 1));
  }
  // A sub-property's domain and range are children of its super-property's, as in real ontologies.
  const domains = [1];
  const ranges = [2];
  const narrower = (c: number): number => Math.min(6 * c + 1 + next(6), classes - 1);
  for (let p = 0; p < properties; p++) {
    const parent = Math.floor((p - 1) / 4);
    if (p > 0) {
      domains.push(narrower(domains[parent]!));
      ranges.push(narrower(ranges[parent]!));
    }
    yield quad(prop(p), type, objectProperty);
    yield quad(prop(p), label, literal(`property ${p}`, 'en'));
    yield quad(prop(p), domain, cls(domains[p]!));
    yield quad(prop(p), range, cls(ranges[p]!));
    if (p > 0) yield quad(prop(p), subPropertyOf, prop(parent));
    if (p % 2 === 1) yield quad(prop(p), inverseOf, prop(p - 1));
  }
  for (let d = 0; d < 100; d++) {
    yield quad(dprop(d), type, datatypeProperty);
    yield quad(dprop(d), domain, cls(next(classes)));
  }
  const schema = classes * 5 + properties * 6 + 200;
  const individuals = Math.floor((total - schema) / 6);
  for (let i = 0; i < individuals; i++) {
    yield quad(ind(i), type, namedIndividual);
    yield quad(ind(i), type, cls(next(classes)));
    yield quad(ind(i), label, literal(`individual ${i}`));
    yield quad(ind(i), prop(next(properties)), ind(next(individuals)));
    yield quad(ind(i), prop(next(properties)), ind(next(individuals)));
    yield quad(ind(i), dprop(next(100)), literal(String(i)));
  }
}

/** Heap plus typed-array backing stores (which V8 keeps outside the heap), after a full GC when exposed. */
function heapUsedAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const total = Number(process.argv[2] ?? 1_000_000);
const baseline = heapUsedAfterGc();
const builder = new OwlViewBuilder();
const entailment = new Entailment();
let triples = 0;
let batch: Quad[] = [];
let addMs = 0;
const addBatch = (): void => {
  const start = performance.now();
  builder.add(batch);
  for (const q of batch) {
    if (q.object.termType === 'Literal') entailment.addLiteralFact(q.subject.value, q.predicate.value);
    else entailment.addEdge(q.subject.value, q.predicate.value, q.object.value);
  }
  addMs += performance.now() - start;
  triples += batch.length;
  batch = [];
};
for (const q of generate(total)) {
  batch.push(q);
  if (batch.length === 10_000) addBatch();
}
addBatch();
const rssAfterAdd = process.memoryUsage().rss;
const collectedHeap = heapUsedAfterGc() - baseline;

let start = performance.now();
const view = builder.build();
const buildMs = performance.now() - start;

start = performance.now();
let inferred = 0;
let closureHeap = 0;
for (const _fact of entailment.inferred()) {
  if (inferred++ === 0) closureHeap = heapUsedAfterGc() - baseline;
}
const inferMs = performance.now() - start;

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
console.log(JSON.stringify({
  triples,
  inferred,
  view: { classes: view.classes.size, objectProperties: view.objectProperties.size, datatypeProperties: view.datatypeProperties.size, individuals: view.individuals.size },
  ms: { add: Math.round(addMs), build: Math.round(buildMs), infer: Math.round(inferMs) },
  heapUsedMiB: { afterAdd: mib(collectedHeap), duringInferred: mib(closureHeap) },
  rssAfterAddMiB: mib(rssAfterAdd),
  maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
}, null, 2));
