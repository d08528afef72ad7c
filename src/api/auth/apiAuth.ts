/**
 * The Express side of Entra ID authentication: a bearer token on every request a route needs it for,
 * validated, and the app role the request needs (Ontomesh.Read to read, Ontomesh.Write to change
 * anything) checked in its `roles` claim. Refusals are 401 UNAUTHENTICATED with a
 * `WWW-Authenticate: Bearer` challenge (RFC 6750: `error="invalid_token"` and a description when a
 * token was sent) or 403 FORBIDDEN naming the missing role (`error="insufficient_scope"`); REST routes
 * answer them in ontomesh's JSON, /graphql as GraphQL errors with `extensions.code`. The caller's
 * object id and client application go into the request's log line.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { asOntomeshError, OntomeshError } from '../../errors/index.ts';
import type { Logger } from '../logger.ts';
import { appRoles, type Access, type AuthConfig } from './authConfig.ts';
import { callerLogFields, requestId } from '../requestLog.ts';
import { createTokenValidator } from './tokenValidator.ts';

export interface ApiAuth {
  /** For the REST routes: GET and HEAD read, every other method writes. */
  rest: RequestHandler;
  /** For /graphql: every operation reads (the schema has no mutations). */
  graphql: RequestHandler;
}

const bearerPattern = /^Bearer +([\w.~+/-]+=*) *$/i;
/** Refusals of a request that sent no bearer token: their challenge has no error (RFC 6750 §3.1). */
const noToken = new WeakSet<OntomeshError>();

/**
 * The middleware for a configured tenant; fetches the tenant's metadata at once so a wrong tenant is
 * logged at start.
 *
 * @example const auth = apiAuth(config, logger); app.all('/graphql', auth.graphql, graphql);
 */
export function apiAuth(config: AuthConfig, logger: Logger): ApiAuth {
  const validator = createTokenValidator(config);
  validator.prefetch().catch((error: unknown) => logger.error('Entra ID metadata cannot be fetched; requests needing a token get 503 until it can', { tenant: config.tenant, error }));
  const check = (access: (req: Request) => Access, answer: Answer): RequestHandler => async (req, res, next) => {
    const needed = access(req);
    // OPTIONS holds no data: the routes' Allow (allowedMethods.ts), /graphql's 405.
    if (req.method === 'OPTIONS' || (needed === 'read' && !config.readsNeedToken)) return next();
    try {
      const token = bearerToken(req);
      const caller = await validator.validate(token);
      res.locals[callerLogFields] = { oid: caller.oid, appid: caller.appid };
      const granted = caller.roles.includes(appRoles.write) || caller.roles.includes(appRoles[needed]);
      if (!granted) {
        const roles = needed === 'read' ? `${appRoles.read} or ${appRoles.write}` : appRoles.write;
        throw new OntomeshError('FORBIDDEN', `${req.method} ${req.path} needs the app role ${roles}; the token has ${caller.roles.length === 0 ? 'no roles' : `roles ${caller.roles.join(', ')}`}`, { term: appRoles[needed] });
      }
    } catch (thrown) {
      const error = asOntomeshError(thrown);
      res.locals[callerLogFields] ??= { authError: error.message };
      const challenge = challengeOf(error);
      if (challenge !== undefined) res.setHeader('WWW-Authenticate', challenge);
      answer(error, res, next);
      return;
    }
    next();
  };
  /** A refusal as GraphQL over HTTP has errors: `{ errors: [{ message, extensions: { code } }] }`, with the code's status. */
  const graphqlAnswer: Answer = (error, res) => {
    if (error.code === 'INTERNAL') logger.error('authentication failed', { requestId: requestId(res), error: error.cause ?? error });
    const shown = error.code === 'INTERNAL' ? new OntomeshError('INTERNAL', 'Internal error') : error;
    res.status(shown.status).type('application/json').send(JSON.stringify({ errors: [{ message: shown.message, extensions: { code: shown.code, ...shown.location } }] }));
  };
  return {
    // The application's error handler answers (and logs an unexpected error) as for any route.
    rest: check((req) => (req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write'), (error, _res, next) => next(error)),
    graphql: check(() => 'read', graphqlAnswer),
  };
}

type Answer = (error: OntomeshError, res: Response, next: NextFunction) => void;

/** The request's bearer token. @throws OntomeshError UNAUTHENTICATED when there is none. */
function bearerToken(req: Request): string {
  const header = req.get('authorization');
  const token = header === undefined ? undefined : bearerPattern.exec(header)?.[1];
  if (token !== undefined) return token;
  const error = new OntomeshError('UNAUTHENTICATED', header === undefined
    ? 'the request has no Authorization header; send an Entra ID access token for this API as "Authorization: Bearer TOKEN"'
    : 'the Authorization header is not "Bearer TOKEN"');
  noToken.add(error);
  throw error;
}

/** The WWW-Authenticate challenge of a refusal (RFC 6750 §3), none for other errors. */
function challengeOf(error: OntomeshError): string | undefined {
  const realm = 'Bearer realm="ontomesh"';
  if (error.code === 'FORBIDDEN') return `${realm}, error="insufficient_scope", error_description="${quotable(error.message)}"`;
  if (error.code !== 'UNAUTHENTICATED') return undefined;
  // No token (or another scheme): a bare challenge, as RFC 6750 asks when no credentials came.
  if (noToken.has(error)) return realm;
  return `${realm}, error="invalid_token", error_description="${quotable(error.message)}"`;
}

/** RFC 6750 allows printable ASCII but `"` and `\` in a description. */
const quotable = (text: string) => text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
