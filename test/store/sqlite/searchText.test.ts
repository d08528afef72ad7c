import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../src/store/sqlite/searchText.ts';

describe('FTS5 query text', () => {
  it('makes every word a phrase and the last one a prefix', () => {
    expect(ftsQuery('Quality measure')).toBe('"quality" "measure"*');
    expect(ftsQuery('self-contained "housing"')).toBe('"self" "contained" "housing"*');
    expect(ftsQuery('NOT OR AND')).toBe('"not" "or" "and"*');
    expect(ftsQuery(' ?! ')).toBeUndefined();
  });
});
