/**
 * What one asserted fact `x p y` entails, worked out once per predicate p and reused for every fact
 * with that predicate: the most specific other properties the fact holds for (through super and
 * equivalent properties, inverses and symmetric properties), and the declared domains and ranges of
 * every property it holds for (rdfs2, rdfs3). Properties above one already materialised, and classes
 * above a declared one, are left to queries (README.md, "Entailment rules").
 */
import type { Schema } from './Schema.ts';

/** The consequences of any fact with a given predicate. */
export interface PredicatePlan {
  /**
   * Flattened (property, reversed) pairs: `x p y` also holds as `x q y` (reversed 0) or `y q x`
   * (reversed 1), and no other property of the same direction that it holds for lies strictly below
   * q (nor, unreversed, is q the predicate itself or above it).
   */
  images: Int32Array;
  /** Declared domains (and ranges of the reversed properties) of every property the fact holds for. */
  subjectTypes: Int32Array;
  /** Declared ranges (and domains of the reversed properties) of every property the fact holds for. */
  objectTypes: Int32Array;
  /** Classes the subject belongs to when the object is a literal: domains of p and of the properties above it. */
  literalSubjectTypes: Int32Array;
}

/** Lazily computed, cached plans per predicate id. */
export class PredicatePlans {
  readonly #schema: Schema;
  readonly #plans = new Map<number, PredicatePlan>();

  constructor(schema: Schema) {
    this.#schema = schema;
  }

  get(predicate: number): PredicatePlan {
    let plan = this.#plans.get(predicate);
    if (plan === undefined) this.#plans.set(predicate, (plan = this.#plan(predicate)));
    return plan;
  }

  #plan(predicate: number): PredicatePlan {
    const { properties, inverses, symmetric, domains, ranges } = this.#schema;
    // Breadth-first over (property, reversed) states; a state key is property * 2 + reversed.
    const asserted = predicate * 2;
    const reached = new Set<number>([asserted]);
    const queue = [asserted];
    const reach = (property: number, reversed: number): void => {
      const key = property * 2 + reversed;
      if (!reached.has(key)) {
        reached.add(key);
        queue.push(key);
      }
    };
    for (let i = 0; i < queue.length; i++) {
      const property = queue[i]! >> 1;
      const reversed = queue[i]! & 1;
      properties.forEachAbove(property, (above) => reach(above, reversed));
      for (const inverse of inverses.get(property) ?? []) reach(inverse, reversed ^ 1);
      if (symmetric.has(property)) reach(property, reversed ^ 1);
    }

    // A state is covered when a query joining rdfs:subPropertyOf finds it from another one: a state
    // of the same direction strictly below it, or the asserted fact itself (for its equivalents too).
    const covered = new Set<number>();
    for (const key of reached) {
      const reversed = key & 1;
      properties.forEachAbove(key >> 1, (above, equivalent) => {
        if (!equivalent || key === asserted) covered.add(above * 2 + reversed);
      });
    }
    const images: number[] = [];
    const subjectTypes = new Set<number>();
    const objectTypes = new Set<number>();
    for (const key of reached) {
      const property = key >> 1;
      const reversed = key & 1;
      if (key !== asserted && !covered.has(key)) images.push(property, reversed);
      for (const c of domains.get(property) ?? []) (reversed ? objectTypes : subjectTypes).add(c);
      for (const c of ranges.get(property) ?? []) (reversed ? subjectTypes : objectTypes).add(c);
    }
    const literalSubjectTypes = new Set(domains.get(predicate));
    properties.forEachAbove(predicate, (above) => {
      for (const c of domains.get(above) ?? []) literalSubjectTypes.add(c);
    });
    return {
      images: Int32Array.from(images),
      subjectTypes: Int32Array.from(subjectTypes),
      objectTypes: Int32Array.from(objectTypes),
      literalSubjectTypes: Int32Array.from(literalSubjectTypes),
    };
  }
}
