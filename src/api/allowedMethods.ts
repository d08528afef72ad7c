/**
 * The methods a path takes, read from the application's routes as they are registered (no second list
 * to keep in step), and the two answers built on them: `OPTIONS` answers 204 with `Allow`, and a method
 * no route at the path takes is METHOD_NOT_ALLOWED (405) with `Allow`, where a path no route matches is
 * NOT_FOUND (404).
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { OntomeshError } from '../errors/index.ts';

/**
 * What this reads of Express 5's router (the `router` package; not part of Express's typed API, so the
 * tests of these answers are what notice a change): each layer of a router's stack matches a path and
 * is a route (with the methods it was registered for; `_all` for `all()`) or a mounted handler, which is
 * itself a router when it has a stack.
 */
interface Layer {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, unknown> };
  handle: { stack?: readonly Layer[] };
}

/**
 * The methods the routes of `router` were registered for at `path`, upper-case, with HEAD where there is
 * GET (Express answers HEAD with the GET route); `*` for a route that takes every method (`Router#all`).
 * Empty when no route matches `path`.
 */
function routeMethods(router: Router, path: string): Set<string> {
  const methods = new Set<string>();
  collect((router as unknown as { stack: readonly Layer[] }).stack, path, methods);
  if (methods.has('GET')) methods.add('HEAD');
  return methods;
}

/** The `Allow` header for `methods`: sorted, with OPTIONS, which every route answers ({@link answerOptions}). */
function allowHeader(methods: ReadonlySet<string>): string {
  return [...new Set([...methods, 'OPTIONS'])].sort().join(', ');
}

/** Adds the methods of the routes in `stack` that match `path` to `methods`. */
function collect(stack: readonly Layer[], path: string, methods: Set<string>): void {
  for (const layer of stack) {
    let match: { path: string } | false;
    try {
      match = layer.match(path);
    } catch {
      continue; // an undecodable path parameter: the route itself answers BAD_REQUEST
    }
    if (match === false) continue;
    if (layer.route !== undefined) {
      for (const method of Object.keys(layer.route.methods)) methods.add(method === '_all' ? '*' : method.toUpperCase());
    } else if (layer.handle.stack !== undefined) {
      // A mounted router sees the path without its mount point, as Express hands it over.
      const rest = path.slice(match.path.length);
      collect(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, methods);
    }
  }
}

/**
 * `OPTIONS` on a route: 204 with `Allow` and no body. Mounted before the routes, since Express's own
 * answer (200, the methods as text/plain) comes from the router the route is in. A route that takes
 * OPTIONS itself (as every one registered with `app.all` does) answers it.
 *
 * @example app.use(answerOptions(app.router));
 */
export function answerOptions(router: Router): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const methods = req.method === 'OPTIONS' ? routeMethods(router, req.path) : undefined;
    if (methods === undefined || methods.size === 0 || methods.has('OPTIONS') || methods.has('*')) {
      next();
      return;
    }
    res.setHeader('Allow', allowHeader(methods));
    res.status(204).end();
  };
}

/**
 * The answer to a request no route took: METHOD_NOT_ALLOWED with `Allow` when routes at its path take
 * other methods, else NOT_FOUND. Mounted after every route.
 *
 * @example app.use(noRoute(app.router));
 */
export function noRoute(router: Router): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const methods = routeMethods(router, req.path);
    // No route here, or one that takes the method and passed the request on (an unknown GraphiQL asset).
    if (methods.size === 0 || methods.has(req.method) || methods.has('*')) {
      next(new OntomeshError('NOT_FOUND', `no route ${req.method} ${req.path}`));
      return;
    }
    const allow = allowHeader(methods);
    res.setHeader('Allow', allow);
    next(new OntomeshError('METHOD_NOT_ALLOWED', `${req.path} takes ${allow} requests, not ${req.method}`, { term: req.method }));
  };
}
