/**
 * PUT and GET /ontologies/{id} over real sockets on a real SQLite store: uploads in each syntax chosen
 * by Content-Type, a multipart upload of an ontology with its imports, content negotiation and
 * validators on the way back, and every bad upload answered with its code (and the parser's line and
 * column) while the served version stays as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { registerProducts } from '../../src/load/index.ts';
import type { ExportFormat } from '../../src/rdf/index.ts';
import { compareGraphs, fixture, parseText, readQuads, repoRoot, tempStore } from '../load/helpers.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');
const demo = join(repoRoot, 'ontology');
const isomorphic = { missing: [], extra: [], blankIsomorphic: true };

/** A response's JSON body. */
async function json(response: Response): Promise<any> {
  return response.json();
}

let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  running = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1', rest: { maxUploadBytes: 4 << 20, maxUploadDocuments: 10 } });
});
afterAll(async () => {
  await running.close();
  await dispose();
});

function put(id: string, body: string | Buffer | FormData, contentType?: string, query = ''): Promise<Response> {
  return fetch(`${running.url}/ontologies/${id}${query}`, { method: 'PUT', body, headers: contentType === undefined ? {} : { 'content-type': contentType } });
}

async function served(id: string): Promise<{ version: number; etag: string | null; body: string }> {
  const response = await fetch(`${running.url}/ontologies/${id}`, { headers: { accept: 'application/n-triples' } });
  return { version: Number(response.headers.get('ontomesh-version')), etag: response.headers.get('etag'), body: await response.text() };
}

describe('PUT /ontologies/{id}', () => {
  it('loads an RDF/XML body as a new graph (201), then a new version of it (200)', async () => {
    const first = await put('pizza', readFileSync(pizza), 'application/rdf+xml');
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/ontologies/pizza');
    const summary = await json(first);
    expect(summary).toMatchObject({ graphId: 'pizza', version: 1, classes: 99, documents: [{ location: 'pizza.rdf', format: 'rdfxml' }] });
    const second = await put('pizza', readFileSync(pizza), 'application/rdf+xml; charset=utf-8');
    expect([second.status, (await json(second)).version]).toEqual([200, 2]);
    expect(compareGraphs(await parseText((await served('pizza')).body, 'nt'), await readQuads([pizza]))).toEqual(isomorphic);
  });

  it('takes each syntax by its Content-Type, and recognises it without one', async () => {
    const source = await readQuads([pizza]);
    const bodies: [ExportFormat, string][] = [['ttl', 'text/turtle'], ['jsonld', 'application/ld+json'], ['nt', 'application/n-triples']];
    for (const [format, type] of bodies) {
      const text = await (await fetch(`${running.url}/ontologies/pizza`, { headers: { accept: type } })).text();
      const response = await put(`pizza-${format}`, text, type);
      expect(response.status, type).toBe(201);
      expect(compareGraphs(await parseText((await served(`pizza-${format}`)).body, 'nt'), source), type).toEqual(isomorphic);
    }
    const turtle = await (await fetch(`${running.url}/ontologies/pizza`, { headers: { accept: 'text/turtle' } })).text();
    for (const [body, format] of [[readFileSync(pizza), 'rdfxml'], [turtle, 'turtle']] as const) {
      const sniffed = await put(`pizza-sniffed-${format}`, body, 'application/octet-stream');
      expect([sniffed.status, (await json(sniffed)).documents[0]], format).toEqual([201, expect.objectContaining({ location: `pizza-sniffed-${format}`, format })]);
    }
  });

  it('loads Protégé\'s OWL functional syntax and OWL/XML by their media types and sniffed, as the graph they parse to', async () => {
    const protege = fixture('protege-owl/protege-test-ontologies');
    const documents: [string, string, string][] = [
      ['pizza-ofn', join(protege, 'pizza-functional.owl'), 'text/owl-functional'],
      ['pizza-owx', join(protege, 'update/pizza-xml.owl'), 'application/owl+xml'],
    ];
    for (const [id, path, type] of documents) {
      for (const [suffix, contentType] of [['', type], ['-sniffed', 'application/octet-stream']]) {
        const response = await put(`${id}${suffix}`, readFileSync(path), contentType, '?missingImports=warn');
        expect(response.status, `${id} ${contentType}`).toBe(201);
        expect((await json(response)).documents[0].format).toBe(id.endsWith('ofn') ? 'ofn' : 'owlxml');
        expect(compareGraphs(await parseText((await served(`${id}${suffix}`)).body, 'nt'), await readQuads([path])), `${id} ${contentType}`).toEqual(isomorphic);
      }
    }
    const broken = await put('pizza-ofn', 'Prefix(:=<http://example.org/#>)\nOntology(<http://example.org/o>\nSubClassOf(:A\n', 'text/owl-functional');
    expect([broken.status, (await json(broken)).error]).toMatchObject([400, { code: 'RDF_SYNTAX', line: 3, column: 1 }]);
    expect((await served('pizza-ofn')).version).toBe(1);
  });

  it('loads an ontology with its imports sent as multipart/form-data, named as sent', async () => {
    const form = new FormData();
    for (const file of ['logistics.owl', 'core.owl', 'customer.owl', 'sales.owl']) {
      form.append('document', new Blob([readFileSync(join(demo, file))], { type: 'application/rdf+xml' }), file);
    }
    const response = await put('logistics', form);
    expect(response.status).toBe(201);
    const summary = await json(response);
    expect(summary.documents.map((d: { location: string }) => d.location)).toEqual(['logistics.owl', 'core.owl', 'customer.owl', 'sales.owl']);
    expect(summary.missingImports).toEqual([]);
    const [version] = await store.versions('logistics');
    expect(version!.meta.documents.map((d) => d.location)).toEqual(['logistics.owl', 'core.owl', 'customer.owl', 'sales.owl']);
    expect(version!.meta.origin).toBe('PUT /ontologies/logistics');
  });
});

describe('a bad upload changes nothing', () => {
  it('RDF_SYNTAX with the parser\'s line and column (400); the served version and its ETag stay', async () => {
    await put('broken', '@prefix ex: <http://example.com/> .\nex:a ex:b ex:c .\n', 'text/turtle');
    const before = await served('broken');
    const response = await put('broken', '@prefix ex: <http://example.com/> .\nex:a ex:b ex:c .\nex:d ex:e "unterminated .\n', 'text/turtle');
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code: 'RDF_SYNTAX', file: 'broken.ttl', line: 3 });
    expect(await served('broken')).toEqual(before);
    expect((await store.versions('broken')).map((v) => v.version)).toEqual([1]);
  });

  it('names the file of a multipart upload the error is in, as the client named it', async () => {
    const form = new FormData();
    form.append('document', new Blob(['<http://example.com/o> a <http://www.w3.org/2002/07/owl#Ontology> .\n'], { type: 'text/turtle' }), 'root.ttl');
    form.append('document', new Blob(['<http://example.com/x> <http://example.com/y> .\n'], { type: 'application/n-triples' }), 'part.nt');
    const response = await put('parts', form);
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code: 'RDF_SYNTAX', file: 'part.nt', line: 1 });
    expect(await store.versions('parts')).toEqual([]);
  });

  it('an import the upload does not contain: IMPORT_UNRESOLVED (422), or listed with missingImports=warn', async () => {
    const sales = readFileSync(join(demo, 'sales.owl'));
    const refused = await put('sales', sales, 'application/rdf+xml');
    expect(refused.status).toBe(422);
    expect((await json(refused)).error).toMatchObject({ code: 'IMPORT_UNRESOLVED', file: 'sales.rdf', term: 'https://w3id.org/ontomesh/demo/core' });
    const accepted = await put('sales', sales, 'application/rdf+xml', '?missingImports=warn');
    expect(accepted.status).toBe(201);
    expect((await json(accepted)).missingImports).toEqual([
      { iri: 'https://w3id.org/ontomesh/demo/core', importedBy: 'sales.rdf' },
      { iri: 'https://w3id.org/ontomesh/demo/customer', importedBy: 'sales.rdf' },
    ]);
  });

  it('refuses a Content-Type that is no RDF syntax (415), an oversized body or multipart upload (413), an empty one, a bad id (400)', async () => {
    const html = await put('pizza', '<html></html>', 'text/html');
    expect([html.status, (await json(html)).error.code]).toEqual([415, 'UNSUPPORTED_FORMAT']);
    const tooLarge = { error: { code: 'PAYLOAD_TOO_LARGE', message: `the upload is larger than the limit of ${4 << 20} bytes` } };
    const large = await put('large', Buffer.alloc((4 << 20) + 1, 0x20), 'text/turtle');
    expect([large.status, await json(large)]).toEqual([413, tooLarge]);
    const parts = new FormData();
    parts.append('root', new Blob([Buffer.alloc(3 << 20, 0x20)], { type: 'text/turtle' }), 'root.ttl');
    parts.append('import', new Blob([Buffer.alloc(2 << 20, 0x20)], { type: 'text/turtle' }), 'import.ttl');
    const largeParts = await put('large', parts);
    expect([largeParts.status, await json(largeParts)]).toEqual([413, tooLarge]);
    const empty = await put('empty', '', 'text/turtle');
    expect(empty.status).toBe(400);
    const badId = await put('no%20spaces', '<a:b> <a:c> <a:d> .', 'application/n-triples');
    expect([badId.status, (await json(badId)).error.code]).toEqual([400, 'BAD_REQUEST']);
    expect(await store.versions('large')).toEqual([]);
    expect((await store.versions('pizza')).length).toBe(2);
  });

  it('refuses to overwrite a graph of registered data products', async () => {
    await registerProducts(store, [{ file: 'orders.odps.yaml', content: readFileSync(join(repoRoot, 'mesh/sales/orders.odps.yaml'), 'utf8') }]);
    const response = await put('mesh.sales', readFileSync(pizza), 'application/rdf+xml');
    expect([response.status, (await json(response)).error]).toEqual([400, expect.objectContaining({
      code: 'BAD_REQUEST', message: expect.stringMatching(/^graph "mesh\.sales" holds registered data products; publish ontologies under another id/),
    })]);
    expect((await store.versions('mesh.sales')).length).toBe(1);
  });

  it('refuses a body without a triple (400), named as sent, in one document or several', async () => {
    await put('sparse', '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n', 'application/n-triples');
    const before = await served('sparse');
    const prefixes = await put('sparse', '# nothing yet\n@prefix ex: <http://example.com/> .\n', 'text/turtle');
    expect([prefixes.status, (await json(prefixes)).error]).toEqual([400, expect.objectContaining({ code: 'BAD_REQUEST', message: 'nothing to load: sparse.ttl holds no triples' })]);
    const form = new FormData();
    form.append('document', new Blob(['@prefix ex: <http://example.com/> .\n'], { type: 'text/turtle' }), 'root.ttl');
    form.append('document', new Blob(['# empty\n'], { type: 'application/n-triples' }), 'part.nt');
    const parts = await put('sparse', form);
    expect([parts.status, (await json(parts)).error]).toEqual([400, expect.objectContaining({ code: 'BAD_REQUEST', message: 'nothing to load: root.ttl, part.nt hold no triples' })]);
    // A blank part whose syntax is left to be recognised holds no triples too (it was 415: nothing to recognise).
    const blank = new FormData();
    blank.append('document', new Blob([' \n'], { type: 'application/octet-stream' }), 'draft.owl');
    const blankPart = await put('sparse', blank);
    expect([blankPart.status, (await json(blankPart)).error]).toEqual([400, expect.objectContaining({ code: 'BAD_REQUEST', message: 'nothing to load: draft.owl holds no triples' })]);
    expect(await served('sparse')).toEqual(before);
    expect((await store.versions('sparse')).map((v) => v.version)).toEqual([1]);
  });

  it('refuses a base that is no absolute IRI (400)', async () => {
    const response = await put('based', '<#a> <#b> <#c> .\n', 'text/turtle', '?base=has%20space');
    expect([response.status, (await json(response)).error]).toEqual([400, expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/^the base IRI must be an absolute IRI .*\(got "has space"\)$/) })]);
    expect(await store.versions('based')).toEqual([]);
    const accepted = await put('based', '<#a> <#b> <#c> .\n', 'text/turtle', '?base=https%3A%2F%2Fexample.com%2Fo');
    expect(accepted.status).toBe(201);
    expect((await served('based')).body).toContain('<https://example.com/o#a>');
  });
});

describe('compressed uploads', () => {
  /** A PUT of `body` as compressed by `encoding`, declaring its syntax (or a multipart boundary) by `contentType`. */
  const putEncoded = (id: string, body: Uint8Array, encoding: string, contentType: string) =>
    fetch(`${running.url}/ontologies/${id}`, { method: 'PUT', body, headers: { 'content-type': contentType, 'content-encoding': encoding } });
  /** A multipart upload as the bytes and Content-Type fetch would send. */
  const multipart = async (form: FormData) => {
    const encoded = new Response(form);
    return { type: encoded.headers.get('content-type')!, bytes: new Uint8Array(await encoded.arrayBuffer()) };
  };
  const compressions: [string, (bytes: Uint8Array) => Uint8Array][] = [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]];

  it('decompresses a gzip, deflate or br body and loads the graph it holds', async () => {
    const source = await readQuads([pizza]);
    for (const [encoding, compress] of compressions) {
      const response = await putEncoded(`pizza-${encoding}`, compress(readFileSync(pizza)), encoding, 'application/rdf+xml');
      expect([encoding, response.status]).toEqual([encoding, 201]);
      expect((await json(response)).documents).toEqual([expect.objectContaining({ location: `pizza-${encoding}.rdf`, format: 'rdfxml' })]);
      expect(compareGraphs(await parseText((await served(`pizza-${encoding}`)).body, 'nt'), source), encoding).toEqual(isomorphic);
    }
  });

  it('decompresses a gzip multipart upload, its documents named as sent', async () => {
    const form = new FormData();
    for (const file of ['logistics.owl', 'core.owl', 'customer.owl', 'sales.owl']) {
      form.append('document', new Blob([readFileSync(join(demo, file))], { type: 'application/rdf+xml' }), file);
    }
    const { type, bytes } = await multipart(form);
    const response = await putEncoded('logistics-gzip', gzipSync(bytes), 'gzip', type);
    expect(response.status).toBe(201);
    expect((await json(response)).documents.map((d: { location: string }) => d.location)).toEqual(['logistics.owl', 'core.owl', 'customer.owl', 'sales.owl']);
    expect((await served('logistics-gzip')).body).toBe((await served('logistics')).body);
  });

  it('counts the limit on the decompressed bytes: a zip bomb is PAYLOAD_TOO_LARGE (413), in one body or multipart', async () => {
    // 1 GiB of zeros as 1,024 gzip members of 1 MiB each (about 1 MiB on the wire, under the 4 MiB limit).
    const member = gzipSync(Buffer.alloc(1 << 20));
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    expect(bomb.length).toBeLessThan(4 << 20);
    const tooLarge = { error: { code: 'PAYLOAD_TOO_LARGE', message: `the upload is larger than the limit of ${4 << 20} bytes` } };
    const body = await putEncoded('bomb', bomb, 'gzip', 'application/n-triples');
    expect([body.status, await json(body)]).toEqual([413, tooLarge]);
    const form = new FormData();
    form.append('document', new Blob(['@@BOMB@@'], { type: 'application/n-triples' }), 'bomb.nt');
    const { type, bytes } = await multipart(form);
    const [before, after] = Buffer.from(bytes).toString('latin1').split('@@BOMB@@');
    const parts = await putEncoded('bomb', Buffer.concat([gzipSync(before!), bomb, gzipSync(after!)]), 'gzip', type);
    expect([parts.status, await json(parts)]).toEqual([413, tooLarge]);
    expect(await store.versions('bomb')).toEqual([]);
  });

  it('refuses another Content-Encoding (415) and a body that does not decompress (400), in one body or multipart; the served version stays', async () => {
    const before = await served('pizza-gzip');
    const form = new FormData();
    form.append('document', new Blob([readFileSync(pizza)], { type: 'application/rdf+xml' }), 'pizza.owl');
    const { type, bytes } = await multipart(form);
    for (const [contentType, document] of [['application/rdf+xml', readFileSync(pizza)], [type, bytes]] as const) {
      for (const encoding of ['lzw', 'gzip, br']) {
        const response = await putEncoded('pizza-gzip', document, encoding, contentType);
        expect([response.status, await json(response)]).toEqual([415, { error: {
          code: 'UNSUPPORTED_FORMAT', message: `the request body cannot be read: unsupported content encoding "${encoding}" (ontomesh reads gzip, deflate, br or none)`, term: encoding,
        } }]);
      }
      const gzipped = gzipSync(document);
      for (const corrupt of [gzipped.subarray(0, gzipped.length / 2), document]) {
        const response = await putEncoded('pizza-gzip', corrupt, 'gzip', contentType);
        expect([response.status, (await json(response)).error]).toEqual([400, { code: 'BAD_REQUEST', message: expect.stringMatching(/^the request body cannot be read: /) }]);
      }
    }
    expect(await served('pizza-gzip')).toEqual(before);
  });
});

describe('GET /ontologies/{id}', () => {
  it('negotiates Turtle, N-Triples, RDF/XML and JSON-LD, each the same graph', async () => {
    const source = await readQuads([pizza]);
    const cases: [string, ExportFormat, string][] = [
      ['text/turtle', 'ttl', 'text/turtle'],
      ['application/n-triples', 'nt', 'application/n-triples'],
      ['application/rdf+xml', 'rdfxml', 'application/rdf+xml'],
      ['application/ld+json', 'jsonld', 'application/ld+json'],
      ['text/html, application/rdf+xml;q=0.9, text/turtle;q=0.5', 'rdfxml', 'application/rdf+xml'],
      ['*/*', 'ttl', 'text/turtle'],
      ['image/png', 'ttl', 'text/turtle'],
    ];
    for (const [accept, format, type] of cases) {
      const response = await fetch(`${running.url}/ontologies/pizza`, { headers: { accept } });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type'), accept).toBe(`${type}; charset=utf-8`);
      expect(response.headers.get('vary')).toBe('Accept');
      expect(compareGraphs(await parseText(await response.text(), format), source), accept).toEqual(isomorphic);
    }
    const explicit = await fetch(`${running.url}/ontologies/pizza?format=nt`, { headers: { accept: 'text/turtle' } });
    expect(explicit.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
  });

  it('answers 304 to a current ETag, serves a kept version by number, and 404 for unknown graphs and versions', async () => {
    const current = await fetch(`${running.url}/ontologies/pizza`);
    const etag = current.headers.get('etag')!;
    expect([etag, current.headers.get('ontomesh-version')]).toEqual(['"2-ttl"', '2']);
    await current.text();
    const unchanged = await fetch(`${running.url}/ontologies/pizza`, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    const old = await fetch(`${running.url}/ontologies/pizza?version=1`);
    expect([old.status, old.headers.get('ontomesh-version')]).toEqual([200, '1']);
    await old.text();
    const missing = await fetch(`${running.url}/ontologies/nothing`);
    expect([missing.status, (await json(missing)).error.code]).toEqual([404, 'NOT_FOUND']);
    const pruned = await fetch(`${running.url}/ontologies/pizza?version=9`);
    expect(pruned.status).toBe(404);
    await pruned.text();
    for (const version of ['abc', '0', '1.5']) {
      const invalid = await fetch(`${running.url}/ontologies/pizza?version=${version}`);
      expect([invalid.status, (await json(invalid)).error.code]).toEqual([400, 'BAD_REQUEST']);
    }
    const badFormat = await fetch(`${running.url}/ontologies/pizza?format=owl`);
    expect(badFormat.status).toBe(400);
    await badFormat.text();
  });
});

describe('versions and rollback', () => {
  const activate = (id: string, body: string) => fetch(`${running.url}/ontologies/${id}/active`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
  const kept = async (id: string) => ((await json(await fetch(`${running.url}/ontologies/${id}/versions`))) as { version: number; active: boolean }[]).map((v) => [v.version, v.active]);

  it('lists the kept versions, makes a kept one active, and GET serves it', async () => {
    expect(await kept('pizza')).toEqual([[2, true], [1, false]]);
    const rolledBack = await activate('pizza', '{"version": 1}');
    expect(rolledBack.status).toBe(200);
    expect(((await json(rolledBack)) as { version: number; active: boolean }[]).map((v) => [v.version, v.active])).toEqual([[2, false], [1, true]]);
    expect((await served('pizza')).version).toBe(1);
    expect((await activate('pizza', '{"version": 2}')).status).toBe(200);
    expect((await served('pizza')).version).toBe(2);
  });

  it('answers 404 for a version not kept or an unknown graph, 400 for a body without a version, and changes nothing', async () => {
    const notKept = await activate('pizza', '{"version": 9}');
    expect([notKept.status, (await json(notKept)).error]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND', message: 'graph "pizza" keeps no version 9 (kept: 2, 1)' })]);
    const unknown = await activate('nothing', '{"version": 1}');
    expect(unknown.status).toBe(404);
    await unknown.text();
    for (const body of ['{}', '{"version": "1"}', '{"version": 0}', 'not json']) {
      const bad = await activate('pizza', body);
      expect([body, bad.status]).toEqual([body, 400]);
      await bad.text();
    }
    expect((await fetch(`${running.url}/ontologies/nothing/versions`)).status).toBe(404);
    expect(await kept('pizza')).toEqual([[2, true], [1, false]]);
  });
});
