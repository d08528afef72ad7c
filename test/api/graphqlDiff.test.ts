/**
 * Ontology versions and their diff over GraphQL: the demo ontology loaded twice as graph `demo`
 * (./ontology, then a made-up next release), the mesh in graph `mesh`. The diff lists what the
 * release changed, and its impact lists, for each removed, deprecated or changed class, the mesh's
 * products, datasets and fields annotated with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOntologies } from '../../src/load/index.ts';
import type { DataProductModel } from '../../src/mesh/index.ts';
import { tempDir, tempStore } from '../load/helpers.ts';
import { demoQuads, nextRelease, release } from '../ontology/demoRelease.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';
import { generatedProduct, loadDemoMesh, meshDomains, productsPerDomain, writeNTriples } from './meshFixture.ts';

let server: GraphqlServer;
let cleanup: () => Promise<void>;
const generated: DataProductModel[] = meshDomains.flatMap((_, d) => Array.from({ length: productsPerDomain }, (__, i) => generatedProduct(d, i)));

beforeAll(async () => {
  const { store, dispose } = await tempStore();
  const { dir, remove } = await tempDir();
  await loadDemoMesh(store, dir);
  server = await serveGraphql(store);
  // A first request builds the read model of the first snapshot; the release below must replace it.
  await server.query('{ domains { id } }');
  await loadOntologies(store, [writeNTriples(dir, 'demo-next.nt', nextRelease(await demoQuads()))], { id: 'demo', missingImports: 'error', allowRemoteImports: [] });
  cleanup = async () => {
    await server.close();
    await dispose();
    await remove();
  };
});
afterAll(() => cleanup?.());

describe('ontology versions and diff', () => {
  it('lists the kept versions of a graph, newest first', async () => {
    const { data } = await server.query('{ ontology(id: "demo") { id version versions { version active counts { classes } } } }');
    expect(data!.ontology).toMatchObject({ id: 'demo', version: 2, versions: [{ version: 2, active: true }, { version: 1, active: false }] });
    expect(data!.ontology.versions[0].counts.classes).toBe(data!.ontology.versions[1].counts.classes);
  });

  it('diff(from, to) lists classes and properties added, removed, deprecated or changed, with what changed', async () => {
    const { data } = await server.query(`{ ontology(id: "demo") { diff(from: 1) { from to
      classes { iri kind termKind label changes { attribute removed added } }
      properties { iri kind termKind changes { attribute } } } } }`);
    const diff = data!.ontology.diff;
    expect([diff.from, diff.to]).toEqual([1, 2]);
    expect(Object.fromEntries(diff.classes.map((c: { iri: string; kind: string }) => [c.iri, c.kind]))).toEqual({
      [release.removed]: 'REMOVED', [release.deprecated]: 'DEPRECATED', [release.relabelled]: 'CHANGED', [release.moved]: 'CHANGED', [release.added]: 'ADDED',
    });
    expect(diff.classes.find((c: { iri: string }) => c.iri === release.relabelled)).toEqual({
      iri: release.relabelled, kind: 'CHANGED', termKind: 'CLASS', label: 'customer (buyer)',
      changes: [{ attribute: 'labels', removed: ['"customer"@en'], added: ['"customer (buyer)"@en'] }],
    });
    expect(diff.classes.find((c: { iri: string }) => c.iri === release.removed).label).toBe('postal address');
    expect(diff.properties).toContainEqual({ iri: release.narrowed, kind: 'CHANGED', termKind: 'OBJECT_PROPERTY', changes: [{ attribute: 'ranges' }] });
  });

  it('impact: the products, datasets and fields annotated with each removed, deprecated or changed class', async () => {
    const { data } = await server.query(`{ ontology(id: "demo") { diff(from: 1, to: 2) { impact {
      iri kind label concept { defined label } dataProducts { id } datasets { id } fields { name } } } } }`);
    const impact = Object.fromEntries(data!.ontology.diff.impact.map((i: { iri: string }) => [i.iri, i]));
    const annotated = (iri: string) => generated.filter((p) => p.concepts.includes(iri));
    expect(Object.keys(impact).sort()).toEqual([release.removed, release.deprecated, release.relabelled, release.moved].sort());
    for (const iri of Object.keys(impact)) {
      expect(impact[iri].dataProducts.map((p: { id: string }) => p.id).sort()).toEqual(annotated(iri).map((p) => p.iri).sort());
    }
    // Address is gone from the ontology: the concept is what the mesh still points at (undefined, no label).
    expect(impact[release.removed]).toMatchObject({ kind: 'REMOVED', label: 'postal address', concept: { defined: false, label: null }, fields: [{ name: 'country_region' }] });
    expect(impact[release.relabelled].concept).toEqual({ defined: true, label: 'customer (buyer)' });
    expect(impact[release.relabelled].datasets.length).toBeGreaterThan(0);
    expect(impact[release.moved].fields).toEqual([{ name: 'carrier_name' }]);
  });

  it('the concepts served follow the new release: Carrier now sits under Party directly', async () => {
    const { data } = await server.query(`{ carrier: concept(iri: "${release.moved}") { superConcepts { iri } } }`);
    expect(data!.carrier.superConcepts).toEqual([{ iri: 'https://w3id.org/ontomesh/demo/core#Party' }]);
  });

  it('NOT_FOUND for a version that is not kept', async () => {
    const { errors } = await server.query('{ ontology(id: "demo") { diff(from: 7) { from } } }');
    expect(errors?.map((e) => [e.message, e.extensions.code])).toEqual([['graph demo has no kept version 7 (kept: 2, 1)', 'NOT_FOUND']]);
  });
});
