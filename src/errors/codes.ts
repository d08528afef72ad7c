/**
 * The one registry of ontomesh error codes. Each code maps to one HTTP status and is used
 * verbatim as the GraphQL `extensions.code`. The README's table of codes is checked against
 * this list by test/errors/codes.test.ts.
 */
export const errorCodes = {
  RDF_SYNTAX: { status: 400, description: 'The input is not valid in its RDF syntax.' },
  UNSUPPORTED_FORMAT: { status: 415, description: 'The syntax of the input could not be recognised or is not supported.' },
  IMPORT_UNRESOLVED: { status: 422, description: 'An owl:imports IRI could not be resolved through the catalog, the loaded files or an allowed host.' },
  FILE_NOT_FOUND: { status: 404, description: 'A path given on the command line does not exist or cannot be read.' },
  CATALOG_INVALID: { status: 400, description: 'A Protégé catalog-v001.xml file is malformed.' },
  BAD_REQUEST: { status: 400, description: 'A request or command-line argument is invalid.' },
  NOT_FOUND: { status: 404, description: 'The graph, version or resource does not exist.' },
  SHACL_VIOLATION: { status: 422, description: 'The data does not conform to its SHACL shapes.' },
  DESCRIPTOR_INVALID: { status: 422, description: 'A data-product or data-contract descriptor is malformed or does not conform to its format\'s JSON Schema.' },
  STORE_UNAVAILABLE: { status: 503, description: 'The graph store cannot be reached or is not ready.' },
  STORE_THROTTLED: { status: 429, description: 'The graph store throttled the request and the retry budget ran out.' },
  CATALOG_UNAVAILABLE: { status: 502, description: 'The metadata catalog (Microsoft Purview, Apache Atlas) cannot be reached, is no catalog, failed, or kept throttling past the retry budget.' },
  UNAUTHENTICATED: { status: 401, description: 'The request carries no valid credentials.' },
  FORBIDDEN: { status: 403, description: 'The caller may not perform this operation.' },
  AUTH_UNAVAILABLE: { status: 503, description: 'The identity provider\'s metadata or signing keys cannot be fetched, so no token can be checked.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'The endpoint does not take the request\'s HTTP method; the Allow header lists the ones it takes.' },
  NOT_ACCEPTABLE: { status: 406, description: 'The endpoint cannot answer in any media type the request\'s Accept header allows.' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is larger than the service accepts.' },
  QUERY_TOO_COMPLEX: { status: 400, description: 'The GraphQL query exceeds the depth or cost limit.' },
  INTERNAL: { status: 500, description: 'An unexpected failure; the log has the details.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof errorCodes;
