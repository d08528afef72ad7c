/**
 * GraphQL errors as clients see them: every error gets `extensions.code` from the ontomesh registry
 * (query syntax and validation errors are BAD_REQUEST); an OntomeshError adds its location; an
 * unexpected error is masked as INTERNAL (its details go to the log, not to the client).
 */
import { GraphQLError } from 'graphql';
import { OntomeshError } from '../../errors/index.ts';

/**
 * Brand check instead of `instanceof`: graphql ships CommonJS, ESM and development builds, and a
 * library may load another build than ours (vitest's "development" condition does exactly that).
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}

/** Maps one error of a GraphQL response to what is sent. */
export function formatError(error: Readonly<GraphQLError | Error>): GraphQLError {
  if (!isGraphQLError(error)) return new GraphQLError('Internal error', { extensions: { code: 'INTERNAL' } });
  return withLocations(sent(error), error);
}

function sent(error: Readonly<GraphQLError>): GraphQLError {
  const original = error.originalError;
  const base = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (original instanceof OntomeshError) {
    return new GraphQLError(original.message, { ...base, extensions: { ...error.extensions, code: original.code, ...original.location } });
  }
  if (original !== undefined && !isGraphQLError(original)) {
    return new GraphQLError('Internal error', { ...base, extensions: { code: 'INTERNAL' } });
  }
  return new GraphQLError(error.message, { ...base, extensions: { code: 'BAD_REQUEST', ...error.extensions } });
}

/**
 * Keeps the locations of an error that has them without the AST nodes they came from: compiled
 * execution (graphql-jit) reports errors that way.
 */
function withLocations(sentError: GraphQLError, error: Readonly<GraphQLError>): GraphQLError {
  if (sentError.locations === undefined && error.locations !== undefined && error.locations.length > 0) {
    (sentError as { locations: GraphQLError['locations'] }).locations = error.locations;
  }
  return sentError;
}

/** True for errors formatError masks: the ones worth logging with a stack. */
export function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  return original !== undefined && !(original instanceof OntomeshError) && !isGraphQLError(original);
}
