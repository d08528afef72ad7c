/**
 * A deterministic generator of a large, realistically shaped OWL ontology in Turtle, for the load
 * benchmark. The shape follows big OBO-style ontologies: most triples describe classes (a deep
 * subclass tree with some multiple inheritance, labels in two languages, definitions, synonyms,
 * existential restrictions as blank nodes, a few deprecations), a few hundred properties, and the
 * rest named individuals with labels, definitions, links and data values. The same seed and size
 * always give the same file, byte for byte; the file is cached under .cache/bench/.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory, StreamWriter } from 'n3';

const { namedNode, literal, blankNode, quad } = DataFactory;

const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  bench: 'https://w3id.org/ontomesh/bench/generated#',
};
const ontologyIri = 'https://w3id.org/ontomesh/bench/generated';

const type = namedNode(`${ns.rdf}type`);
const subClassOf = namedNode(`${ns.rdfs}subClassOf`);
const subPropertyOf = namedNode(`${ns.rdfs}subPropertyOf`);
const label = namedNode(`${ns.rdfs}label`);
const domain = namedNode(`${ns.rdfs}domain`);
const range = namedNode(`${ns.rdfs}range`);
const definition = namedNode(`${ns.skos}definition`);
const altLabel = namedNode(`${ns.skos}altLabel`);
const owlClass = namedNode(`${ns.owl}Class`);
const restriction = namedNode(`${ns.owl}Restriction`);
const onProperty = namedNode(`${ns.owl}onProperty`);
const someValuesFrom = namedNode(`${ns.owl}someValuesFrom`);
const deprecated = namedNode(`${ns.owl}deprecated`);
const inverseOf = namedNode(`${ns.owl}inverseOf`);
const namedIndividual = namedNode(`${ns.owl}NamedIndividual`);
const objectProperty = namedNode(`${ns.owl}ObjectProperty`);
const datatypeProperty = namedNode(`${ns.owl}DatatypeProperty`);
const transitiveProperty = namedNode(`${ns.owl}TransitiveProperty`);
const xsdBoolean = namedNode(`${ns.xsd}boolean`);

const words = (
  'acid account active adapter address agent alarm amount anchor archive asset audit balance batch beacon binding block border ' +
  'branch bridge budget buffer bundle cable cargo carrier catalog cell channel charge circuit claim clause cluster coating code ' +
  'column command component contract control copper cost counter coupling credit current cycle damper data debit delivery demand ' +
  'deposit device dispatch domain drive duct edge element energy engine entry event exchange fabric factor feature field filter ' +
  'fleet flow fluid frame freight fuel function gasket gate gauge grade grid handle harbour header heat hinge holder hub index ' +
  'input insulation interval inventory invoice joint journal kernel ladder layer ledger lens level license link load lock loop ' +
  'machine margin market material measure member meter method module monitor motor network node nozzle offset order outlet ' +
  'output package panel parcel part partner payment pipe plan plate policy port position power pressure process product profile ' +
  'pulse pump quality queue rail range rate reactor record region relay report request reserve resource route rule sample ' +
  'schedule screen seal sector segment sensor sequence service shaft shipment signal site slot socket source spring stage station ' +
  'status storage stream supply surface switch system tank tariff task terminal thread ticket timer token tool track transfer ' +
  'transport trigger tube unit valve vector vendor vessel voltage volume warehouse wheel window wire zone'
).split(' ');
const wordsDe = (
  'Anlage Antrieb Auftrag Bauteil Bestand Betrag Daten Dienst Einheit Element Energie Fahrzeug Feld Fluss Gerät Gruppe Kanal ' +
  'Kosten Kunde Lager Leistung Leitung Lieferung Maschine Messung Modul Netz Objekt Ort Paket Plan Position Produkt Prozess ' +
  'Prüfung Rechnung Regel Sensor Signal Spannung Standort Status Steuerung Strecke System Teil Vertrag Ventil Zahlung Zone'
).split(' ');
const datatypes = ['string', 'integer', 'decimal', 'date', 'dateTime', 'boolean'] as const;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; enough for reproducible test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOntology {
  path: string;
  triples: number;
  classes: number;
  objectProperties: number;
  datatypeProperties: number;
}

/** The shape of the generated ontology for a triple budget (exported so the run can report it). */
export function generatedShape(triples: number): { classes: number; objectProperties: number; datatypeProperties: number } {
  return {
    classes: Math.max(10, Math.round(triples / 12)),
    objectProperties: Math.max(4, Math.round(triples / 4000)),
    datatypeProperties: Math.max(2, Math.round(triples / 10000)),
  };
}

/**
 * Writes (or reuses) `<cacheDir>/generated-<triples>-<seed>-<generator>.ttl` with exactly `triples`
 * triples; `<generator>` is a hash of this file, so a changed generator never reuses an old file.
 *
 * @example
 * const { path } = await generateOntology({ triples: 1_000_000, seed: 42, cacheDir: '.cache/bench' });
 */
export async function generateOntology(options: { triples: number; seed: number; cacheDir: string }): Promise<GeneratedOntology> {
  const { triples, seed, cacheDir } = options;
  const shape = generatedShape(triples);
  const generator = createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 8);
  const path = join(cacheDir, `generated-${triples}-${seed}-${generator}.ttl`);
  if (existsSync(path)) return { path, triples, ...shape };
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  const writer = new StreamWriter({ prefixes: ns });
  await pipeline(Readable.from(quads(triples, seed)), writer, createWriteStream(partial));
  renameSync(partial, path);
  return { path, triples, ...shape };
}

/** The triples, in subject order (so that Turtle groups them), cut off at exactly `total`. */
function* quads(total: number, seed: number): Generator<Quad> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const phrase = (n: number, vocabulary: readonly string[] = words): string =>
    Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  const sentence = (): string => {
    const text = phrase(8 + Math.floor(next() * 12));
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const { classes, objectProperties, datatypeProperties } = generatedShape(total);
  const classIri = (i: number) => namedNode(`${ns.bench}C${String(i).padStart(7, '0')}`);
  const objectPropertyIri = (i: number) => namedNode(`${ns.bench}op${String(i).padStart(4, '0')}`);
  const datatypePropertyIri = (i: number) => namedNode(`${ns.bench}dp${String(i).padStart(4, '0')}`);
  const individualIri = (i: number) => namedNode(`${ns.bench}i${String(i).padStart(7, '0')}`);
  let emitted = 0;
  let blank = 0;
  const t = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad_Object): Quad => {
    emitted++;
    return quad(s, p, o);
  };

  const ontology = namedNode(ontologyIri);
  yield t(ontology, type, namedNode(`${ns.owl}Ontology`));
  yield t(ontology, namedNode(`${ns.owl}versionIRI`), namedNode(`${ontologyIri}/${seed}`));
  yield t(ontology, label, literal('generated benchmark ontology', 'en'));
  yield t(ontology, namedNode(`${ns.dcterms}description`), literal(`Generated by bench/generateOntology.ts with seed ${seed}: ${total} triples.`, 'en'));

  // Domains and ranges are drawn from the upper classes (the first `upper`, near the root), object
  // properties come in inverse pairs with swapped domain and range, every fifth pair is a sub-property
  // pair of the one before with the same domain and range, and individuals only use properties whose
  // domain is one of their classes' ancestors, with objects in their range: as in curated ontologies,
  // what the properties imply about an individual mostly agrees with the types it has.
  const upper = Math.min(64, classes);
  const upperClass = () => Math.floor(next() ** 2 * upper);
  const propertyDomain = new Int32Array(objectProperties);
  const propertyRange = new Int32Array(objectProperties);
  const objectPropertiesByDomain = new Map<number, number[]>();
  const datatypePropertiesByDomain = new Map<number, number[]>();
  const index = (map: Map<number, number[]>, key: number, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  for (let i = 0; i < objectProperties; i++) {
    const p = objectPropertyIri(i);
    const inverse = i % 2 === 1;
    const sub = (i >> 1) % 5 === 1;
    if (inverse) {
      propertyDomain[i] = propertyRange[i - 1]!;
      propertyRange[i] = propertyDomain[i - 1]!;
    } else {
      propertyDomain[i] = sub ? propertyDomain[i - 2]! : upperClass();
      propertyRange[i] = sub ? propertyRange[i - 2]! : upperClass();
    }
    index(objectPropertiesByDomain, propertyDomain[i]!, i);
    yield t(p, type, objectProperty);
    if (i % 10 === 3) yield t(p, type, transitiveProperty);
    if (sub) yield t(p, subPropertyOf, objectPropertyIri(i - 2));
    if (inverse) yield t(p, inverseOf, objectPropertyIri(i - 1));
    yield t(p, label, literal(`has ${phrase(2)}`, 'en'));
    yield t(p, domain, classIri(propertyDomain[i]!));
    yield t(p, range, classIri(propertyRange[i]!));
  }
  for (let i = 0; i < datatypeProperties; i++) {
    const p = datatypePropertyIri(i);
    const d = upperClass();
    index(datatypePropertiesByDomain, d, i);
    yield t(p, type, datatypeProperty);
    yield t(p, label, literal(phrase(2), 'en'));
    yield t(p, domain, classIri(d));
    yield t(p, range, namedNode(`${ns.xsd}${datatypes[i % datatypes.length]}`));
  }

  // A random recursive tree: each class's parent is uniform among the earlier ones, so the depth is
  // logarithmic (for 1M triples: 83,333 classes, 11 levels on average, the deepest branch 26).
  const parents = new Int32Array(classes);
  for (let i = 0; i < classes; i++) {
    const c = classIri(i);
    yield t(c, type, owlClass);
    const parent = Math.floor(next() * i);
    parents[i] = parent;
    if (i > 0) yield t(c, subClassOf, classIri(parent));
    if (i > 1 && next() < 0.1) yield t(c, subClassOf, classIri((parent + 1 + Math.floor(next() * (i - 1))) % i));
    const name = phrase(2 + Math.floor(next() * 3));
    yield t(c, label, literal(name, 'en'));
    if (next() < 0.4) yield t(c, label, literal(phrase(2, wordsDe), 'de'));
    yield t(c, definition, literal(sentence(), 'en'));
    if (next() < 0.3) yield t(c, altLabel, literal(`${name} ${pick(words)}`, 'en'));
    if (next() < 0.4) {
      const r = blankNode(`r${blank++}`);
      yield t(c, subClassOf, r);
      yield t(r, type, restriction);
      yield t(r, onProperty, objectPropertyIri(Math.floor(next() * objectProperties)));
      yield t(r, someValuesFrom, classIri(Math.floor(next() * classes)));
    }
    if (next() < 0.03) yield t(c, deprecated, literal('true', xsdBoolean));
  }

  // Individuals fill the rest of the budget, cut at exactly `total` triples.
  const instancesOf: number[][] = Array.from({ length: upper }, () => []);
  for (let i = 0; emitted < total; i++) {
    const x = individualIri(i);
    const cls = Math.floor(next() * classes);
    const ancestors: number[] = [];
    for (let c = cls; ; c = parents[c]!) {
      if (c < upper) ancestors.push(c);
      if (c === 0) break;
    }
    const links = ancestors.flatMap((a) => objectPropertiesByDomain.get(a) ?? []);
    const values = ancestors.flatMap((a) => datatypePropertiesByDomain.get(a) ?? []);
    const facts: [ReturnType<typeof namedNode>, Quad_Object][] = [
      [type, namedIndividual],
      [type, classIri(cls)],
      [label, literal(phrase(3), 'en')],
    ];
    if (next() < 0.5) facts.push([definition, literal(sentence(), 'en')]);
    for (let k = next() < 0.5 ? 1 : 2; k > 0 && links.length > 0; k--) {
      const p = pick(links);
      const targets = instancesOf[propertyRange[p]!]!;
      if (targets.length > 0) facts.push([objectPropertyIri(p), individualIri(pick(targets))]);
    }
    for (let k = next() < 0.5 ? 1 : 2; k > 0 && values.length > 0; k--) {
      const p = pick(values);
      facts.push([datatypePropertyIri(p), value(datatypes[p % datatypes.length]!, next)]);
    }
    for (const a of ancestors) instancesOf[a]!.push(i);
    const seen = new Set<string>();
    for (const [p, o] of facts) {
      const key = `${p.value} ${o.termType} ${o.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (emitted === total) return;
      yield t(x, p, o);
    }
  }
}

function value(datatype: (typeof datatypes)[number], next: () => number): Quad_Object {
  const typed = (lexical: string) => literal(lexical, namedNode(`${ns.xsd}${datatype}`));
  switch (datatype) {
    case 'string':
      return literal(`${words[Math.floor(next() * words.length)]}-${Math.floor(next() * 1e6)}`);
    case 'integer':
      return typed(String(Math.floor(next() * 100_000)));
    case 'decimal':
      return typed((next() * 10_000).toFixed(2));
    case 'date':
      return typed(new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10));
    case 'dateTime':
      return typed(new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3650 * 86_400) * 1000).toISOString().replace('.000', ''));
    case 'boolean':
      return typed(next() < 0.5 ? 'true' : 'false');
  }
}
