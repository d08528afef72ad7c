import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMesh } from '../../../bench/discovery/generateMesh.ts';
import { parseFile } from '../../../src/rdf/index.ts';

const dirs: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ontomesh-mesh-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const DPROD = 'https://ekgf.github.io/dprod/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SUBJECT = 'http://purl.org/dc/terms/subject';
const DERIVED_FROM = 'http://www.w3.org/ns/prov#wasDerivedFrom';
const MESH_FIELD = 'https://w3id.org/ontomesh/mesh#field';

describe('generateMesh', () => {
  it('writes the same N-Triples for the same options, and the count it reports', async () => {
    const options = { products: 200, seed: 3, fields: [2, 4] as [number, number] };
    const first = await generateMesh({ ...options, cacheDir: cacheDir() });
    const second = await generateMesh({ ...options, cacheDir: cacheDir() });
    expect(readFileSync(second.path)).toEqual(readFileSync(first.path));
    const quads: Quad[] = [];
    const parsed = await parseFile(first.path, {}, { quads: (batch) => void quads.push(...batch) });
    expect(parsed.format).toBe('ntriples');
    expect(parsed.quads).toBe(first.triples);
    expect(new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`)).size).toBe(first.triples);
  });

  it('annotates every data product with classes of the demo ontology and spreads them over the domains', async () => {
    const mesh = await generateMesh({ products: 200, seed: 3, fields: [2, 4], cacheDir: cacheDir() });
    const quads: Quad[] = [];
    await parseFile(mesh.path, {}, { quads: (batch) => void quads.push(...batch) });
    const products = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DPROD}DataProduct`).map((q) => q.subject.value);
    expect(products).toHaveLength(200);
    const valuesOf = (subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
    for (const product of products) {
      const concepts = valuesOf(product, SUBJECT);
      expect(concepts.length).toBeGreaterThanOrEqual(1);
      for (const concept of concepts) expect(concept).toMatch(/^https:\/\/w3id\.org\/ontomesh\/demo\/(core|customer|sales|logistics)#[A-Z]\w+$/);
      expect(valuesOf(product, `${DPROD}domain`)).toHaveLength(1);
      expect(valuesOf(product, `${DPROD}outputPort`).length).toBeGreaterThanOrEqual(1);
    }
    expect(mesh.domains).toHaveLength(20);
    expect(mesh.domains.reduce((n, d) => n + d.products, 0)).toBe(200);
    // The concept hierarchy comes from the ontology: Party has Customer, RetailCustomer, Person, … below it.
    expect(mesh.concepts.every((c) => c.subConcepts >= 0)).toBe(true);
    expect(mesh.concepts.find((c) => c.iri.endsWith('customer#Customer'))?.subConcepts).toBe(2);
  });

  it('gives products, datasets and columns lineage that the ports and fields of the mesh bear out', async () => {
    const mesh = await generateMesh({ products: 400, seed: 5, fields: [2, 4], cacheDir: cacheDir() });
    const quads: Quad[] = [];
    await parseFile(mesh.path, {}, { quads: (batch) => void quads.push(...batch) });
    const objects = new Map<string, string[]>();
    for (const q of quads) {
      const key = `${q.subject.value} ${q.predicate.value}`;
      objects.set(key, [...(objects.get(key) ?? []), q.object.value]);
    }
    const valuesOf = (subject: string, predicate: string) => objects.get(`${subject} ${predicate}`) ?? [];
    const products = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DPROD}DataProduct`).map((q) => q.subject.value);
    const order = new Map(products.map((product, i) => [product, i]));
    let productLinks = 0;
    let crossDomain = 0;
    let columnLinks = 0;
    for (const product of products) {
      const upstream = valuesOf(product, DERIVED_FROM);
      productLinks += upstream.length;
      // Consumed through its ports: each input port is an output port of exactly the products it is derived from.
      const providers = valuesOf(product, `${DPROD}inputPort`).map((port) => products.filter((p) => valuesOf(p, `${DPROD}outputPort`).includes(port)));
      expect(providers.every((list) => list.length === 1)).toBe(true);
      expect(providers.map((list) => list[0]).sort()).toEqual([...upstream].sort());
      for (const up of upstream) {
        expect(order.get(up)!).toBeLessThan(order.get(product)!);
        if (valuesOf(up, `${DPROD}domain`)[0] !== valuesOf(product, `${DPROD}domain`)[0]) crossDomain++;
      }
      const [dataset] = valuesOf(product, `${DPROD}outputDataset`);
      const upstreamDatasets = upstream.flatMap((up) => valuesOf(up, `${DPROD}outputDataset`));
      expect(valuesOf(dataset!, DERIVED_FROM).sort()).toEqual(upstreamDatasets.sort());
      const upstreamColumns = new Set(upstreamDatasets.flatMap((d) => valuesOf(d, MESH_FIELD)));
      const columns = valuesOf(dataset!, MESH_FIELD);
      for (const column of columns) {
        const from = valuesOf(column, DERIVED_FROM);
        columnLinks += from.length;
        expect(from.every((c) => upstreamColumns.has(c))).toBe(true);
      }
      // The key column is about the dataset's concept.
      expect(valuesOf(columns[0]!, SUBJECT)).toEqual(valuesOf(dataset!, SUBJECT));
    }
    expect(productLinks).toBe(mesh.lineage.products);
    expect(columnLinks).toBe(mesh.lineage.fields);
    expect(productLinks).toBeGreaterThan(products.length / 2);
    expect(crossDomain).toBeGreaterThan(0);
    expect(crossDomain).toBeLessThan(productLinks);
  });
});
