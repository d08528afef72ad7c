/**
 * The reflexive-free transitive closure of a "sub -> super" graph (rdfs:subClassOf or
 * rdfs:subPropertyOf, with equivalences as edges both ways), computed once and walked on demand.
 *
 * Cycles are collapsed first (Tarjan's strongly connected components: the members of a cycle are
 * equivalent). Components are then visited in topological order, supers first. A component with a
 * single super component keeps only a pointer to it, so a tree costs memory linear in its size; only
 * a component with several super components materialises the (deduplicated) set of everything above
 * it. Walking a node's supers therefore costs exactly the size of the answer.
 */
import { IntList } from './IntList.ts';

/** Closure of a hierarchy over term ids. */
export class Hierarchy {
  /** Term ids of the nodes, in order of first appearance in the edges. */
  readonly nodes: Int32Array;
  /** term id -> node index, or -1. */
  readonly #nodeOf: Int32Array;
  /** node index -> component. */
  readonly #componentOf: Int32Array;
  /** Members (term ids) of component c: #members[#memberStart[c] .. #memberStart[c + 1]). */
  readonly #memberStart: Int32Array;
  readonly #members: Int32Array;
  /** Direct super nodes of node v (the edges as given): #supers[#superStart[v] .. #superStart[v + 1]). */
  readonly #superStart: Int32Array;
  readonly #supers: Int32Array;
  /** The single super component of a component, or -1 (none, or several: see #above). */
  readonly #parent: Int32Array;
  /** For a component with several super components: the term ids of every node strictly above it. */
  readonly #above = new Map<number, Int32Array>();

  /**
   * @param edges flattened (sub, super) term id pairs
   * @param termCount one more than the largest term id
   */
  constructor(edges: IntList, termCount: number) {
    const nodeOf = new Int32Array(termCount).fill(-1);
    const nodes = new IntList();
    for (let i = 0; i < edges.length; i++) {
      const term = edges.at(i);
      if (nodeOf[term] === -1) {
        nodeOf[term] = nodes.length;
        nodes.push(term);
      }
    }
    this.nodes = nodes.toArray();
    this.#nodeOf = nodeOf;
    const n = nodes.length;

    // Adjacency (node -> super nodes) in compressed rows.
    const start = new Int32Array(n + 1);
    for (let i = 0; i < edges.length; i += 2) start[nodeOf[edges.at(i)]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const supers = new Int32Array(edges.length / 2);
    const fill = start.slice(0, n);
    for (let i = 0; i < edges.length; i += 2) supers[fill[nodeOf[edges.at(i)]!]!++] = nodeOf[edges.at(i + 1)]!;

    this.#superStart = start;
    this.#supers = supers;
    const { componentOf, count: components } = stronglyConnectedComponents(n, start, supers);
    this.#componentOf = componentOf;
    this.#memberStart = new Int32Array(components + 1);
    for (let v = 0; v < n; v++) this.#memberStart[componentOf[v]! + 1]!++;
    for (let c = 0; c < components; c++) this.#memberStart[c + 1]! += this.#memberStart[c]!;
    this.#members = new Int32Array(n);
    const next = this.#memberStart.slice(0, components);
    for (let v = 0; v < n; v++) this.#members[next[componentOf[v]!]!++] = this.nodes[v]!;

    // Tarjan numbers every super component before its subs: close in that order.
    this.#parent = new Int32Array(components).fill(-1);
    const stamp = new Int32Array(components).fill(-1);
    const superComponents = new IntList();
    const union = new TermUnion(termCount);
    for (let c = 0; c < components; c++) {
      superComponents.clear();
      for (let m = this.#memberStart[c]!; m < this.#memberStart[c + 1]!; m++) {
        const v = nodeOf[this.#members[m]!]!;
        for (let e = start[v]!; e < start[v + 1]!; e++) {
          const d = componentOf[supers[e]!]!;
          if (d !== c && stamp[d] !== c) {
            stamp[d] = c;
            superComponents.push(d);
          }
        }
      }
      if (superComponents.length === 1) this.#parent[c] = superComponents.at(0);
      else if (superComponents.length > 1) this.#above.set(c, this.#union(superComponents, union));
    }
  }

  /** True when the term takes part in the hierarchy. */
  has(term: number): boolean {
    return term < this.#nodeOf.length && this.#nodeOf[term] !== -1;
  }

  /** Calls `visit` for every term `term` has an edge to (a term twice if it was given twice), itself left out. */
  forEachSuper(term: number, visit: (above: number) => void): void {
    if (!this.has(term)) return;
    const v = this.#nodeOf[term]!;
    for (let e = this.#superStart[v]!; e < this.#superStart[v + 1]!; e++) {
      const above = this.nodes[this.#supers[e]!]!;
      if (above !== term) visit(above);
    }
  }

  /** Calls `visit` once for every other member of the cycle `term` is in (the terms equivalent to it). */
  forEachEquivalent(term: number, visit: (equivalent: number) => void): void {
    if (!this.has(term)) return;
    const c = this.#componentOf[this.#nodeOf[term]!]!;
    for (let m = this.#memberStart[c]!; m < this.#memberStart[c + 1]!; m++) {
      const member = this.#members[m]!;
      if (member !== term) visit(member);
    }
  }

  /**
   * Calls `visit` once for every term strictly above `term`: first the other members of its cycle
   * (`equivalent` true), then its ancestors. Nothing for a term outside the hierarchy.
   */
  forEachAbove(term: number, visit: (above: number, equivalent: boolean) => void): void {
    if (!this.has(term)) return;
    const c = this.#componentOf[this.#nodeOf[term]!]!;
    for (let m = this.#memberStart[c]!; m < this.#memberStart[c + 1]!; m++) {
      const member = this.#members[m]!;
      if (member !== term) visit(member, true);
    }
    this.#forEachAboveComponent(c, (above) => visit(above, false));
  }

  #forEachAboveComponent(c: number, visit: (term: number) => void): void {
    for (let current = c; ; ) {
      const above = this.#above.get(current);
      if (above !== undefined) {
        for (const term of above) visit(term);
        return;
      }
      current = this.#parent[current]!;
      if (current === -1) return;
      for (let m = this.#memberStart[current]!; m < this.#memberStart[current + 1]!; m++) visit(this.#members[m]!);
    }
  }

  /** Every term in the given components or above them, each once. */
  #union(components: IntList, union: TermUnion): Int32Array {
    union.clear();
    for (let i = 0; i < components.length; i++) {
      const d = components.at(i);
      for (let m = this.#memberStart[d]!; m < this.#memberStart[d + 1]!; m++) union.add(this.#members[m]!);
      this.#forEachAboveComponent(d, union.add);
    }
    return union.terms();
  }
}

/** A set of term ids that empties in constant time (a stamp per term), listing its terms in the order added. */
class TermUnion {
  readonly #stamp: Int32Array;
  readonly #terms = new IntList();
  #current = 0;

  constructor(termCount: number) {
    this.#stamp = new Int32Array(termCount);
  }

  clear(): void {
    this.#current++;
    this.#terms.clear();
  }

  readonly add = (term: number): void => {
    if (this.#stamp[term] === this.#current) return;
    this.#stamp[term] = this.#current;
    this.#terms.push(term);
  };

  terms(): Int32Array {
    return this.#terms.toArray();
  }
}

/**
 * Tarjan's algorithm, iterative (hierarchies can be deeper than the call stack). Components are
 * numbered in completion order, so every component has a higher number than all components it
 * reaches: numbering order is supers first.
 */
function stronglyConnectedComponents(n: number, start: Int32Array, supers: Int32Array): { componentOf: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const edge = new Int32Array(n);
  let count = 0;
  let sp = 0;
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    calls[0] = root;
    edge[root] = start[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    while (depth >= 0) {
      const v = calls[depth]!;
      if (edge[v]! < start[v + 1]!) {
        const w = supers[edge[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          edge[w] = start[w]!;
          calls[++depth] = w;
        } else if (componentOf[w] === -1) {
          // Visited and without a component yet: w is on the stack.
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      if (low[v] === index[v]) {
        const c = count++;
        let w: number;
        do {
          w = stack[--sp]!;
          componentOf[w] = c;
        } while (w !== v);
      }
      depth--;
      if (depth >= 0) {
        const u = calls[depth]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
    }
  }
  return { componentOf, count };
}
