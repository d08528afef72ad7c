/**
 * Reading a construct's arguments in order, each checked for its kind, so that a construct with
 * too few, too many or the wrong kind of arguments is an RDF_SYNTAX error at the construct that
 * says what was expected and what was found.
 */
import { OntomeshError } from '../../errors/index.ts';
import { describeNode, type OwlConstruct, type OwlNode } from './OwlSyntax.ts';
import type { OwlGraph } from './OwlGraph.ts';
import { owlKeywords } from './owlKeywords.ts';

/** Reads one argument of the kind its translation accepts, failing through the arguments otherwise. */
export type ArgumentReader<T> = (node: OwlNode, args: OwlArguments) => T;

/** The arguments of one construct, read left to right. */
export class OwlArguments {
  readonly construct: OwlConstruct;
  readonly graph: OwlGraph;
  readonly file: string | undefined;
  /** The leading `Annotation(...)` arguments, when the construct is an axiom or an annotation. */
  readonly annotations: readonly OwlConstruct[];
  #next: number;
  /** The index of the argument read last, for errors about what it holds. */
  #current = -1;

  constructor(construct: OwlConstruct, graph: OwlGraph, file: string | undefined, options: { annotated?: boolean } = {}) {
    this.construct = construct;
    this.graph = graph;
    this.file = file;
    let first = 0;
    if (options.annotated) {
      while (isConstruct(construct.args[first], 'Annotation')) first++;
    }
    this.annotations = construct.args.slice(0, first) as OwlConstruct[];
    this.#next = first;
  }

  /** The arguments of a nested construct, in the same document. */
  of(construct: OwlConstruct, options: { annotated?: boolean } = {}): OwlArguments {
    return new OwlArguments(construct, this.graph, this.file, options);
  }

  /** Reads the next argument with `read`; `expected` names it in the error when there is none. */
  one<T>(read: ArgumentReader<T>, expected: string): T {
    const node = this.construct.args[this.#next];
    if (node === undefined) {
      throw this.error(`${this.construct.name} expects ${expected} as argument ${this.#next + 1}, found nothing more`);
    }
    this.#current = this.#next++;
    return read(node, this);
  }

  /** Reads the construct's one and only argument. */
  single<T>(read: ArgumentReader<T>, expected: string): T {
    const value = this.one(read, expected);
    this.end();
    return value;
  }

  /** Reads all remaining arguments (at least `min`) with `read`, or all but the last `leave`. */
  many<T>(read: ArgumentReader<T>, expected: string, min: number, leave = 0): T[] {
    const nodes = this.construct.args.slice(this.#next, this.construct.args.length - leave);
    if (nodes.length < min) {
      throw this.error(`${this.construct.name} expects at least ${min} ${expected}, found ${nodes.length}`);
    }
    return nodes.map((node) => ((this.#current = this.#next++), read(node, this)));
  }

  /** Whether arguments are left. */
  get more(): boolean {
    return this.#next < this.construct.args.length;
  }

  /** Fails when arguments are left over. */
  end(): void {
    if (!this.more) return;
    const extra = this.construct.args[this.#next]!;
    throw this.error(`${this.construct.name} has too many arguments: argument ${this.#next + 1} (${describeNode(extra)}) is not expected`);
  }

  /** The error for `node`, read as an argument of this construct, not being `expected`. */
  unexpected(node: OwlNode, expected: string): OntomeshError {
    if (node.type === 'construct' && !owlKeywords.has(node.name)) {
      return new OntomeshError('RDF_SYNTAX', `Unknown construct ${node.name}: ${this.construct.name} expects ${expected} here`, { file: this.file, line: node.line, column: node.column });
    }
    // A node inside an argument (HasKey's groups) is reported at that argument.
    const index = this.construct.args.indexOf(node);
    const position = (index >= 0 ? index : this.#current) + 1;
    return this.error(`${this.construct.name} expects ${expected} as argument ${position}, found ${describeNode(node)}`);
  }

  /** An RDF_SYNTAX error at this construct. */
  error(message: string): OntomeshError {
    return new OntomeshError('RDF_SYNTAX', message, { file: this.file, line: this.construct.line, column: this.construct.column });
  }
}

/**
 * Translates `node` with the translation `table` has for its construct's name (the construct's own
 * arguments read and checked to the end), or fails: `node` is not `expected`.
 */
export function translateConstruct<T>(node: OwlNode, args: OwlArguments, table: Readonly<Record<string, (args: OwlArguments) => T>>, expected: string): T {
  const translate = isConstruct(node) && Object.hasOwn(table, node.name) ? table[node.name] : undefined;
  if (!translate) throw args.unexpected(node, expected);
  const inner = args.of(node as OwlConstruct);
  const translated = translate(inner);
  inner.end();
  return translated;
}

/** Whether `node` is a construct, named `name` when given. */
export function isConstruct(node: OwlNode | undefined, name?: string): node is OwlConstruct {
  return node?.type === 'construct' && (name === undefined || node.name === name);
}
