/**
 * A descriptor file parsed as JSON or YAML, able to say where (line:column) the value at a JSON
 * Pointer is written, so every validation error can name the file, the field and the place.
 * JSON is parsed strictly with JSON.parse; its positions come from the yaml library's CST of the
 * same text (JSON is YAML 1.2), built only when an error needs one.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { OntomeshError } from '../../errors/index.ts';
import { fromPointer, jsonPointerAt } from './jsonPointer.ts';

/** A line and a column, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** How many YAML aliases a document may expand (guards against "billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

/** A parsed descriptor document. */
export class DescriptorSource {
  readonly file: string;
  readonly syntax: 'json' | 'yaml';
  readonly data: unknown;
  readonly #text: string;
  #document: { document: Document; lines: LineCounter } | undefined;

  private constructor(file: string, syntax: 'json' | 'yaml', text: string, data: unknown, document?: { document: Document; lines: LineCounter }) {
    this.file = file;
    this.syntax = syntax;
    this.#text = text;
    this.data = data;
    this.#document = document;
  }

  /**
   * Parses `text`; a syntax error is an OntomeshError DESCRIPTOR_INVALID with the file, line,
   * column and (for JSON) the pointer of the member being read.
   *
   * @example const source = DescriptorSource.parse('product.yaml', text, 'yaml');
   */
  static parse(file: string, text: string, syntax: 'json' | 'yaml'): DescriptorSource {
    return syntax === 'json' ? DescriptorSource.#parseJson(file, text) : DescriptorSource.#parseYaml(file, text);
  }

  static #parseJson(file: string, text: string): DescriptorSource {
    try {
      return new DescriptorSource(file, 'json', text, JSON.parse(text));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const offset = /at position (\d+)/.exec(message);
      const at = offset ? Number(offset[1]) : text.length;
      const { line, column } = positionOf(text, at);
      const field = jsonPointerAt(text, at);
      const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'Unexpected end of input');
      throw new OntomeshError('DESCRIPTOR_INVALID', `Invalid JSON: ${reason}${field ? ` (in ${field})` : ''}`, { file, line, column }, { field }, { cause: error });
    }
  }

  static #parseYaml(file: string, text: string): DescriptorSource {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const [error] = document.errors;
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw new OntomeshError('DESCRIPTOR_INVALID', `Invalid YAML: ${error.message.split('\n')[0]}`, { file, line, column: col }, { field: '' }, { cause: error });
    }
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (cause) {
      throw new OntomeshError('DESCRIPTOR_INVALID', `Invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}`, { file }, { field: '' }, { cause });
    }
    return new DescriptorSource(file, 'yaml', text, data, { document, lines });
  }

  /**
   * Where the value at `pointer` is written; for a member that does not exist, where its nearest
   * existing ancestor is. Undefined only for an empty document.
   */
  locate(pointer: string): Position | undefined {
    this.#document ??= this.#buildDocument();
    const { document, lines } = this.#document;
    let node: Node | null | undefined = document.contents;
    let at = node?.range?.[0];
    for (const part of fromPointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
        if (!pair) break;
        const key = pair.key as Node;
        node = pair.value as Node | null;
        at = node?.range?.[0] ?? key.range?.[0];
      } else if (isSeq(node)) {
        const item = node.items[Number(part)] as Node | undefined;
        if (!item) break;
        node = item;
        at = item.range?.[0];
      } else {
        break;
      }
    }
    if (at === undefined) return undefined;
    const { line, col } = lines.linePos(at);
    return { line, column: col };
  }

  #buildDocument(): { document: Document; lines: LineCounter } {
    const lines = new LineCounter();
    return { document: parseDocument(this.#text, { lineCounter: lines, uniqueKeys: false }), lines };
  }
}

/** The 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
