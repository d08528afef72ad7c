// diffOntologies on the demo ontology and a made-up next release of it (demoRelease.ts): every kind
// of change is reported once, with the attributes that differ, and nothing else is.
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffOntologies, OwlViewBuilder, type OntologyDiff, type OwlView } from '../../src/ontology/index.ts';
import { demoQuads, nextRelease, release } from './demoRelease.ts';

const demo = 'https://w3id.org/ontomesh/demo/';
const view = (quads: readonly Quad[]): OwlView => {
  const builder = new OwlViewBuilder();
  builder.add(quads);
  return builder.build();
};

let before: OwlView;
let diff: OntologyDiff;
beforeAll(async () => {
  const quads = await demoQuads();
  before = view(quads);
  diff = diffOntologies(before, view(nextRelease(quads)));
});

describe('diffOntologies', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffOntologies(before, before)).toEqual({ classes: [], properties: [] });
  });

  it('reports classes added, removed, deprecated and changed, in IRI order', () => {
    expect(diff.classes.map((c) => [c.iri, c.kind, c.termKind])).toEqual([
      [release.removed, 'removed', 'class'],
      [release.deprecated, 'deprecated', 'class'],
      [release.relabelled, 'changed', 'class'],
      [release.moved, 'changed', 'class'],
      [release.added, 'added', 'class'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });

  it('says which attributes changed, with the values only one side has', () => {
    const changes = (iri: string) => diff.classes.find((c) => c.iri === iri)!.changes;
    expect(changes(release.relabelled)).toEqual([{ attribute: 'labels', removed: ['"customer"@en'], added: ['"customer (buyer)"@en'] }]);
    expect(changes(release.moved)).toEqual([{ attribute: 'parents', removed: [`${demo}core#Organization`], added: [`${demo}core#Party`] }]);
    expect(changes(release.deprecated)).toEqual([{ attribute: 'deprecated', removed: ['false'], added: ['true'] }]);
    expect(changes(release.removed)).toEqual([]);
  });

  it('keeps the term as the newer version has it (the older one for a removed term)', () => {
    expect(diff.classes.find((c) => c.iri === release.removed)!.term.labels.en).toEqual(['postal address']);
    expect(diff.classes.find((c) => c.iri === release.relabelled)!.term.labels.en).toEqual(['customer (buyer)']);
  });

  it('reports properties whose domain or range changed, including those that pointed at a removed class', () => {
    const narrowed = diff.properties.find((p) => p.iri === release.narrowed)!;
    expect(narrowed).toMatchObject({ kind: 'changed', termKind: 'objectProperty' });
    expect(narrowed.changes).toEqual([{ attribute: 'ranges', removed: [`${demo}customer#Customer`], added: [`${demo}customer#RetailCustomer`] }]);
    const pointedAtAddress = [...before.objectProperties.values(), ...before.datatypeProperties.values()]
      .filter((p) => p.ranges.includes(release.removed) || p.domains.includes(release.removed)).map((p) => p.iri);
    expect(pointedAtAddress.length).toBeGreaterThan(0);
    expect(diff.properties.map((p) => p.iri).sort()).toEqual([...new Set([release.narrowed, ...pointedAtAddress])].sort());
  });
});
