/**
 * A slow client, for the drain tests: it posts a request and stops reading the response once its
 * headers arrive, so that the server still has the response in flight (queued behind a full socket)
 * until the test resumes reading. No timers: the response stays in flight exactly as long as the test
 * wants.
 */
import { request } from 'node:http';

/** A big, slow GraphQL answer over test/fixtures' schema.org (about 20 MB; depth 4, cost ~3,400). */
export const bigSchemaOrgQuery = JSON.stringify({
  query: '{ concept(iri: "https://schema.org/Thing") { subConcepts(transitive: true) { iri label definition superConcepts(transitive: true) { iri label definition subConcepts { iri label definition } } } } }',
});

export interface PausedResponse {
  status: number;
  /** Reads the rest of the body; `complete` is false when the server cut it. */
  resume(): Promise<{ complete: boolean; body: string }>;
}

/** POSTs `body` as JSON to `url` on a connection of its own, tagged with `id` (x-request-id). */
export function pausedRequest(url: string, id: string, body: string): Promise<PausedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-request-id': id } }, (res) => {
      resolve({
        status: res.statusCode!,
        resume: () => new Promise((done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => {}); // a cut body: 'close' reports it
          res.on('close', () => done({ complete: res.complete, body: Buffer.concat(chunks).toString('utf8') }));
        }),
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
