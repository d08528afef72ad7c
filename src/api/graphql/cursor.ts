/** Opaque Relay cursors: base64url of the position in the result list. */
import { OntomeshError } from '../../errors/index.ts';

const prefix = 'o:';

/** The cursor of the item at `offset`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${prefix}${offset}`).toString('base64url');
}

/** The offset a cursor stands for; BAD_REQUEST when it is not one of ours. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(prefix.length));
  if (!text.startsWith(prefix) || !Number.isSafeInteger(offset) || offset < 0) {
    throw new OntomeshError('BAD_REQUEST', `invalid cursor "${cursor}"`, { term: cursor });
  }
  return offset;
}
