/**
 * Builds one string script with its bindings. Values never enter the script text (no injection,
 * and the text of a template stays the same from request to request, so servers can cache its
 * compiled form); equal primitive values share one binding, which keeps requests small.
 */
import type { Bind } from './dialect.ts';

/** A script ready to send: `template` names the shape it was built from (see scripts.ts). */
export interface Script {
  readonly template: string;
  readonly text: string;
  readonly bindings: Readonly<Record<string, unknown>>;
  /** Approximate request size in bytes (script plus JSON of the bindings). */
  readonly bytes: number;
}

export class ScriptBuilder {
  readonly #bindings: Record<string, unknown> = {};
  /** Names of bound primitives (a Map tells 1 from '1'). */
  readonly #shared = new Map<unknown, string>();
  #parts: string[] = [];
  #count = 0;
  #textLength = 0;
  #bindingBytes = 0;

  /** Binds a value and returns its name; strings, numbers and booleans are bound once per script. */
  readonly bind: Bind = (value) => {
    const shared = typeof value !== 'object' && typeof value !== 'function';
    const known = shared ? this.#shared.get(value) : undefined;
    if (known) return known;
    const name = `x${this.#count++}`;
    this.#bindings[name] = value;
    this.#bindingBytes += name.length + 4 + (typeof value === 'string' ? Buffer.byteLength(value) + 2 : Buffer.byteLength(JSON.stringify(value)));
    if (shared) this.#shared.set(value, name);
    return name;
  };

  /** Appends script text. */
  add(text: string): this {
    this.#parts.push(text);
    this.#textLength += text.length;
    return this;
  }

  /** Binds each value and joins the names with commas: `a, b, c`. */
  list(values: Iterable<unknown>): string {
    return Array.from(values, this.bind).join(', ');
  }

  get textLength(): number {
    return this.#textLength;
  }

  get bytes(): number {
    return this.#textLength + this.#bindingBytes;
  }

  build(template: string): Script {
    return { template, text: this.#parts.join(''), bindings: this.#bindings, bytes: this.bytes };
  }
}
