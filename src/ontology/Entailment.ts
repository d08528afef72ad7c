/**
 * The entailment closure of one version: the facts that follow from the asserted ones under RDFS and
 * a small OWL RL subset (rules in README.md). Terms are interned to integer ids and facts kept in
 * typed arrays (about 20 bytes a fact); entailed facts are derived node by node while they are
 * iterated (see Closure), so memory follows the asserted facts, not the size of the closure.
 */
import { Closure } from './Closure.ts';
import { IntList } from './IntList.ts';
import { TermIds } from './TermIds.ts';
import { TripleSet } from './TripleSet.ts';

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
  readonly #ids = new TermIds();
  readonly #edges = new TripleSet();
  /** (subject, predicate, 0) of facts whose object is a literal: only their subject can be typed. */
  readonly #literalFacts = new TripleSet();

  /** Adds an asserted fact whose object is an IRI or a blank node. */
  addEdge(subject: string, predicate: string, object: string): void {
    const ids = this.#ids;
    this.#edges.add(ids.id(subject), ids.id(predicate), ids.id(object));
  }

  /** Adds an asserted fact whose object is a literal; the literal itself plays no part in the rules. */
  addLiteralFact(subject: string, predicate: string): void {
    this.#literalFacts.add(this.#ids.id(subject), this.#ids.id(predicate), 0);
  }

  /**
   * The entailed facts that were not asserted, each once. The order is deterministic: grouped by
   * subject, subjects in the order they were first added. The closure covers the facts added before
   * iteration starts; add no facts while iterating.
   */
  *inferred(): Generator<EntailedFact> {
    const ids = this.#ids;
    const closure = new Closure(ids, this.#edges, this.#literalFacts);
    const facts = new IntList();
    for (let node = 0; node < closure.nodeCount; node++) {
      facts.clear();
      closure.factsAbout(node, facts);
      if (facts.length === 0) continue;
      const subject = ids.term(node);
      for (let i = 0; i < facts.length; i += 2) yield { subject, predicate: ids.term(facts.at(i)), object: ids.term(facts.at(i + 1)) };
    }
  }
}
