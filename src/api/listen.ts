/**
 * Binding the service's address with failures a person can act on: a port in use, an address that is
 * not this machine's, a host that does not resolve become one-line BAD_REQUEST errors naming
 * host:port, instead of Node's raw `listen EADDRINUSE` / `getaddrinfo ENOTFOUND` errors. The serve
 * command's cluster primary probes the address the same way before it forks, so that a failure is
 * reported once rather than by every worker.
 */
import { once } from 'node:events';
import { createServer, isIP, type Server } from 'node:net';
import { OntomeshError } from '../errors/index.ts';

/**
 * Listens on `port` of `host` (every interface when absent) and resolves once listening.
 *
 * @throws OntomeshError BAD_REQUEST when the address cannot be bound (in use, not this machine's,
 *   not allowed, unresolvable host); other failures as they are.
 */
export async function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  if (host !== undefined && /^[\d.]+$/.test(host) && isIP(host) === 0) {
    throw new OntomeshError('BAD_REQUEST', `host "${host}" is not an IPv4 address`, { term: host });
  }
  const listening = once(server, 'listening');
  server.listen(port, host);
  try {
    await listening;
  } catch (error) {
    throw listenError(error, port, host);
  }
}

/** Checks that `port` of `host` can be listened on, by binding it and letting it go. */
export async function probeListen(port: number, host: string | undefined): Promise<void> {
  const probe = createServer();
  await listen(probe, port, host);
  await new Promise((resolve) => probe.close(resolve));
}

function listenError(error: unknown, port: number, host: string | undefined): unknown {
  const { code } = error as NodeJS.ErrnoException;
  const address = host === undefined ? `port ${port}` : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const fail = (message: string) => new OntomeshError('BAD_REQUEST', message, { term: host ?? String(port) }, {}, { cause: error });
  switch (code) {
    case 'EADDRINUSE':
      return fail(`cannot listen on ${address}: the address is already in use (another process listens there; choose another port)`);
    case 'EACCES':
      return fail(`cannot listen on ${address}: permission denied (ports below 1024 need privileges)`);
    case 'EADDRNOTAVAIL':
      return fail(`cannot listen on ${address}: "${host}" is not an address of this machine`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return fail(`cannot listen on ${address}: host "${host}" does not resolve (${code})`);
    default:
      return error;
  }
}
