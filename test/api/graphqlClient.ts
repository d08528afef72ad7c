/** Serving a store over real sockets for the GraphQL tests, and posting queries to it. */
import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';

export interface GraphqlResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> }[];
}

export interface GraphqlServer {
  running: RunningServer;
  /** The server's JSON log lines. */
  logs: Record<string, unknown>[];
  /**
   * Posts a query twice and returns the second answer, after checking that both agree: the server runs a
   * document on graphql-js the first time and compiled from the second on (src/api/graphql/compiledExecution.ts).
   */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse>;
  close(): Promise<void>;
}

/** Starts a server over `store` on a free port. */
export async function serveGraphql(store: GraphStore): Promise<GraphqlServer> {
  const stream = new PassThrough();
  const logs: Record<string, unknown>[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const running = await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1' });
  return {
    running,
    logs,
    async query(query, variables) {
      const post = async () => {
        const response = await fetch(`${running.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphqlResponse;
      };
      const interpreted = await post();
      const compiled = await post();
      expect(compiled).toEqual(interpreted);
      return compiled;
    },
    close: () => running.close(),
  };
}
