/**
 * One computation of the entailment closure, node by node. The schema is closed once (Hierarchy),
 * each predicate's consequences once (PredicatePlans); asserted facts are indexed by subject and by
 * object, so everything entailed about a node (every fact with that node as subject) is derived
 * from the facts it takes part in and deduplicated right there. Nothing proportional to the number
 * of entailed facts is ever held, however many there are.
 */
import { IntList } from './IntList.ts';
import { PairSet } from './PairSet.ts';
import { PredicatePlans } from './PredicatePlans.ts';
import { readSchema, vocabularyIds, type Schema, type VocabularyIds } from './Schema.ts';
import type { Terms } from './TermIds.ts';
import type { TripleList } from './TripleList.ts';

/** Rows of a TripleList grouped by one column: rows of term t are rows[start[t] .. start[t + 1]). */
interface RowIndex {
  start: Int32Array;
  rows: Int32Array;
}

/** The closure over the facts added until its construction. */
export class Closure {
  /** Terms are 0 .. nodeCount - 1; any of them can be the subject of entailed facts. */
  readonly nodeCount: number;
  readonly #asserted: TripleList;
  readonly #literalFacts: TripleList;
  readonly #v: VocabularyIds;
  readonly #schema: Schema;
  readonly #plans: PredicatePlans;
  readonly #bySubject: RowIndex;
  readonly #byObject: RowIndex;
  readonly #literalsBySubject: RowIndex;
  /** Per class: node + 1 once it is a candidate type of the node. */
  readonly #candidate: Int32Array;
  /** Per class: node + 1 once it lies strictly above a type of the node. */
  readonly #implied: Int32Array;
  /** The current node's candidate types (from domains and ranges) and asserted types. */
  readonly #candidates = new IntList();
  readonly #types = new IntList();
  /** (predicate, object) keys of the current node's entailed facts so far. */
  readonly #seen = new PairSet();
  /** (predicate, object) keys of the current node's asserted facts, filled only when it has entailed ones. */
  readonly #assertedKeys = new PairSet();
  #node = -1;
  #out = new IntList();

  constructor(ids: Terms, asserted: TripleList, literalFacts: TripleList) {
    this.#v = vocabularyIds(ids);
    this.nodeCount = ids.size;
    this.#asserted = asserted;
    this.#literalFacts = literalFacts;
    this.#schema = readSchema(asserted, this.#v, this.nodeCount);
    this.#plans = new PredicatePlans(this.#schema);
    this.#bySubject = rowIndex(asserted.subjects(), this.nodeCount);
    this.#byObject = rowIndex(asserted.objects(), this.nodeCount);
    this.#literalsBySubject = rowIndex(literalFacts.subjects(), this.nodeCount);
    this.#candidate = new Int32Array(this.nodeCount);
    this.#implied = new Int32Array(this.nodeCount);
  }

  /**
   * Fills `out` (empty) with flattened (predicate, object) pairs: the facts about `node` that are entailed
   * and not asserted, each once.
   */
  factsAbout(node: number, out: IntList): void {
    this.#node = node;
    this.#out = out;
    this.#seen.clear();
    this.#candidates.clear();
    this.#types.clear();
    const v = this.#v;
    const { classes, properties, inverses } = this.#schema;
    const asserted = this.#asserted;

    // Hierarchies one step deep (what equivalences and intersections add): readers close them.
    classes.forEachSuper(node, (above) => this.#emit(v.subClassOf, above));
    classes.forEachEquivalent(node, (equivalent) => this.#emit(v.equivalentClass, equivalent));
    properties.forEachSuper(node, (above) => this.#emit(v.subPropertyOf, above));
    properties.forEachEquivalent(node, (equivalent) => this.#emit(v.equivalentProperty, equivalent));
    for (const inverse of inverses.get(node) ?? []) this.#emit(v.inverseOf, inverse);

    // Facts with the node as subject: forward images, domain typing.
    for (let i = this.#bySubject.start[node]!; i < this.#bySubject.start[node + 1]!; i++) {
      const row = this.#bySubject.rows[i]!;
      const p = asserted.predicate(row);
      const o = asserted.object(row);
      const plan = this.#plans.get(p);
      if (p === v.type) this.#types.push(o);
      this.#emitImages(plan.images, 0, o);
      this.#addCandidates(plan.subjectTypes);
    }
    // Facts with the node as object: reversed images (inverses, symmetry), range typing.
    for (let i = this.#byObject.start[node]!; i < this.#byObject.start[node + 1]!; i++) {
      const row = this.#byObject.rows[i]!;
      const plan = this.#plans.get(asserted.predicate(row));
      this.#emitImages(plan.images, 1, asserted.subject(row));
      this.#addCandidates(plan.objectTypes);
    }
    const literals = this.#literalsBySubject;
    for (let i = literals.start[node]!; i < literals.start[node + 1]!; i++) {
      this.#addCandidates(this.#plans.get(this.#literalFacts.predicate(literals.rows[i]!)).literalSubjectTypes);
    }
    if (this.#candidates.length > 0) this.#emitTypes();
    // Most nodes entail nothing: their asserted facts are looked at only when there is something to leave out.
    if (out.length > 0) this.#dropAsserted(node);
  }

  /** Removes from the output the facts the node has asserted. */
  #dropAsserted(node: number): void {
    const keys = this.#assertedKeys;
    const asserted = this.#asserted;
    keys.clear();
    for (let i = this.#bySubject.start[node]!; i < this.#bySubject.start[node + 1]!; i++) {
      const row = this.#bySubject.rows[i]!;
      keys.add(asserted.predicate(row), asserted.object(row));
    }
    const out = this.#out;
    let kept = 0;
    for (let i = 0; i < out.length; i += 2) {
      const p = out.at(i);
      const o = out.at(i + 1);
      if (keys.has(p, o)) continue;
      out.set(kept++, p);
      out.set(kept++, o);
    }
    out.truncate(kept);
  }

  /** `node q other` for every image (q, reversed) of the wanted direction; images along rdf:type are candidate types. */
  #emitImages(images: Int32Array, reversed: number, other: number): void {
    for (let i = 0; i < images.length; i += 2) {
      if (images[i + 1] !== reversed) continue;
      const q = images[i]!;
      if (q === this.#v.type) this.#addCandidate(other);
      else this.#emit(q, other);
    }
  }

  #addCandidates(classes: Int32Array): void {
    for (let i = 0; i < classes.length; i++) this.#addCandidate(classes[i]!);
  }

  #addCandidate(c: number): void {
    const mark = this.#node + 1;
    if (this.#candidate[c] === mark) return;
    this.#candidate[c] = mark;
    this.#candidates.push(c);
  }

  /**
   * `node rdf:type c` for the candidate types c that are not asserted and not strictly above another
   * type of the node (asserted or candidate): a query joining rdfs:subClassOf finds those.
   */
  #emitTypes(): void {
    const mark = this.#node + 1;
    const classes = this.#schema.classes;
    const implied = this.#implied;
    const markAbove = (above: number, equivalent: boolean): void => {
      if (!equivalent) implied[above] = mark;
    };
    for (let i = 0; i < this.#types.length; i++) classes.forEachAbove(this.#types.at(i), markAbove);
    for (let i = 0; i < this.#candidates.length; i++) classes.forEachAbove(this.#candidates.at(i), markAbove);
    const type = this.#v.type;
    for (let i = 0; i < this.#candidates.length; i++) {
      const c = this.#candidates.at(i);
      if (implied[c] === mark || !this.#seen.add(type, c)) continue;
      this.#out.push(type);
      this.#out.push(c);
    }
  }

  #emit(p: number, o: number): void {
    if (!this.#seen.add(p, o)) return;
    this.#out.push(p);
    this.#out.push(o);
  }
}

/** Groups rows by a term column (counting sort): memory is one int per row and one per term. */
function rowIndex(column: Int32Array, termCount: number): RowIndex {
  const size = column.length;
  const start = new Int32Array(termCount + 1);
  for (let row = 0; row < size; row++) start[column[row]! + 1]!++;
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const rows = new Int32Array(size);
  const fill = start.slice(0, termCount);
  for (let row = 0; row < size; row++) rows[fill[column[row]!]!++] = row;
  return { start, rows };
}
