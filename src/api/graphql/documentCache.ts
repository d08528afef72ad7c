/**
 * Parsing and validating a GraphQL document once: clients send the same few query texts over and
 * over, and parse + validate cost more than executing a query against the read model. Parsed
 * documents are kept by their text (bounded, least recently used first out); validation results by
 * document (the schema and rules are fixed per handler).
 */
import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';

/** Distinct query texts kept. */
const maxDocuments = 1_000;
/** Longer texts are parsed every time (one-off queries are rarely that long, and they would crowd the cache). */
const maxCachedLength = 16_384;

export interface DocumentCache {
  parse: typeof parse;
  validate: typeof validate;
}

/**
 * Drop-in `parse` and `validate` for graphql-http's handler options.
 *
 * @example
 * createHandler({ schema, ...documentCache() })
 */
export function documentCache(): DocumentCache {
  const documents = new Map<string, DocumentNode>();
  const validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    parse(source, options) {
      if (typeof source !== 'string' || source.length > maxCachedLength || options !== undefined) return parse(source, options);
      let document = documents.get(source);
      if (document === undefined) {
        document = parse(source);
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
      const errors = validate(schema, document, rules, options);
      validated.set(document, errors);
      return errors;
    },
  };
}
