/**
 * FactRows as they cross from the read worker to the writing thread. Their typed arrays are transferred
 * (moved, not copied); their strings (new terms, lexical forms, language tags: about one per quad) would
 * be cloned one by one, which costs the worker, the busier thread of a load, as much as mapping them.
 * Packed into one string per batch and the strings' lengths, they cross as one copy; the writing thread
 * cuts them apart again. Lossless whatever the strings hold (no separator).
 */
import type { FactRows } from '../graph/FactRows.ts';

/** FactRows with their string arrays packed. */
export interface PackedRows {
  rows: Omit<FactRows, 'terms' | 'lexicals' | 'languages'>;
  /** terms, then lexicals, then languages, concatenated. */
  text: string;
  /** The length of each string, in that order. */
  lengths: Int32Array;
  counts: [terms: number, lexicals: number, languages: number];
}

export function packRows(batch: FactRows): PackedRows {
  const { terms, lexicals, languages, ...rows } = batch;
  const lengths = new Int32Array(terms.length + lexicals.length + languages.length);
  let at = 0;
  for (const strings of [terms, lexicals, languages]) for (const text of strings) lengths[at++] = text.length;
  return { rows, text: terms.join('') + lexicals.join('') + languages.join(''), lengths, counts: [terms.length, lexicals.length, languages.length] };
}

/** The buffers packRows' result can transfer. */
export function transferables(packed: PackedRows): ArrayBuffer[] {
  return [packed.rows.edges.buffer as ArrayBuffer, packed.rows.literals.buffer as ArrayBuffer, packed.lengths.buffer as ArrayBuffer];
}

export function unpackRows({ rows, text, lengths, counts }: PackedRows): FactRows {
  let at = 0;
  let offset = 0;
  const take = (count: number): string[] => {
    const strings = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const length = lengths[at++]!;
      strings[i] = text.slice(offset, offset + length);
      offset += length;
    }
    return strings;
  };
  return { ...rows, terms: take(counts[0]), lexicals: take(counts[1]), languages: take(counts[2]) };
}
