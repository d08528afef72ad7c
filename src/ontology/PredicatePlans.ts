/**
 * What one asserted fact `x p y` entails, worked out once per predicate p and reused for every fact
 * with that predicate: the other properties the fact also holds for (super and equivalent
 * properties, rdfs7; inverses, owl:inverseOf; symmetric properties), and the classes its subject
 * and object get from the domains and ranges of all of them (rdfs2, rdfs3), closed upward (rdfs9).
 */
import type { Schema } from './Schema.ts';

/** The consequences of any fact with a given predicate. */
export interface PredicatePlan {
  /**
   * Flattened (property, reversed) pairs: the fact `x p y` also holds as `x q y` (reversed 0) or
   * `y q x` (reversed 1). The predicate itself, unreversed, is not listed.
   */
  images: Int32Array;
  /** Classes the subject belongs to (upward closed). */
  subjectTypes: Int32Array;
  /** Classes the object belongs to (upward closed). */
  objectTypes: Int32Array;
  /** Classes the subject belongs to when the object is a literal (domains of p and its supers only). */
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
    const reached = new Set<number>([predicate * 2]);
    const queue = [predicate * 2];
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

    const images: number[] = [];
    const subjectRoots: number[] = [];
    const objectRoots: number[] = [];
    for (const key of reached) {
      const property = key >> 1;
      const reversed = key & 1;
      if (key !== predicate * 2) images.push(property, reversed);
      const propertyDomains = domains.get(property) ?? [];
      const propertyRanges = ranges.get(property) ?? [];
      subjectRoots.push(...(reversed ? propertyRanges : propertyDomains));
      objectRoots.push(...(reversed ? propertyDomains : propertyRanges));
    }
    const literalRoots = [...(domains.get(predicate) ?? [])];
    properties.forEachAbove(predicate, (above) => literalRoots.push(...(domains.get(above) ?? [])));
    return {
      images: Int32Array.from(images),
      subjectTypes: this.#upwardClosed(subjectRoots),
      objectTypes: this.#upwardClosed(objectRoots),
      literalSubjectTypes: this.#upwardClosed(literalRoots),
    };
  }

  #upwardClosed(classes: number[]): Int32Array {
    const closed = new Set<number>();
    for (const c of classes) if (!closed.has(c)) for (const up of this.#schema.classes.upwardClosure(c)) closed.add(up);
    return Int32Array.from(closed);
  }
}
