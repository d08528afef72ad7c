/**
 * A deliberately naive reference for the entailment rules of src/ontology/README.md: apply every
 * rule to every fact until nothing new appears. Slow and simple, so that Entailment (interned ids,
 * component-collapsed hierarchies, per-predicate plans, per-node derivation) can be checked
 * against it on real ontologies.
 */
import type { Quad } from '@rdfjs/types';
import { OWL, RDF, RDFS, nodeId } from './helpers.ts';

const subClassOf = `${RDFS}subClassOf`;
const subPropertyOf = `${RDFS}subPropertyOf`;
const equivalentClass = `${OWL}equivalentClass`;
const equivalentProperty = `${OWL}equivalentProperty`;
const inverseOf = `${OWL}inverseOf`;
const type = `${RDF}type`;
/** Stands for any literal object: rules never make a literal a subject. */
const LITERAL = '"literal"';
const hierarchyPredicates = new Set([subClassOf, subPropertyOf, equivalentClass, equivalentProperty]);

/** The lines (`s p o`) entailed by the documents and not asserted, as a sorted array. */
export function referenceClosure(...documents: Quad[][]): string[] {
  const facts = new Map<string, [string, string, string]>();
  const add = (s: string, p: string, o: string): boolean => {
    const key = `${s} ${p} ${o}`;
    if (facts.has(key)) return false;
    facts.set(key, [s, p, o]);
    return true;
  };
  documents.forEach((quads, doc) => {
    for (const q of quads) add(nodeId(q.subject, doc), q.predicate.value, q.object.termType === 'Literal' ? LITERAL : nodeId(q.object, doc));
  });
  const asserted = new Set(facts.keys());

  // scm-int, from asserted lists only.
  const first = new Map<string, string>();
  const rest = new Map<string, string>();
  for (const [s, p, o] of facts.values()) {
    if (p === `${RDF}first`) first.set(s, o);
    if (p === `${RDF}rest`) rest.set(s, o);
  }
  for (const [s, p, o] of [...facts.values()]) {
    if (p !== `${OWL}intersectionOf`) continue;
    const seen = new Set<string>();
    for (let cell: string | undefined = o; cell !== undefined && cell !== `${RDF}nil` && !seen.has(cell); cell = rest.get(cell)) {
      seen.add(cell);
      if (first.has(cell)) add(s, subClassOf, first.get(cell)!);
    }
  }

  for (let changed = true; changed; ) {
    changed = false;
    const index = (predicate: string): Map<string, string[]> => {
      const map = new Map<string, string[]>();
      for (const [s, p, o] of facts.values()) if (p === predicate) map.set(s, [...(map.get(s) ?? []), o]);
      return map;
    };
    const [sc, sp, inv, domain, range] = [index(subClassOf), index(subPropertyOf), index(inverseOf), index(`${RDFS}domain`), index(`${RDFS}range`)];
    const symmetric = new Set([...facts.values()].filter(([, p, o]) => p === type && o === `${OWL}SymmetricProperty`).map(([s]) => s));
    const has = (s: string, p: string, o: string) => facts.has(`${s} ${p} ${o}`);
    for (const [s, p, o] of [...facts.values()]) {
      const derived: [string, string, string][] = [];
      if (p === subClassOf || p === subPropertyOf) {
        for (const up of (p === subClassOf ? sc : sp).get(o) ?? []) derived.push([s, p, up]);
        if (has(o, p, s)) derived.push([s, p === subClassOf ? equivalentClass : equivalentProperty, o]);
      }
      if (p === equivalentClass) derived.push([o, p, s], [s, subClassOf, o], [o, subClassOf, s]);
      if (p === equivalentProperty) derived.push([o, p, s], [s, subPropertyOf, o], [o, subPropertyOf, s]);
      if (p === inverseOf) derived.push([o, p, s]);
      if (p === type) for (const up of sc.get(o) ?? []) derived.push([s, type, up]);
      for (const up of sp.get(p) ?? []) derived.push([s, up, o]);
      for (const d of domain.get(p) ?? []) derived.push([s, type, d]);
      if (o !== LITERAL) {
        for (const r of range.get(p) ?? []) derived.push([o, type, r]);
        for (const q of inv.get(p) ?? []) derived.push([o, q, s]);
        if (symmetric.has(p)) derived.push([o, p, s]);
      }
      for (const [x, q, y] of derived) if (add(x, q, y)) changed = true;
    }
  }
  return [...facts.entries()]
    .filter(([key, [s, p, o]]) => !asserted.has(key) && o !== LITERAL && !(s === o && hierarchyPredicates.has(p)))
    .map(([key]) => key)
    .sort();
}
