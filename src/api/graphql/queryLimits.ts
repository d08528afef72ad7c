/**
 * How large a GraphQL query may be before it runs: the depth and cost limits the
 * queryComplexityRule enforces, with their defaults and their environment variables. A nested query
 * costs almost nothing to send and can multiply the work (and the response) at every level: eight
 * levels of `subConcepts { superConcepts(transitive: true) { ... } }` on the demo mesh answered 49 MB.
 */
import { OntomeshError } from '../../errors/index.ts';

/** The limits a query document must stay within (checked once per document, with its validation). */
export interface QueryLimits {
  /** Deepest nesting of selection sets (fields with sub-selections), through fragments. */
  maxDepth: number;
  /** Largest static cost estimate (see queryComplexityRule.ts). */
  maxCost: number;
}

/**
 * Room for every query ontomesh's tests, README examples, benchmark and GraphiQL send: the deepest is
 * GraphiQL's introspection (14, its nine `ofType` levels), the costliest a page of 50 products with
 * their ports, datasets, fields and concepts nested five levels (depth 8, cost 15,503; the README's
 * and the benchmark's cost 27-173). Refused: eight levels of `subConcepts { superConcepts(transitive:
 * true) }` (depth 18; three levels already cost 41,264 and answer 43 KB on the demo mesh, eight answered
 * 49 MB), 320 aliased searches of 20 results (63 each).
 */
export const defaultQueryLimits: Readonly<QueryLimits> = { maxDepth: 15, maxCost: 20_000 };

/** The environment variables that override the defaults. */
export const queryLimitVariables = { maxDepth: 'ONTOMESH_GRAPHQL_MAX_DEPTH', maxCost: 'ONTOMESH_GRAPHQL_MAX_COST' } as const;

/**
 * The limits from `ONTOMESH_GRAPHQL_MAX_DEPTH` and `ONTOMESH_GRAPHQL_MAX_COST`, the defaults for
 * those unset or empty.
 *
 * @throws OntomeshError BAD_REQUEST when a variable is not a positive integer.
 */
export function queryLimitsFromEnv(env: NodeJS.ProcessEnv): QueryLimits {
  const read = (key: keyof QueryLimits): number => {
    const name = queryLimitVariables[key];
    const text = env[name]?.trim();
    if (text === undefined || text === '') return defaultQueryLimits[key];
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
      throw new OntomeshError('BAD_REQUEST', `${name} must be a positive integer, got "${env[name]}"`, { term: name });
    }
    return value;
  };
  return { maxDepth: read('maxDepth'), maxCost: read('maxCost') };
}
