/**
 * A compact form of a batch of graph elements for crossing from the read worker to the main thread:
 * one byte of kind and flags per element, the document indexes in an Int32Array (both transferred,
 * not copied) and the strings in one array. Cloning that costs a fraction of cloning the objects.
 */
import type { GraphElement, LiteralValue } from '../graph/elements.ts';

/** An encoded batch; transfer `kinds.buffer` and `docs.buffer` with it. */
export interface EncodedElements {
  kinds: Uint8Array;
  docs: Int32Array;
  strings: string[];
}

const VERTEX = 0;
const BLANK_VERTEX = 1;
const EDGE = 2;
const PROPERTY = 3;
const KIND = 3;
const INFERRED = 4;
const GRAPH = 8;
const LANGUAGE = 16;
const DIRECTION = 32;

/** Encodes a batch. */
export function encodeElements(elements: readonly GraphElement[]): EncodedElements {
  const kinds = new Uint8Array(elements.length);
  const docs = new Int32Array(elements.length);
  const strings: string[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.kind === 'vertex') {
      kinds[i] = element.blank ? BLANK_VERTEX : VERTEX;
      strings.push(element.id);
      continue;
    }
    let kind = element.inferred ? INFERRED : 0;
    docs[i] = element.doc;
    strings.push(element.subject, element.predicate);
    if (element.kind === 'edge') {
      kind |= EDGE;
      strings.push(element.object);
    } else {
      kind |= PROPERTY;
      const { lexical, datatype, language, direction } = element.value;
      strings.push(lexical, datatype);
      if (language !== undefined) {
        kind |= LANGUAGE;
        strings.push(language);
      }
      if (direction !== undefined) {
        kind |= DIRECTION;
        strings.push(direction);
      }
    }
    if (element.graph !== undefined) {
      kind |= GRAPH;
      strings.push(element.graph);
    }
    kinds[i] = kind;
  }
  return { kinds, docs, strings };
}

/** Decodes a batch made by encodeElements. */
export function decodeElements({ kinds, docs, strings }: EncodedElements): GraphElement[] {
  const elements = new Array<GraphElement>(kinds.length);
  let next = 0;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    if ((kind & KIND) < EDGE) {
      elements[i] = { kind: 'vertex', id: strings[next++]!, blank: kind === BLANK_VERTEX };
      continue;
    }
    const subject = strings[next++]!;
    const predicate = strings[next++]!;
    const inferred = (kind & INFERRED) !== 0;
    if ((kind & KIND) === EDGE) {
      const object = strings[next++]!;
      const graph = kind & GRAPH ? strings[next++] : undefined;
      elements[i] = { kind: 'edge', subject, predicate, graph, inferred, doc: docs[i]!, object };
    } else {
      const value: LiteralValue = { lexical: strings[next++]!, datatype: strings[next++]! };
      if (kind & LANGUAGE) value.language = strings[next++];
      if (kind & DIRECTION) value.direction = strings[next++] as LiteralValue['direction'];
      const graph = kind & GRAPH ? strings[next++] : undefined;
      elements[i] = { kind: 'property', subject, predicate, graph, inferred, doc: docs[i]!, value };
    }
  }
  return elements;
}
