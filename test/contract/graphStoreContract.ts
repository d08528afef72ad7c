/**
 * The GraphStore contract: one suite every adapter must pass (ARCHITECTURE.md, "The GraphStore port").
 * It speaks only the port, writes real ontologies mapped by src/graph, and closes every store and
 * writer it opens. An adapter's test file calls defineGraphStoreContract with a factory that returns an
 * empty store (and removes what it made when the store is closed, or in its own afterAll).
 *
 * Semantics pinned here beyond the port's TSDoc:
 * - version numbers start at 1 per graph and are never reused, even after pruning;
 * - keepVersions defaults to 5 (the active version is always kept);
 * - a snapshot keeps reading the versions it was taken on after later commits (as long as they are kept);
 * - neighbours() answers every requested id, with [] when it has none;
 * - scanFacts() reads a snapshot, or any subset of a snapshot's versions;
 * - search() returns one hit per node, exact (case- and accent-insensitive) label matches first, and
 *   HTML-escapes the text around `<b>` marks.
 */
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OntomeshError } from '../../src/errors/index.ts';
import type { FactElement, GraphElement, PropertyElement } from '../../src/graph/elements.ts';
import type { FactScan, GraphStore, Snapshot, VersionWriter } from '../../src/graph/GraphStore.ts';
import { factsToQuads } from '../../src/graph/graphToRdf.ts';
import { RdfToGraph } from '../../src/graph/RdfToGraph.ts';
import { isSkolem } from '../../src/graph/skolem.ts';
import { readN3Family } from '../graph/fixtureQuads.ts';
import {
  dqv, dqvPath, exportAll, inferredSubClassOf, langDirPath, mapPizza, mapTurtle, metaOf, owlClass, pizza, provInversesPath,
  rdfsLabel, rdfType, schemaOrgPath, statsOf, subClassOf, writeVersion, type MappedDocument,
} from './contractData.ts';

const notFound = expect.objectContaining({ code: 'NOT_FOUND' }) as OntomeshError;

/**
 * Defines the contract suite for one adapter.
 *
 * @param name shown in the test names, e.g. 'sqlite'
 * @param openFreshStore returns a new, empty store; the suite closes it
 */
export function defineGraphStoreContract(name: string, openFreshStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let dqvDoc: MappedDocument;
    let provDoc: MappedDocument;
    beforeAll(() => {
      dqvDoc = mapTurtle('vocab', dqvPath);
      provDoc = mapTurtle('vocab', provInversesPath);
    });

    describe('versions', () => {
      let store: GraphStore;
      const openWriters: VersionWriter[] = [];
      const fresh = async () => (store = await openFreshStore());
      afterEach(async () => {
        for (const writer of openWriters.splice(0)) await writer.abort();
        await store?.close();
      });

      it('writes a version in batches and activates it on commit, with its stats and meta', async () => {
        await fresh();
        expect(await store.versions('vocab')).toEqual([]);
        expect(await store.graphIds()).toEqual([]);
        const info = await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        expect(info).toMatchObject({ graphId: 'vocab', version: 1, active: true, stats: statsOf(dqvDoc.elements), meta: metaOf(dqvPath) });
        expect(Number.isNaN(Date.parse(info.createdAt))).toBe(false);
        expect(await store.versions('vocab')).toEqual([info]);
        expect(await store.graphIds()).toEqual(['vocab']);
        expect((await store.snapshot()).versions).toEqual([{ graphId: 'vocab', version: 1 }]);
        expect(await store.ready()).toBe(true);
      });

      it('records the meta as it is at commit, or the one commit is given', async () => {
        await fresh();
        const meta = metaOf();
        const writer = await store.beginVersion('vocab', meta);
        openWriters.push(writer);
        await writer.write(dqvDoc.elements);
        meta.documents.push({ location: dqvPath, format: 'turtle', ontologyIri: 'http://www.w3.org/ns/dqv' });
        meta.prefixes.dqv = dqv;
        const info = await writer.commit(statsOf(dqvDoc.elements));
        expect(info.meta).toEqual(meta);
        expect((await store.versions('vocab'))[0]!.meta).toEqual(meta);
        const second = await store.beginVersion('vocab', metaOf());
        openWriters.push(second);
        await second.write(provDoc.elements);
        await second.commit(statsOf(provDoc.elements), metaOf(provInversesPath));
        expect((await store.versions('vocab'))[0]!.meta).toEqual(metaOf(provInversesPath));
      });

      it('lists versions newest first and reads the active one', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        await writeVersion(store, 'vocab', provDoc.elements, metaOf(provInversesPath));
        const versions = await store.versions('vocab');
        expect(versions.map((v) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
        expect(versions[1]!.meta.documents[0]!.location).toBe(dqvPath);
        const snapshot = await store.snapshot();
        expect(snapshot.versions).toEqual([{ graphId: 'vocab', version: 2 }]);
        expect(await store.getResource(snapshot, `${dqv}QualityMeasurement`)).toBeUndefined();
        expect(await store.getResource(snapshot, 'http://www.w3.org/ns/prov#hadDelegate')).toBeDefined();
      });

      it('rolls back by activating a kept version', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        await writeVersion(store, 'vocab', provDoc.elements, metaOf(provInversesPath));
        await store.activate('vocab', 1);
        expect((await store.versions('vocab')).map((v) => [v.version, v.active])).toEqual([[2, false], [1, true]]);
        const snapshot = await store.snapshot();
        expect(snapshot.versions).toEqual([{ graphId: 'vocab', version: 1 }]);
        expect(await store.getResource(snapshot, `${dqv}QualityMeasurement`)).toBeDefined();
        await expect(store.activate('vocab', 7)).rejects.toEqual(notFound);
        await expect(store.activate('nothing', 1)).rejects.toEqual(notFound);
      });

      it('keeps 5 versions by default, never reuses a number, and NOT_FOUND for a pruned one', async () => {
        await fresh();
        for (let i = 0; i < 7; i++) await writeVersion(store, 'vocab', i % 2 ? provDoc.elements : dqvDoc.elements, metaOf(i % 2 ? provInversesPath : dqvPath));
        expect((await store.versions('vocab')).map((v) => v.version)).toEqual([7, 6, 5, 4, 3]);
        await expect(store.activate('vocab', 2)).rejects.toEqual(notFound);
        await expect(exportAll(store, 'vocab', { version: 1 })).rejects.toEqual(notFound);
        await store.activate('vocab', 3);
        const info = await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        expect(info.version).toBe(8);
        expect((await store.versions('vocab')).map((v) => v.version)).toEqual([8, 7, 6, 5, 4]);
      });

      it('abort discards the version and leaves the active one served', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        const writer = await store.beginVersion('vocab', metaOf(provInversesPath));
        expect(writer.version).toBe(2);
        await writer.write(provDoc.elements);
        await writer.abort();
        await writer.abort(); // idempotent
        expect((await store.versions('vocab')).map((v) => v.version)).toEqual([1]);
        const snapshot = await store.snapshot();
        expect(snapshot.versions).toEqual([{ graphId: 'vocab', version: 1 }]);
        expect(await store.getResource(snapshot, 'http://www.w3.org/ns/prov#hadDelegate')).toBeUndefined();
        expect(await store.getResource(snapshot, `${dqv}QualityMeasurement`)).toBeDefined();
      });

      it('shows nothing of a version before its commit', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        const writer = await store.beginVersion('vocab', metaOf(provInversesPath));
        openWriters.push(writer);
        await writer.write(provDoc.elements);
        expect((await store.versions('vocab')).map((v) => v.version)).toEqual([1]);
        const snapshot = await store.snapshot();
        expect(await store.getResource(snapshot, 'http://www.w3.org/ns/prov#hadDelegate')).toBeUndefined();
        expect(await store.search(snapshot, 'hadDelegate')).toEqual([]);
      });

      it('gives concurrent writers of one graph distinct versions; the last commit wins', async () => {
        await fresh();
        const first = await store.beginVersion('vocab', metaOf(dqvPath));
        const second = await store.beginVersion('vocab', metaOf(provInversesPath));
        openWriters.push(first, second);
        expect(new Set([first.version, second.version]).size).toBe(2);
        await Promise.all([first.write(dqvDoc.elements), second.write(provDoc.elements)]);
        await second.commit(statsOf(provDoc.elements));
        await first.commit(statsOf(dqvDoc.elements));
        expect((await store.versions('vocab')).find((v) => v.active)?.version).toBe(first.version);
      });

      it('keeps a snapshot on the versions it was taken on while a new one is committed', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        const before = await store.snapshot();
        await writeVersion(store, 'vocab', provDoc.elements, metaOf(provInversesPath));
        const after = await store.snapshot();
        expect(before.versions).toEqual([{ graphId: 'vocab', version: 1 }]);
        expect(after.versions).toEqual([{ graphId: 'vocab', version: 2 }]);
        expect(await store.getResource(before, `${dqv}QualityMeasurement`)).toBeDefined();
        expect(await store.getResource(after, `${dqv}QualityMeasurement`)).toBeUndefined();
        expect((await store.search(before, 'quality measurement'))[0]?.id).toBe(`${dqv}QualityMeasurement`);
      });

      it('exports a given kept version, and NOT_FOUND for an unknown graph', async () => {
        await fresh();
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        await writeVersion(store, 'vocab', provDoc.elements, metaOf(provInversesPath));
        expect(isomorphic(factsToQuads(await exportAll(store, 'vocab', { version: 1 })), dqvDoc.quads)).toBe(true);
        expect(isomorphic(factsToQuads(await exportAll(store, 'vocab')), provDoc.quads)).toBe(true);
        await expect(exportAll(store, 'nothing')).rejects.toEqual(notFound);
      });

      it('keeps literals losslessly: datatype, language and RDF 1.2 base direction', async () => {
        await fresh();
        const doc = mapTurtle('rdf12', langDirPath);
        await writeVersion(store, 'rdf12', doc.elements, metaOf(langDirPath));
        const resource = await store.getResource(await store.snapshot(), 'http://example/a');
        expect(resource?.properties.map((p) => p.value)).toEqual([
          { lexical: 'Hello', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString', language: 'en', direction: 'ltr' },
        ]);
        expect(isomorphic(factsToQuads(await exportAll(store, 'rdf12')), doc.quads)).toBe(true);
      });
    });

    describe('reading pizza.owl with its subclass closure, beside DQV and a schema.org class', () => {
      let store: GraphStore;
      let snapshot: Snapshot;
      let pizzaDoc: MappedDocument;
      let schemaElements: GraphElement[];
      let inferredCount: number;
      beforeAll(async () => {
        store = await openFreshStore();
        const mapper = new RdfToGraph('pizza');
        const quads = (await mapPizza('pizza')).quads;
        const elements = mapper.map(quads, 0, 'pizza.owl');
        const inferred = inferredSubClassOf(mapper, elements);
        inferredCount = inferred.filter((e) => e.kind === 'edge').length;
        pizzaDoc = { location: 'pizza.owl', quads, elements };
        await writeVersion(store, 'pizza', [...elements, ...inferred], metaOf('pizza.owl'));
        await writeVersion(store, 'vocab', dqvDoc.elements, metaOf(dqvPath));
        const apartment = readN3Family(schemaOrgPath).filter((q) => q.subject.value === 'https://schema.org/Apartment');
        schemaElements = new RdfToGraph('schema').map(apartment, 0, schemaOrgPath);
        await writeVersion(store, 'schema', schemaElements, metaOf(schemaOrgPath));
        snapshot = await store.snapshot();
      });
      afterAll(async () => {
        await store?.close();
      });

      it('takes every graph into one snapshot', () => {
        expect(snapshot.versions).toEqual([{ graphId: 'pizza', version: 1 }, { graphId: 'schema', version: 1 }, { graphId: 'vocab', version: 1 }]);
      });

      it('gets a resource with its literal properties and outgoing and incoming edges', async () => {
        const margherita = await store.getResource(snapshot, `${pizza}Margherita`);
        expect(margherita).toMatchObject({ id: `${pizza}Margherita`, blank: false });
        expect(margherita!.properties).toEqual([{
          kind: 'property', subject: `${pizza}Margherita`, predicate: rdfsLabel, graph: undefined, inferred: false, doc: 0,
          value: { lexical: 'Margherita', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'pt' },
        }]);
        const out = margherita!.out.map((e) => [e.predicate, e.object, e.inferred]);
        expect(out).toContainEqual([subClassOf, `${pizza}NamedPizza`, false]);
        expect(out).toContainEqual([subClassOf, `${pizza}Pizza`, true]);
        expect(out).toContainEqual([rdfType, owlClass, false]);
        expect(margherita!.out.filter((e) => e.predicate === subClassOf && isSkolem(e.object))).toHaveLength(3);
        expect(margherita!.in.map((e) => [e.subject, e.predicate])).toContainEqual([`${pizza}AmericanHot`, 'http://www.w3.org/2002/07/owl#disjointWith']);
        expect(margherita!.in.every((e) => e.object === `${pizza}Margherita` && e.kind === 'edge')).toBe(true);
        expect(await store.getResource(snapshot, `${pizza}NoSuchPizza`)).toBeUndefined();
      });

      it('gets a blank node (an OWL restriction) by its skolem id, typed literals included', async () => {
        const restrictions = (await store.neighbours(snapshot, [`${pizza}InterestingPizza`], { predicate: 'http://www.w3.org/2002/07/owl#equivalentClass', direction: 'out' })).get(`${pizza}InterestingPizza`)!;
        expect(restrictions).toHaveLength(1);
        const intersection = await store.getResource(snapshot, restrictions[0]!);
        expect(intersection?.blank).toBe(true);
        expect(intersection?.in.map((e) => e.subject)).toEqual([`${pizza}InterestingPizza`]);
        const cardinalities = (await Promise.all(pizzaDoc.elements
          .filter((e): e is PropertyElement => e.kind === 'property' && e.predicate === 'http://www.w3.org/2002/07/owl#minCardinality')
          .map((e) => store.getResource(snapshot, e.subject))));
        expect(cardinalities.length).toBeGreaterThan(0);
        for (const restriction of cardinalities) {
          expect(restriction?.blank).toBe(true);
          expect(restriction?.properties.map((p) => p.value)).toContainEqual({ lexical: '3', datatype: 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' });
        }
      });

      it('walks one hop along a predicate, asserted facts only unless inferred ones are asked for', async () => {
        const asserted = await store.neighbours(snapshot, [`${pizza}Margherita`], { predicate: subClassOf, direction: 'out' });
        const named = asserted.get(`${pizza}Margherita`)!.filter((id) => !isSkolem(id));
        expect(named).toEqual([`${pizza}NamedPizza`]);
        const all = await store.neighbours(snapshot, [`${pizza}Margherita`], { predicate: subClassOf, direction: 'out', includeInferred: true });
        expect(all.get(`${pizza}Margherita`)!.filter((id) => !isSkolem(id))).toEqual([`${pizza}DomainConcept`, `${pizza}Food`, `${pizza}NamedPizza`, `${pizza}Pizza`]);
      });

      it('walks incoming edges: the transitive subclasses of Pizza in one lookup', async () => {
        const ids = [`${pizza}Pizza`, `${pizza}NamedPizza`, `${pizza}Nothing`];
        const direct = await store.neighbours(snapshot, ids, { predicate: subClassOf, direction: 'in' });
        const closure = await store.neighbours(snapshot, ids, { predicate: subClassOf, direction: 'in', includeInferred: true });
        expect([...direct.keys()]).toEqual(ids);
        expect(direct.get(`${pizza}Nothing`)).toEqual([]);
        expect(direct.get(`${pizza}NamedPizza`)).toContain(`${pizza}Margherita`);
        expect(direct.get(`${pizza}Pizza`)).not.toContain(`${pizza}Margherita`);
        expect(closure.get(`${pizza}Pizza`)).toContain(`${pizza}Margherita`);
        for (const list of closure.values()) expect(list).toEqual([...new Set(list)].sort());
      });

      it('reads across the graphs of the snapshot', async () => {
        const classes = (await store.neighbours(snapshot, [owlClass], { predicate: rdfType, direction: 'in' })).get(owlClass)!;
        expect(classes).toContain(`${pizza}Margherita`);
        expect(classes).toContain(`${dqv}QualityMeasurement`);
        const owlClassView = await store.getResource(snapshot, owlClass);
        expect(owlClassView?.in.some((e) => e.subject === `${dqv}Metric`)).toBe(true);
        expect(owlClassView?.in.some((e) => e.subject === `${pizza}Pizza`)).toBe(true);
      });

      it('searches labels, exact label matches first, with highlights', async () => {
        const hits = await store.search(snapshot, 'quality measurement');
        expect(hits[0]).toMatchObject({ id: `${dqv}QualityMeasurement`, predicate: rdfsLabel, text: 'Quality Measurement', highlight: '<b>Quality</b> <b>Measurement</b>' });
        expect(hits.map((h) => h.id)).toContain(`${dqv}QualityMeasurementDataset`);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
        expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
        const pizzas = await store.search(snapshot, 'PIZZA');
        expect(pizzas[0]).toMatchObject({ id: `${pizza}Pizza`, text: 'Pizza', highlight: '<b>Pizza</b>' });
      });

      it('finds words by prefix while typing, across literals of every text-index predicate', async () => {
        const hits = await store.search(snapshot, 'margh');
        expect(hits.map((h) => h.id)).toContain(`${pizza}Margherita`);
        const comments = await store.search(snapshot, 'dataset distribution');
        expect(comments.some((h) => h.predicate === 'http://www.w3.org/2000/01/rdf-schema#comment' && h.highlight.includes('<b>dataset</b>'))).toBe(true);
        expect(await store.search(snapshot, '  ?! ')).toEqual([]);
      });

      it('HTML-escapes the literal around the <b> marks', async () => {
        const [hit] = await store.search(snapshot, 'self-contained housing');
        expect(hit).toMatchObject({ id: 'https://schema.org/Apartment', predicate: 'http://www.w3.org/2000/01/rdf-schema#comment' });
        expect(hit!.text).toContain('<a href="http://en.wikipedia.org/wiki/Apartment">');
        expect(hit!.highlight).toContain('&#60;a href=&#34;http://en.wikipedia.org/wiki/Apartment&#34;&#62;');
        expect(hit!.highlight).toMatch(/<b>housing/);
        expect(hit!.highlight.replace(/<\/?b>/g, '')).not.toMatch(/[<>"]/);
      });

      it('pages search results with limit and offset', async () => {
        const all = await store.search(snapshot, 'pizza', { limit: 10 });
        expect(all).toHaveLength(10);
        const first = await store.search(snapshot, 'pizza', { limit: 4 });
        const second = await store.search(snapshot, 'pizza', { limit: 4, offset: 4 });
        expect([...first, ...second].map((h) => h.id)).toEqual(all.slice(0, 8).map((h) => h.id));
      });

      it('scans the facts with given predicates across the snapshot, asserted only unless asked', async () => {
        const scan = async (from: Snapshot, what: FactScan) => {
          const facts: FactElement[] = [];
          for await (const batch of store.scanFacts(from, what)) facts.push(...batch);
          return facts;
        };
        const key = (f: FactElement) => `${f.subject} ${f.predicate} ${f.kind === 'edge' ? f.object : JSON.stringify(f.value)} ${f.inferred}`;
        const keys = (facts: readonly GraphElement[], predicates: readonly string[]) =>
          [...new Set(facts.filter((f): f is FactElement => f.kind !== 'vertex' && predicates.includes(f.predicate)).map(key))].sort();
        const predicates = [subClassOf, rdfsLabel];
        const asserted = await scan(snapshot, { predicates });
        expect(asserted.map(key).sort()).toEqual(keys([...pizzaDoc.elements, ...dqvDoc.elements, ...schemaElements], predicates));
        const withInferred = await scan(snapshot, { predicates: [subClassOf], includeInferred: true });
        expect(withInferred.filter((f) => f.inferred)).toHaveLength(inferredCount);
        expect(withInferred.filter((f) => !f.inferred).map(key).sort()).toEqual(keys([...pizzaDoc.elements, ...dqvDoc.elements, ...schemaElements], [subClassOf]));
        const pizzaOnly = await scan({ versions: snapshot.versions.filter((v) => v.graphId === 'pizza') }, { predicates: [rdfsLabel] });
        expect(pizzaOnly.map(key).sort()).toEqual(keys(pizzaDoc.elements, [rdfsLabel]));
        expect(await scan(snapshot, { predicates: [] })).toEqual([]);
        expect(await scan(snapshot, { predicates: ['https://example.org/unused'] })).toEqual([]);
      });

      it('exports asserted facts only by default, isomorphic to the source', async () => {
        const facts = await exportAll(store, 'pizza');
        expect(facts.every((f) => !f.inferred)).toBe(true);
        expect(isomorphic(factsToQuads(facts), pizzaDoc.quads)).toBe(true);
        const withInferred = await exportAll(store, 'pizza', { includeInferred: true });
        expect(withInferred.filter((f) => f.inferred)).toHaveLength(inferredCount);
        expect(withInferred.length).toBe(facts.length + inferredCount);
      });
    });
  });
}
