/**
 * The facts a read model is built from, indexed by predicate and subject: edges asserted and
 * inferred apart (a direct parent is asserted, an ancestor may be entailed), literals with their
 * language. IRIs are interned, so a node's id is one string however many facts mention it.
 */
import type { FactElement } from '../../graph/elements.ts';

/** A literal value in a language (null when it has none). */
export interface LangText {
  value: string;
  language: string | null;
}

type Adjacency = Map<string, string[]>;

export class FactIndex {
  readonly #strings = new Map<string, string>();
  readonly #asserted = new Map<string, Adjacency>();
  readonly #inferred = new Map<string, Adjacency>();
  readonly #literals = new Map<string, Map<string, LangText[]>>();
  readonly #reverse = new Map<string, Adjacency>();

  /** Adds a batch of facts (duplicates across graphs are kept once). */
  add(facts: readonly FactElement[]): void {
    for (const fact of facts) {
      const subject = this.#intern(fact.subject);
      if (fact.kind === 'edge') {
        append(adjacency(fact.inferred ? this.#inferred : this.#asserted, this.#intern(fact.predicate)), subject, this.#intern(fact.object));
      } else {
        const bySubject = this.#literals.get(fact.predicate) ?? this.#literals.set(this.#intern(fact.predicate), new Map()).get(fact.predicate)!;
        const values = bySubject.get(subject) ?? bySubject.set(subject, []).get(subject)!;
        const language = fact.value.language ?? null;
        if (!values.some((v) => v.value === fact.value.lexical && v.language === language)) values.push({ value: fact.value.lexical, language });
      }
    }
    this.#reverse.clear();
  }

  /** Objects of `subject` along `predicate`: asserted ones, then (unless `assertedOnly`) inferred ones. */
  objects(subject: string, predicate: string, assertedOnly = false): readonly string[] {
    const asserted = this.#asserted.get(predicate)?.get(subject) ?? [];
    if (assertedOnly) return asserted;
    const inferred = this.#inferred.get(predicate)?.get(subject);
    return inferred === undefined ? asserted : [...asserted, ...inferred.filter((o) => !asserted.includes(o))];
  }

  /** Subjects with an edge (asserted or inferred) along `predicate` to `object`. */
  subjects(predicate: string, object: string): readonly string[] {
    let reverse = this.#reverse.get(predicate);
    if (reverse === undefined) {
      const sets = new Map<string, Set<string>>();
      for (const source of [this.#asserted, this.#inferred]) {
        for (const [subject, objects] of source.get(predicate) ?? []) {
          for (const o of objects) (sets.get(o) ?? sets.set(o, new Set()).get(o)!).add(subject);
        }
      }
      reverse = new Map([...sets].map(([o, subjects]) => [o, [...subjects]]));
      this.#reverse.set(predicate, reverse);
    }
    return reverse.get(object) ?? [];
  }

  /** Every subject with an edge along `predicate` and its objects (asserted, or asserted and inferred). */
  *edges(predicate: string, assertedOnly = false): Iterable<[subject: string, objects: readonly string[]]> {
    for (const [subject] of this.#asserted.get(predicate) ?? []) yield [subject, this.objects(subject, predicate, assertedOnly)];
    if (assertedOnly) return;
    const asserted = this.#asserted.get(predicate);
    for (const [subject] of this.#inferred.get(predicate) ?? []) if (!asserted?.has(subject)) yield [subject, this.objects(subject, predicate)];
  }

  /** Literal values of `subject` along `predicate`. */
  literals(subject: string, predicate: string): readonly LangText[] {
    return this.#literals.get(predicate)?.get(subject) ?? [];
  }

  /** Literal values along several predicates, in predicate order, without repeats. */
  literalsOf(subject: string, predicates: readonly string[]): LangText[] {
    const values: LangText[] = [];
    for (const predicate of predicates) {
      for (const v of this.literals(subject, predicate)) if (!values.some((w) => w.value === v.value && w.language === v.language)) values.push(v);
    }
    return values;
  }

  /** Values along `predicate` whether written as IRIs or as literals (e.g. an endpoint URL). */
  values(subject: string, predicate: string): string[] {
    return [...this.objects(subject, predicate), ...this.literals(subject, predicate).map((v) => v.value)];
  }

  /** The interned copy of an IRI (the one the index holds). */
  #intern(value: string): string {
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    this.#strings.set(value, value);
    return value;
  }
}

function adjacency(by: Map<string, Adjacency>, predicate: string): Adjacency {
  return by.get(predicate) ?? by.set(predicate, new Map()).get(predicate)!;
}

/** Appends to a subject's (short) list of objects, once. */
function append(map: Adjacency, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
