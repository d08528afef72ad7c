/** queryLimitsFromEnv: the defaults, ONTOMESH_GRAPHQL_MAX_DEPTH / _COST overrides, and bad values refused. */
import { describe, expect, test } from 'vitest';
import { defaultQueryLimits, queryLimitsFromEnv } from '../../../src/api/graphql/queryLimits.ts';

describe('queryLimitsFromEnv', () => {
  test('the defaults when unset or empty', () => {
    expect(queryLimitsFromEnv({})).toEqual({ maxDepth: 15, maxCost: 20_000 });
    expect(queryLimitsFromEnv({ ONTOMESH_GRAPHQL_MAX_DEPTH: '', ONTOMESH_GRAPHQL_MAX_COST: ' ' })).toEqual(defaultQueryLimits);
  });

  test('each variable overrides its limit', () => {
    expect(queryLimitsFromEnv({ ONTOMESH_GRAPHQL_MAX_DEPTH: '30' })).toEqual({ maxDepth: 30, maxCost: 20_000 });
    expect(queryLimitsFromEnv({ ONTOMESH_GRAPHQL_MAX_COST: ' 1000000 ' })).toEqual({ maxDepth: 15, maxCost: 1_000_000 });
  });

  test('a value that is not a positive integer is BAD_REQUEST naming the variable', () => {
    for (const value of ['0', '-3', '1.5', '1e3', 'ten', '99999999999999999999']) {
      expect(() => queryLimitsFromEnv({ ONTOMESH_GRAPHQL_MAX_COST: value })).toThrow(
        expect.objectContaining({ code: 'BAD_REQUEST', message: `ONTOMESH_GRAPHQL_MAX_COST must be a positive integer, got "${value}"` }),
      );
    }
  });
});
