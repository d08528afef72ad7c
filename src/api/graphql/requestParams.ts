/**
 * Reading a GraphQL-over-HTTP request — a GET query string, or a POST `application/json` body — into
 * its parameters, with an OntomeshError that says what is wrong when it is malformed: BAD_REQUEST
 * for the parameters, UNSUPPORTED_FORMAT for the media type, PAYLOAD_TOO_LARGE for a body over the
 * limit (the mapping the REST routes share, ../clientError.ts). graphql-http's own parser answers
 * these with bare messages, an empty 415, or errors that end up masked as INTERNAL; this one keeps
 * its rules (graphql-over-http's) with precise messages.
 */
import express, { type Request, type RequestHandler } from 'express';
import type { RequestParams } from 'graphql-http';
import { OntomeshError } from '../../errors/index.ts';
import { clientError } from '../clientError.ts';

/** Largest request body accepted (GraphQL documents are small; this bounds memory per request). */
export const maxBodyBytes = 1 << 20;

/**
 * Reads a JSON body into `req.body` (other media types are left for requestParams to refuse).
 *
 * @throws OntomeshError PAYLOAD_TOO_LARGE, UNSUPPORTED_FORMAT (a charset or encoding not supported) or BAD_REQUEST (not JSON).
 */
export function jsonBodyReader(limit = maxBodyBytes): (req: Request, res: Parameters<RequestHandler>[1]) => Promise<void> {
  // Not strict: `null` or `5` are JSON, and requestParams says why they are not a GraphQL request.
  const parse = express.json({ limit, strict: false });
  return (req, res) => new Promise((resolve, reject) => {
    parse(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(clientError(error))));
  });
}

/**
 * The parameters of a GET (query string) or POST (JSON body, read by jsonBodyReader) request;
 * undefined for other methods, which graphql-http answers with 405.
 *
 * @throws OntomeshError BAD_REQUEST for missing or mistyped parameters, UNSUPPORTED_FORMAT for a POST that is not `application/json`.
 */
export function requestParams(req: Request): RequestParams | undefined {
  if (req.method === 'GET') return checked(queryStringParams(req.url), 'parameter');
  if (req.method !== 'POST') return undefined;
  const json = req.is('application/json');
  if (json === null) throw new OntomeshError('BAD_REQUEST', 'the request has no body: a POST to /graphql sends a JSON object with a "query" string');
  if (json === false) {
    const type = req.get('content-type');
    throw new OntomeshError('UNSUPPORTED_FORMAT', `a POST to /graphql must have Content-Type application/json${type === undefined ? ' (it has none)' : `, not ${type}`}`, { term: type });
  }
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OntomeshError('BAD_REQUEST', `the request body must be a JSON object with a "query" string, not ${describe(body)}`);
  }
  return checked(body as Record<string, unknown>, 'field');
}

function queryStringParams(url: string): Record<string, unknown> {
  const at = url.indexOf('?');
  const search = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  const params: Record<string, unknown> = {};
  for (const name of ['query', 'operationName'] as const) {
    const value = search.get(name);
    if (value !== null) params[name] = value;
  }
  for (const name of ['variables', 'extensions'] as const) {
    const value = search.get(name);
    if (value === null || value === '') continue;
    try {
      params[name] = JSON.parse(value);
    } catch (error) {
      throw new OntomeshError('BAD_REQUEST', `the "${name}" parameter is not valid JSON: ${(error as Error).message}`, { term: value });
    }
  }
  return params;
}

/** The parameters typed as graphql-over-http requires. */
function checked(params: Record<string, unknown>, what: 'parameter' | 'field'): RequestParams {
  const { query, operationName, variables, extensions } = params;
  if (query === undefined || query === null) throw new OntomeshError('BAD_REQUEST', `the request has no "query" ${what}`);
  if (typeof query !== 'string') throw new OntomeshError('BAD_REQUEST', `the "query" ${what} must be a string, not ${describe(query)}`);
  if (operationName != null && typeof operationName !== 'string') {
    throw new OntomeshError('BAD_REQUEST', `the "operationName" ${what} must be a string, not ${describe(operationName)}`);
  }
  for (const [name, value] of [['variables', variables], ['extensions', extensions]] as const) {
    if (value != null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new OntomeshError('BAD_REQUEST', `the "${name}" ${what} must be a JSON object, not ${describe(value)}`);
    }
  }
  return {
    query,
    operationName: operationName as string | null | undefined,
    variables: variables as Record<string, unknown> | null | undefined,
    extensions: extensions as Record<string, unknown> | null | undefined,
  };
}

/** What a JSON value is, for a message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}
