/**
 * A deterministic generator of a data mesh for the discovery benchmark: data products across the
 * twenty domains of meshShape.ts, each with an owner team, output ports (dcat:DataService) serving
 * one dataset through a distribution, the dataset's fields, tags (dcat:keyword) and annotations
 * with classes of the demo ontology (./ontology). The products are built as src/mesh models and
 * written by src/mesh's productToQuads, so the file has exactly the IRIs and the DPROD / DCAT 3 /
 * PROV-O terms a registered descriptor gets, and our load pipeline reads it like any other. The
 * same options always give the same N-Triples file, byte for byte; it is cached with a manifest
 * (what the benchmark queries ask for) under .cache/bench-discovery/.
 *
 * Lineage (meshLineage.ts) is drawn from a second random sequence of the same seed, after each
 * product is made, so the products, their concepts and names are those of a mesh without lineage.
 *
 *   node bench/discovery/generateMesh.ts [--products 10000] [--seed 7] [--fields 2-4]
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Quad } from '@rdfjs/types';
import { parseFile, serialize } from '../../src/rdf/index.ts';
import {
  agentIri, datasetIri, distributionIri, domainIri, fieldIri, lifecycleStatusIri, portIri, productIri, productToQuads, xsdDatatypeOf,
  type DataProductModel, type Field, type Port,
} from '../../src/mesh/index.ts';
import { addLineage, lineageSeed, type LineageSource } from './meshLineage.ts';
import { cadences, DEMO_ONTOLOGY_BASE, domains, fieldPool, portKinds, regions, statuses } from './meshShape.ts';

const root = resolve(import.meta.dirname, '../..');
const OWL = 'http://www.w3.org/2002/07/owl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

export interface MeshOptions {
  products: number;
  seed: number;
  /** Fields per dataset, inclusive range. */
  fields: [min: number, max: number];
  /** The folder of the demo ontology the concepts come from. Default ./ontology. */
  ontologyDir?: string;
  cacheDir: string;
}

/** What was generated, and the parameters the benchmark queries draw from. */
export interface GeneratedMesh {
  path: string;
  triples: number;
  bytes: number;
  options: Omit<MeshOptions, 'cacheDir' | 'ontologyDir'>;
  domains: { iri: string; id: string; label: string; products: number }[];
  /** Every concept products are annotated with, with how many sub-concepts (transitive) it has. */
  concepts: { iri: string; subConcepts: number }[];
  /** Product IRIs spread over the whole mesh, for the product detail and lineage queries. */
  productSamples: string[];
  /** prov:wasDerivedFrom links between products, datasets and fields (meshLineage.ts). */
  lineage: { products: number; datasets: number; fields: number };
}

/**
 * Writes (or reuses) `<cacheDir>/mesh-<products>-<seed>-<fields>.nt` and its manifest.
 *
 * @example
 * const mesh = await generateMesh({ products: 10_000, seed: 7, fields: [2, 4], cacheDir: '.cache/bench-discovery' });
 */
export async function generateMesh(options: MeshOptions): Promise<GeneratedMesh> {
  const { products, seed, fields, cacheDir } = options;
  // `-lineage`: the file before lineage was added had the same options and is still in older caches.
  const name = `mesh-${products}-${seed}-${fields[0]}-${fields[1]}-lineage`;
  const path = join(cacheDir, `${name}.nt`);
  const manifestPath = join(cacheDir, `${name}.json`);
  if (existsSync(path) && existsSync(manifestPath)) return JSON.parse(readFileSync(manifestPath, 'utf8')) as GeneratedMesh;

  const ontology = await readOntology(options.ontologyDir ?? join(root, 'ontology'));
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const perDomain = new Map<string, number>();
  const productSamples: string[] = [];
  const used = new Set<string>();
  const shared = new Set<string>();
  const sources: LineageSource[] = [];
  const nextLineage = random(lineageSeed(seed));
  const lineage = { products: 0, datasets: 0, fields: 0 };
  let triples = 0;

  async function* batches(): AsyncGenerator<Quad[]> {
    for (let i = 0; i < products; i++) {
      const product = makeProduct(i, pick, next, fields, ontology.classes, path);
      perDomain.set(product.domain!.id, (perDomain.get(product.domain!.id) ?? 0) + 1);
      if (i % Math.max(1, Math.floor(products / 1000)) === 0) productSamples.push(product.iri);
      for (const concept of product.concepts) used.add(concept);
      const upstream = addLineage(product, i, sources, nextLineage);
      const dataset = product.outputPorts[0]!.distributions[0]!.dataset!;
      lineage.products += upstream.length;
      lineage.datasets += dataset.derivedFrom?.length ?? 0;
      for (const field of dataset.fields) lineage.fields += field.derivedFrom?.length ?? 0;
      const under = (iri: string, owner: string) => iri === owner || iri.startsWith(`${owner}/`);
      // Domains, owners, protocols and lifecycle statuses are shared by many products: written once.
      // An input port is the upstream product's output port, whose triples that product wrote.
      const quads = productToQuads(product).filter((q) => {
        if (under(q.subject.value, product.iri)) return true;
        if (upstream.some((u) => under(q.subject.value, u))) return false;
        const key = `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`;
        if (shared.has(key)) return false;
        shared.add(key);
        return true;
      });
      triples += quads.length;
      yield quads;
    }
  }

  mkdirSync(cacheDir, { recursive: true });
  const partial = `${path}.partial`;
  const output = createWriteStream(partial);
  await serialize(batches(), 'nt', output);
  await new Promise<void>((done, reject) => output.end((error?: Error | null) => (error ? reject(error) : done())));
  const bytes = output.bytesWritten;
  renameSync(partial, path);

  const mesh: GeneratedMesh = {
    path, triples, bytes, options: { products, seed, fields },
    domains: domains.map((d) => ({ iri: domainIri(d.id), id: d.id, label: d.label, products: perDomain.get(d.id) ?? 0 })),
    concepts: [...used].sort().map((iri) => ({ iri, subConcepts: ontology.descendants(iri).size })),
    productSamples, lineage,
  };
  writeFileSync(manifestPath, `${JSON.stringify(mesh, null, 2)}\n`);
  return mesh;
}

function makeProduct(i: number, pick: <T>(items: readonly T[]) => T, next: () => number, fields: [number, number],
  classes: Set<string>, file: string): DataProductModel {
  const domain = domains[i % domains.length]!;
  const subject = pick(domain.subjects);
  const cadence = pick(cadences);
  const region = pick(regions);
  const id = `${slug(subject)}-${slug(region)}-${cadence}-${i}`;
  const iri = productIri(domain.id, id);
  const concepts = distinct(Array.from({ length: 1 + Math.floor(next() * 2.5) }, () => pick(domain.concepts))).map((c) => concept(c, classes));
  const regionLabel = region.length <= 4 ? region.toUpperCase() : region.replace(/\b\w/g, (c) => c.toUpperCase());
  const status = pick(statuses);

  const datasetId = slug(subject);
  const dataset = {
    iri: datasetIri(iri, datasetId), id: datasetId, title: `${capitalize(subject)} (${regionLabel})`,
    description: `${capitalize(cadence)} ${subject} of the ${domain.label.toLowerCase()} domain for ${regionLabel}.`,
    conformsTo: [], tags: [domain.tags[0]!], concepts: concepts.slice(0, 1), links: [],
    fields: makeFields(`${datasetIri(iri, datasetId)}`, datasetId, fields, pick, next),
  };
  const kinds = next() < 0.7 ? [pick(portKinds)] : distinct([pick(portKinds), pick(portKinds)]);
  const outputPorts: Port[] = kinds.map((kind) => {
    const port = portIri(iri, 'output', kind.protocol);
    return {
      iri: port, kind: 'output', id: kind.protocol, name: `${subject} via ${kind.protocol}`, protocol: kind.protocol,
      endpointUrl: kind.endpoint(domain.id, id), tags: [], contracts: [], conformsTo: [], slos: [],
      distributions: [{ iri: distributionIri(port, datasetId), dataset, format: kind.format, conformsTo: [] }],
    };
  });
  return {
    iri, id, name: `${capitalize(cadence)} ${subject} ${regionLabel}`,
    description: `${capitalize(cadence)} ${subject} for ${regionLabel}, owned by the ${domain.label} domain team and published for analytics and operations.`,
    version: `${1 + Math.floor(next() * 3)}.${Math.floor(next() * 10)}.0`, status, lifecycleStatus: lifecycleStatusIri(status),
    domain: { iri: domainIri(domain.id), id: domain.id, name: domain.label },
    owner: { iri: agentIri(`${domain.id}-team`), id: `${domain.id}-team`, kind: 'team', name: `${domain.label} data team`, email: `${domain.id}-data@mesh.example.com` },
    tags: distinct([pick(domain.tags), cadence]), concepts, links: [],
    inputPorts: [], outputPorts, contracts: [], slos: [], derivedFrom: [],
    source: { format: 'dprod', file },
  };
}

function makeFields(dataset: string, datasetId: string, [min, max]: [number, number], pick: <T>(items: readonly T[]) => T, next: () => number): Field[] {
  const key = `${datasetId.replaceAll('-', '_')}_id`;
  const names = new Map<string, string>([[key, 'string']]);
  const count = min + Math.floor(next() * (max - min + 1));
  while (names.size < count) {
    const [name, type] = pick(fieldPool);
    if (name !== key) names.set(name, type);
  }
  return [...names].map(([name, type]) => ({
    iri: fieldIri(dataset, name), name, datatype: type, xsdDatatype: xsdDatatypeOf(type),
    nullable: name === key ? false : next() < 0.5 ? next() < 0.7 : undefined, primaryKey: name === key ? true : undefined,
    tags: [], concepts: [], links: [], fields: [],
  }));
}

/** The demo ontology's non-deprecated named classes and their sub-classes. */
async function readOntology(dir: string): Promise<{ classes: Set<string>; descendants(iri: string): Set<string> }> {
  const classes = new Set<string>();
  const deprecated = new Set<string>();
  const children = new Map<string, string[]>();
  for (const module of ['core', 'customer', 'sales', 'logistics']) {
    await parseFile(join(dir, `${module}.owl`), {}, {
      quads(batch) {
        for (const q of batch) {
          if (q.subject.termType !== 'NamedNode') continue;
          if (q.predicate.value === RDF_TYPE && q.object.value === `${OWL}Class`) classes.add(q.subject.value);
          else if (q.predicate.value === `${OWL}deprecated` && q.object.value === 'true') deprecated.add(q.subject.value);
          else if (q.predicate.value === SUBCLASS_OF && q.object.termType === 'NamedNode') {
            children.set(q.object.value, [...(children.get(q.object.value) ?? []), q.subject.value]);
          }
        }
      },
    });
  }
  for (const iri of deprecated) classes.delete(iri);
  return {
    classes,
    descendants(iri) {
      const found = new Set<string>();
      const walk = (parent: string) => {
        for (const child of children.get(parent) ?? []) if (!found.has(child)) { found.add(child); walk(child); }
      };
      walk(iri);
      return found;
    },
  };
}

function concept(name: string, classes: Set<string>): string {
  const [module, local] = name.split('#');
  const iri = `${DEMO_ONTOLOGY_BASE}${module}#${local}`;
  if (!classes.has(iri)) throw new Error(`bench/discovery/meshShape.ts names ${name}, which is no (non-deprecated) class of the demo ontology`);
  return iri;
}

/** mulberry32: a small, fast, well-distributed 32-bit generator. */
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

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const distinct = <T>(items: T[]): T[] => [...new Set(items)];

if (import.meta.main) {
  const { values } = parseArgs({ options: { products: { type: 'string', default: '10000' }, seed: { type: 'string', default: '7' }, fields: { type: 'string', default: '2-4' } } });
  const [min, max] = values.fields.split('-').map(Number) as [number, number];
  const started = performance.now();
  const mesh = await generateMesh({ products: Number(values.products), seed: Number(values.seed), fields: [min, max], cacheDir: join(root, '.cache/bench-discovery') });
  process.stdout.write(`${mesh.path}: ${mesh.triples.toLocaleString('en')} triples, ${(mesh.bytes / 2 ** 20).toFixed(1)} MiB, ` +
    `${mesh.options.products.toLocaleString('en')} products in ${mesh.domains.length} domains, ${mesh.concepts.length} concepts, ` +
    `${mesh.lineage.products.toLocaleString('en')} / ${mesh.lineage.datasets.toLocaleString('en')} / ${mesh.lineage.fields.toLocaleString('en')} product / dataset / column derivations ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
