/**
 * Parsing and validating a GraphQL document once: clients send the same few query texts over and
 * over, and parse + validate cost more than executing a query against the read model. Parsed
 * documents are kept by their text (bounded, least recently used first out); validation results by
 * document (the schema and rules are fixed per handler). The first rules (the query limits) run alone
 * before graphql-js's own: a document they refuse is not put through the others (graphql-js's rules
 * took 90-240 ms on 2,000 aliased fields on the shared 2-core machine, the limits 13-50 ms).
 */
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';

/** Distinct query texts kept. */
const maxDocuments = 1_000;
/** Longer texts are parsed every time (one-off queries are rarely that long, and they would crowd the cache). */
const maxCachedLength = 16_384;

export interface DocumentCache {
  parse: typeof parse;
  validate: typeof validate;
}

/**
 * Drop-in `parse` and `validate` for graphql-http's handler options; `firstRules` run before the
 * rules graphql-http asks for, and alone.
 *
 * @example
 * createHandler({ schema, ...documentCache([queryComplexityRule(limits)]) })
 */
export function documentCache(firstRules: readonly ValidationRule[] = []): DocumentCache {
  const documents = new Map<string, DocumentNode>();
  const validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    parse(source, options) {
      if (typeof source !== 'string' || source.length > maxCachedLength || options !== undefined) return parseNested(source, options);
      let document = documents.get(source);
      if (document === undefined) {
        document = parseNested(source);
        if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value!);
      } else {
        documents.delete(source);
      }
      documents.set(source, document);
      return document;
    },
    validate(schema: GraphQLSchema, document: DocumentNode, rules?: readonly ValidationRule[], options?: Parameters<typeof validate>[3]) {
      const known = validated.get(document);
      if (known !== undefined) return known;
      const refused = firstRules.length === 0 ? [] : validate(schema, document, firstRules, options);
      const errors = refused.length > 0 ? refused : validate(schema, document, rules, options);
      validated.set(document, errors);
      return errors;
    },
  };
}

/**
 * graphql-js parses selection sets recursively: a few thousand nested braces exhaust the stack. That
 * is a query too deep, not an internal error.
 */
function parseNested(...args: Parameters<typeof parse>): DocumentNode {
  try {
    return parse(...args);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new GraphQLError('the query is nested too deeply to be parsed', { extensions: { code: 'QUERY_TOO_COMPLEX' } });
  }
}
