/**
 * A deliberately naive reference for the entailment rules of src/ontology/README.md: close the
 * schema by applying its rules until nothing new appears, then work out the consequences of every
 * asserted fact from their definitions, with string sets and no cleverness. Slow and simple, so that
 * Entailment (interned ids, component-collapsed hierarchies, per-predicate plans, per-node
 * derivation) can be checked against it on real ontologies.
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

type Fact = [string, string, string];

/** The lines (`s p o`) entailed by the documents and not asserted, as a sorted array. */
export function referenceClosure(...documents: Quad[][]): string[] {
  const asserted: Fact[] = [];
  const assertedKeys = new Set<string>();
  documents.forEach((quads, doc) => {
    for (const q of quads) {
      const fact: Fact = [nodeId(q.subject, doc), q.predicate.value, q.object.termType === 'Literal' ? LITERAL : nodeId(q.object, doc)];
      if (!assertedKeys.has(fact.join(' '))) asserted.push(fact);
      assertedKeys.add(fact.join(' '));
    }
  });
  const schema = closeSchema(asserted);
  const entailed = new Set<string>(schema.entailed);
  const { sc, sp, inv, symmetric } = schema;
  const objects = (p: string, s: string): string[] => [...(schema.facts.get(p)?.get(s) ?? [])];
  const above = (closure: Map<string, Set<string>>, a: string, b: string): boolean => closure.get(a)?.has(b) ?? false;
  const strictlyBelow = (closure: Map<string, Set<string>>, a: string, b: string): boolean => above(closure, a, b) && !above(closure, b, a);

  // Candidate types per node, from the declared domains and ranges of every property a fact holds for.
  const candidates = new Map<string, Set<string>>();
  const candidate = (node: string, c: string) => candidates.set(node, (candidates.get(node) ?? new Set()).add(c));
  for (const [x, p, y] of asserted) {
    if (y === LITERAL) {
      for (const q of [p, ...(sp.get(p) ?? [])]) for (const d of objects(`${RDFS}domain`, q)) candidate(x, d);
      continue;
    }
    // Every (property, reversed) the fact holds for: x q y, or y q x when reversed.
    const reached = new Set([`0 ${p}`]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const state of [...reached]) {
        const [reversed, q] = [state[0], state.slice(2)];
        const flipped = reversed === '0' ? '1' : '0';
        const next = [...[...(sp.get(q) ?? [])].map((up) => `${reversed} ${up}`), ...[...(inv.get(q) ?? [])].map((i) => `${flipped} ${i}`)];
        if (symmetric.has(q)) next.push(`${flipped} ${q}`);
        for (const n of next) if (!reached.has(n)) changed = reached.add(n) !== undefined;
      }
    }
    for (const state of reached) {
      const [reversed, q] = [state[0], state.slice(2)];
      const [subject, object] = reversed === '0' ? [x, y] : [y, x];
      for (const d of objects(`${RDFS}domain`, q)) candidate(subject, d);
      for (const r of objects(`${RDFS}range`, q)) candidate(object, r);
      // Covered: found by a query joining rdfs:subPropertyOf from a state strictly below, or from the asserted fact.
      const covered = [...reached].some((other) => other[0] === reversed && other !== state
        && (strictlyBelow(sp, other.slice(2), q) || (other === `0 ${p}` && above(sp, p, q))));
      if (state === `0 ${p}` || covered) continue;
      if (q === type) candidate(subject, object);
      else entailed.add(`${subject} ${q} ${object}`);
    }
  }
  for (const [node, types] of candidates) {
    const all = new Set([...types, ...objects(type, node)]);
    for (const c of types) {
      if (![...all].some((t) => strictlyBelow(sc, t, c))) entailed.add(`${node} ${type} ${c}`);
    }
  }
  return [...entailed].filter((key) => !assertedKeys.has(key)).sort();
}

/**
 * The schema closed under its rules (subclass and sub-property transitivity, equivalences, cycles,
 * inverses, intersections), with the facts it entails (reflexive hierarchy facts left out).
 */
function closeSchema(asserted: readonly Fact[]) {
  const facts = new Map<string, Map<string, Set<string>>>();
  const entailed = new Set<string>();
  const add = (s: string, p: string, o: string): boolean => {
    let byS = facts.get(p);
    if (!byS) facts.set(p, (byS = new Map()));
    let os = byS.get(s);
    if (!os) byS.set(s, (os = new Set()));
    if (os.has(o)) return false;
    os.add(o);
    return true;
  };
  for (const [s, p, o] of asserted) add(s, p, o);
  const all = (p: string): Fact[] => [...(facts.get(p) ?? [])].flatMap(([s, os]) => [...os].map((o): Fact => [s, p, o]));
  const derive = (s: string, p: string, o: string): boolean => {
    if (!add(s, p, o)) return false;
    if (!(s === o && hierarchyPredicates.has(p))) entailed.add(`${s} ${p} ${o}`);
    return true;
  };

  // scm-int, from asserted lists only.
  const first = new Map(all(`${RDF}first`).map(([s, , o]) => [s, o]));
  const rest = new Map(all(`${RDF}rest`).map(([s, , o]) => [s, o]));
  for (const [s, , o] of all(`${OWL}intersectionOf`)) {
    const seen = new Set<string>();
    for (let cell: string | undefined = o; cell !== undefined && cell !== `${RDF}nil` && !seen.has(cell); cell = rest.get(cell)) {
      seen.add(cell);
      if (first.has(cell)) derive(s, subClassOf, first.get(cell)!);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    const derived: Fact[] = [];
    for (const [sub, eq] of [[subClassOf, equivalentClass], [subPropertyOf, equivalentProperty]] as const) {
      for (const [s, , o] of all(sub)) {
        for (const up of facts.get(sub)?.get(o) ?? []) derived.push([s, sub, up]);
        if (facts.get(sub)?.get(o)?.has(s)) derived.push([s, eq, o]);
      }
      for (const [s, , o] of all(eq)) derived.push([o, eq, s], [s, sub, o], [o, sub, s]);
    }
    for (const [s, , o] of all(inverseOf)) derived.push([o, inverseOf, s]);
    for (const [s, p, o] of derived) if (derive(s, p, o)) changed = true;
  }
  const closure = (p: string) => new Map([...(facts.get(p) ?? [])].map(([s, os]) => [s, new Set([...os].filter((o) => o !== s))]));
  const symmetric = new Set(all(type).filter(([, , o]) => o === `${OWL}SymmetricProperty`).map(([s]) => s));
  return { facts, entailed, sc: closure(subClassOf), sp: closure(subPropertyOf), inv: facts.get(inverseOf) ?? new Map<string, Set<string>>(), symmetric };
}

/**
 * What a reader sees (src/ontology/README.md: hierarchies are stored one step deep and closed when
 * read): the materialised `lines` plus every rdfs:subClassOf and rdfs:subPropertyOf fact reachable
 * through the asserted and materialised ones, reflexive and asserted facts left out; sorted.
 */
export function closedByReader(lines: readonly string[], ...documents: Quad[][]): string[] {
  const asserted = new Set(documents.flatMap((quads, doc) => quads.map((q) => `${nodeId(q.subject, doc)} ${q.predicate.value} ${q.object.termType === 'Literal' ? LITERAL : nodeId(q.object, doc)}`)));
  const seen = new Set([...lines]);
  for (const predicate of [subClassOf, subPropertyOf]) {
    const supers = new Map<string, Set<string>>();
    for (const key of [...asserted, ...lines]) {
      const [s, p, o] = key.split(' ') as Fact;
      if (p === predicate) supers.set(s, (supers.get(s) ?? new Set()).add(o));
    }
    for (const start of supers.keys()) {
      const reached = new Set<string>();
      const stack = [...supers.get(start)!];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (reached.has(next)) continue;
        reached.add(next);
        stack.push(...(supers.get(next) ?? []));
      }
      for (const above of reached) if (above !== start) seen.add(`${start} ${predicate} ${above}`);
    }
  }
  return [...seen].filter((key) => !asserted.has(key)).sort();
}
