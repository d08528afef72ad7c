/**
 * A made-up next release of the demo ontology (./ontology), as the quads of the current one changed
 * the ways releases change: a class removed (core:Address), one deprecated (customer:BusinessCustomer),
 * one relabelled (customer:Customer), one moved in the hierarchy (logistics:Carrier from Organization
 * to Party), one added (sales:Refund), and a property's range narrowed (customer:referredBy).
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { fileURLToPath } from 'node:url';
import { loadDocuments } from '../../src/rdf/index.ts';

const { quad, namedNode, literal } = DataFactory;
const demo = 'https://w3id.org/ontomesh/demo/';
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const owl = 'http://www.w3.org/2002/07/owl#';
const rdfType = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

export const release = {
  removed: `${demo}core#Address`,
  deprecated: `${demo}customer#BusinessCustomer`,
  relabelled: `${demo}customer#Customer`,
  moved: `${demo}logistics#Carrier`,
  added: `${demo}sales#Refund`,
  narrowed: `${demo}customer#referredBy`,
} as const;

/** The quads of the demo ontology as it is in ./ontology (all four modules). */
export async function demoQuads(): Promise<Quad[]> {
  const quads: Quad[] = [];
  await loadDocuments([fileURLToPath(new URL('../../ontology/', import.meta.url))], { missingImports: 'error', allowRemoteImports: [] }, {
    quads: (_doc, batch) => void quads.push(...batch),
  });
  return quads;
}

/** The next release: `quads` with the changes of {@link release}. */
export function nextRelease(quads: readonly Quad[]): Quad[] {
  const is = (q: Quad, s: string, p?: string) => q.subject.value === s && (p === undefined || q.predicate.value === p);
  const next = quads.filter((q) => !is(q, release.removed) && q.object.value !== release.removed)
    .filter((q) => !(is(q, release.relabelled, `${rdfs}label`) && q.object.termType === 'Literal' && q.object.language === 'en'))
    .filter((q) => !(is(q, release.moved, `${rdfs}subClassOf`) && q.object.value === `${demo}core#Organization`))
    .filter((q) => !is(q, release.narrowed, `${rdfs}range`));
  next.push(
    quad(namedNode(release.deprecated), namedNode(`${owl}deprecated`), literal('true', namedNode('http://www.w3.org/2001/XMLSchema#boolean'))),
    quad(namedNode(release.relabelled), namedNode(`${rdfs}label`), literal('customer (buyer)', 'en')),
    quad(namedNode(release.moved), namedNode(`${rdfs}subClassOf`), namedNode(`${demo}core#Party`)),
    quad(namedNode(release.added), rdfType, namedNode(`${owl}Class`)),
    quad(namedNode(release.added), namedNode(`${rdfs}label`), literal('refund', 'en')),
    quad(namedNode(release.added), namedNode(`${rdfs}subClassOf`), namedNode(`${demo}core#BusinessEvent`)),
    quad(namedNode(release.narrowed), namedNode(`${rdfs}range`), namedNode(`${demo}customer#RetailCustomer`)),
  );
  return next;
}
