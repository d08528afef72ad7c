/**
 * A local stand-in for Application Insights' ingestion endpoint (Breeze): an HTTPS server (the
 * exporter upgrades an http:// IngestionEndpoint to https://) that takes what the Azure Monitor
 * exporter POSTs to /v2.1/track or /v2/track, gzip-decoded, as the envelopes it holds (a JSON array,
 * or one envelope per line), and answers as Breeze does: 200 with itemsReceived / itemsAccepted.
 * Its certificate is self-signed for 127.0.0.1 (made with openssl); a client trusts it through
 * NODE_EXTRA_CA_CERTS=caFile. Loopback only; close() stops it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tempDir } from '../../load/helpers.ts';

/** An Application Insights envelope, as the exporter sends it. */
export interface Envelope {
  name: string;
  iKey: string;
  time: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: Record<string, any> & { properties?: Record<string, string> } };
}

export interface IngestionStandIn {
  /** A connection string whose IngestionEndpoint is this server. */
  connectionString: string;
  instrumentationKey: string;
  /** The certificate's file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Every envelope received, in order. */
  envelopes: Envelope[];
  /** The paths POSTed to. */
  paths: string[];
  close(): Promise<void>;
}

export async function startIngestionStandIn(): Promise<IngestionStandIn> {
  const { dir, remove } = await tempDir();
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'pipe' });
  const pem = readFileSync(cert, 'utf8');

  const envelopes: Envelope[] = [];
  const paths: string[] = [];
  const server = createServer({ key: readFileSync(key), cert: pem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
      if (req.method !== 'POST' || (path !== '/v2.1/track' && path !== '/v2/track')) {
        res.writeHead(404).end();
        return;
      }
      paths.push(path);
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8').trim();
      const received = (text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter(Boolean).map((line) => JSON.parse(line))) as Envelope[];
      envelopes.push(...received);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: received.length, itemsAccepted: received.length, appId: null, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const instrumentationKey = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
  return {
    connectionString: `InstrumentationKey=${instrumentationKey};IngestionEndpoint=https://127.0.0.1:${port}/`,
    instrumentationKey,
    caFile: cert,
    envelopes,
    paths,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await remove();
    },
  };
}
