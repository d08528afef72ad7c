/**
 * The entailment closure of one version: what the store materialises of the facts that follow from
 * the asserted ones under RDFS and a small OWL RL subset: hierarchies one step deep (what
 * equivalences and intersections add; readers walk them), facts turned around by inverses, domain and
 * range types (rules, and what is left to readers, in README.md). Terms are
 * interned to integer ids (the load shares its dictionary, so facts come and go as ids) and facts kept
 * in typed arrays (12 bytes a fact); entailed facts are derived node by node while they are
 * iterated (see Closure), so memory follows the asserted facts, not the size of the closure.
 */
import type { OwlCounts } from './buildOwlView.ts';
import { Closure } from './Closure.ts';
import { countOwlViewOfFacts } from './countOwlViewOfFacts.ts';
import { IntList } from './IntList.ts';
import { TermIds, type Terms } from './TermIds.ts';
import { TripleList } from './TripleList.ts';

/** A fact between two nodes (IRIs or blank node ids, as given to addEdge). */
export interface EntailedFact {
  subject: string;
  predicate: string;
  object: string;
}

/**
 * Collects asserted facts, then yields what they entail.
 *
 * @example
 * const entailment = new Entailment();
 * entailment.addEdge(ex('American'), rdfs.subClassOf, ex('NamedPizza'));
 * entailment.addEdge(ex('NamedPizza'), rdfs.subClassOf, ex('Pizza'));
 * [...entailment.inferred()]; // [{ subject: ex('American'), predicate: rdfs.subClassOf, object: ex('Pizza') }]
 */
export class Entailment {
  readonly #ids: Terms;
  readonly #edges = new TripleList();
  /** (subject, predicate, 0) of facts whose object is a literal: only their subject can be typed. */
  readonly #literalFacts = new TripleList();

  /**
   * @param terms the dictionary term ids come from (a load passes its own, then adds and reads ids);
   *   the vocabulary the rules use is interned into it when the closure is computed
   */
  constructor(terms: Terms = new TermIds()) {
    this.#ids = terms;
  }

  /** Adds an asserted fact whose object is an IRI or a blank node. */
  addEdge(subject: string, predicate: string, object: string): void {
    const ids = this.#ids;
    this.addEdgeIds(ids.id(subject), ids.id(predicate), ids.id(object));
  }

  /** Adds an asserted fact whose object is a literal; the literal itself plays no part in the rules. */
  addLiteralFact(subject: string, predicate: string): void {
    this.addLiteralFactIds(this.#ids.id(subject), this.#ids.id(predicate));
  }

  /** {@link addEdge} in term ids. */
  addEdgeIds(subject: number, predicate: number, object: number): void {
    this.#edges.add(subject, predicate, object);
  }

  /** {@link addLiteralFact} in term ids. */
  addLiteralFactIds(subject: number, predicate: number): void {
    this.#literalFacts.add(subject, predicate, 0);
  }

  /**
   * The sizes of the OWL view (OwlViewBuilder) of the facts added, by the same counting rules.
   * @param isBlank tells the terms that stand for blank nodes
   */
  owlCounts(isBlank: (term: string) => boolean): OwlCounts {
    return countOwlViewOfFacts(this.#edges, this.#ids, isBlank);
  }

  /**
   * The entailed facts that were not asserted, each once. The order is deterministic: grouped by
   * subject, subjects in the order they were first added, a subject's facts in the order of their
   * predicate's and then their object's id (so a store can append them to indexes as they come). The closure covers the facts added before
   * iteration starts; add no facts while iterating.
   */
  *inferred(): Generator<EntailedFact> {
    const ids = this.#ids;
    for (const triples of this.inferredIds()) {
      for (let i = 0; i < triples.length; i += 3) yield { subject: ids.term(triples[i]!), predicate: ids.term(triples[i + 1]!), object: ids.term(triples[i + 2]!) };
    }
  }

  /**
   * {@link inferred} in term ids: batches of about `batchSize` facts as flattened (subject, predicate,
   * object) triples, each array fresh (it can be kept or transferred).
   */
  *inferredIds(batchSize = 8_192): Generator<Int32Array> {
    const closure = new Closure(this.#ids, this.#edges, this.#literalFacts);
    const facts = new IntList();
    let batch = new IntList(batchSize * 3);
    for (let node = 0; node < closure.nodeCount; node++) {
      facts.clear();
      closure.factsAbout(node, facts);
      facts.sortPairs();
      for (let i = 0; i < facts.length; i += 2) {
        batch.push(node);
        batch.push(facts.at(i));
        batch.push(facts.at(i + 1));
      }
      if (batch.length >= batchSize * 3) {
        yield batch.toArray();
        batch = new IntList(batchSize * 3);
      }
    }
    if (batch.length > 0) yield batch.toArray();
  }
}
