import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import { bundledJsonLdContexts, parseFile, parseStream, registerJsonLdContext, registerParser, type ParseOptions, type QuadSink } from '../../src/rdf/index.ts';
import { owlFunctionalParser } from '../../src/rdf/parsers/owlFunctionalParser.ts';
import { inChunks } from './inChunks.ts';

const fixtures = 'test/fixtures/shared';

/** A sink that keeps everything it is given. */
function collect(): QuadSink & { all: Quad[]; batches: number; prefixes: Map<string, string> } {
  const sink = {
    all: [] as Quad[], batches: 0, prefixes: new Map<string, string>(),
    quads(batch: Quad[]) { sink.batches++; sink.all.push(...batch); },
    prefix(prefix: string, iri: string) { sink.prefixes.set(prefix, iri); },
  };
  return sink;
}

async function failure(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

/** Yields `text` as UTF-8 bytes in chunks of `size` bytes (splitting multi-byte characters). */
const bytes = (text: string, size: number) => inChunks(Buffer.from(text, 'utf8'), size);

const parseText = (text: string, options: ParseOptions, sink: QuadSink = collect(), size = 5) => parseStream(bytes(text, size), options, sink);

describe('parseFile on real ontologies', () => {
  it.each([
    ['schemaorg/schemaorg-current-https.ttl', 'turtle', 17_949],
    ['obo-ro/ro.owl', 'rdfxml', 11_640],
    ['protege-owl/pizza-owlcs/pizza.owl', 'rdfxml', 4_179],
    ['dprod/ontology/dprod/dprod-ontology.ttl', 'turtle', 147],
    ['dprod/examples/data-rights/example.jsonld', 'jsonld', 1],
    ['rdf-tests/turtle/rdf11/IRI-resolution-01.nt', 'ntriples', 41],
  ])('%s: %s, %i quads', async (path, format, quads) => {
    const sink = collect();
    const result = await parseFile(`${fixtures}/${path}`, {}, sink);
    expect(result).toMatchObject({ format, quads });
    expect(sink.all).toHaveLength(quads);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('delivers large files in batches and reports prefixes', async () => {
    const sink = collect();
    await parseFile(`${fixtures}/schemaorg/schemaorg-current-https.ttl`, {}, sink);
    expect(sink.batches).toBeGreaterThan(2);
    expect(sink.prefixes.get('schema')).toBe('https://schema.org/');
  });

  it('reports the root namespaces of RDF/XML as prefixes', async () => {
    const sink = collect();
    await parseFile(`${fixtures}/protege-owl/pizza-owlcs/pizza.owl`, {}, sink);
    expect(sink.prefixes.get('owl')).toBe('http://www.w3.org/2002/07/owl#');
  });

  it('waits for the sink before reading on (back-pressure)', async () => {
    let pending = 0;
    let maxPending = 0;
    const sink: QuadSink = {
      async quads() {
        maxPending = Math.max(maxPending, ++pending);
        await new Promise((done) => setTimeout(done, 2));
        pending--;
      },
    };
    for (const path of ['schemaorg/schemaorg-current-https.ttl', 'obo-ro/ro.owl']) {
      const result = await parseFile(`${fixtures}/${path}`, {}, sink);
      expect(result.quads).toBeGreaterThan(10_000);
    }
    expect(maxPending).toBe(1);
  });
});

describe('syntax errors in real files', () => {
  it('Turtle: dcat3-external.ttl misses a dot before line 24', async () => {
    const error = await failure(parseFile(`${fixtures}/w3c-vocabularies/dcat/dcat3-external.ttl`, {}, collect()));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ file: `${fixtures}/w3c-vocabularies/dcat/dcat3-external.ttl`, line: 24, column: 1, term: 'dcterms:Location' });
    expect(error.message).toBe('Expected declaration to end with a dot');
  });

  it('RDF/XML: Ambiguous.owl is not well-formed XML', async () => {
    const error = await failure(parseFile(`${fixtures}/protege-owl/protege-test-ontologies/update/Ambiguous.owl`, {}, collect()));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ line: 15, column: 51 });
    expect(error.format()).toMatch(/Ambiguous\.owl:15:51: RDF_SYNTAX /);
  });

  it('JSON-LD: dprod-example.json is invalid JSON at line 13, column 7 (as JSON.parse says)', async () => {
    const error = await failure(parseFile(`${fixtures}/dprod/examples/dprod-example.json`, {}, collect()));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toMatchObject({ line: 13, column: 7 });
  });

  it('JSON-LD: a remote context fails offline, naming its URL', async () => {
    const error = await failure(parseFile(`${fixtures}/dprod/examples/data-quality/example.jsonld`, {}, collect()));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location.term).toBe('https://ekgf.github.io/dprod/dprod.jsonld');
    expect(error.message).toContain('https://ekgf.github.io/dprod/dprod.jsonld');
  });
});

describe('syntax errors in snippets', () => {
  it('Turtle: line, column and token of an undefined prefix', async () => {
    const error = await failure(parseText('@prefix ex: <http://ex.org/> .\nex:a ex:b\n  foo:c .\n', { format: 'turtle' }));
    expect(error.location).toMatchObject({ line: 3, column: 3, term: 'foo:c' });
  });
  it('Turtle: lexer errors carry the line and the unexpected text', async () => {
    const error = await failure(parseText('<http://a> <http://b> <http://c> .\n<http://a> <http://b> "open .\n', { format: 'turtle' }));
    expect(error.location.line).toBe(2);
  });
  it('N-Triples: relative IRIs are rejected', async () => {
    const error = await failure(parseText('<a> <http://b> <http://c> .\n', { format: 'ntriples' }));
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location.line).toBe(1);
  });
  it('RDF/XML: a truncated document is an error at its end', async () => {
    const text = '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="http://a"/>\n';
    const error = await failure(parseText(text, { format: 'rdfxml' }));
    expect(error.message).toContain('unclosed tag: rdf:RDF');
    expect(error.location.line).toBe(4);
  });
  it('RDF/XML: the library\'s own errors keep their position', async () => {
    const text = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n  <rdf:Description rdf:about="http://a" rdf:nodeID="b"/>\n</rdf:RDF>';
    const error = await failure(parseText(text, { format: 'rdfxml' }));
    expect(error.location.line).toBe(2);
    expect(error.message).toMatch(/^Only one of rdf:about, rdf:nodeID and rdf:ID/);
  });
  it('JSON-LD: a truncated document is an error at its end', async () => {
    const error = await failure(parseText('{"@id": "http://a",\n "http://b": [1, 2', { format: 'jsonld' }));
    expect(error.message).toBe('Unexpected end of JSON input');
    expect(error.location).toMatchObject({ line: 2, column: 19 });
  });
  it('JSON-LD: a bad character is located across chunks', async () => {
    const error = await failure(parseText('{"@id": "http://a",\n "http://b": tru }', { format: 'jsonld' }, collect(), 3));
    expect(error.location).toMatchObject({ line: 2, column: 17 });
  });
  it('fails once: the sink sees no quads after the error and nothing rejects twice', async () => {
    const sink = collect();
    const error = await failure(parseText('<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n<http://d> <http://e> <http://f> .\n', { format: 'turtle' }, sink));
    expect(error.location.line).toBe(2);
    expect(sink.all.map((q) => q.subject.value)).not.toContain('http://d');
  });
  it('passes errors of the sink through unchanged', async () => {
    const boom = new Error('store is down');
    const sink: QuadSink = { quads() { throw boom; } };
    await expect(parseFile(`${fixtures}/obo-ro/ro.owl`, {}, sink)).rejects.toBe(boom);
    await expect(parseFile(`${fixtures}/schemaorg/schemaorg-current-https.ttl`, {}, sink)).rejects.toBe(boom);
  });
});

describe('parseStream', () => {
  const turtle = '@prefix ex: <http://ex.org/> .\nex:café ex:name "Crème brûlée"@fr ; ex:see <other> .\n';

  it('decodes UTF-8 split across chunks and counts bytes', async () => {
    const sink = collect();
    const result = await parseText(turtle, { mediaType: 'text/turtle', baseIRI: 'http://base.org/dir/' }, sink, 1);
    expect(result).toEqual({ format: 'turtle', quads: 2, bytes: Buffer.byteLength(turtle) });
    expect(sink.all[0]!.subject.value).toBe('http://ex.org/café');
    expect(sink.all[0]!.object.value).toBe('Crème brûlée');
    expect(sink.all[1]!.object.value).toBe('http://base.org/dir/other');
  });

  it('sniffs the format when nothing declares it', async () => {
    await expect(parseText(turtle, {})).resolves.toMatchObject({ format: 'turtle', quads: 2 });
    await expect(parseText('<http://a> <http://b> <http://c> <http://g> .\n', {})).resolves.toMatchObject({ format: 'nquads', quads: 1 });
    await expect(parseText('{"@id": "http://a", "http://b": "c"}', {})).resolves.toMatchObject({ format: 'jsonld', quads: 1 });
  });

  it('resolves relative IRIs against the file URL by default', async () => {
    const sink = collect();
    await parseStream(bytes(turtle, 64), { file: 'onto/x.ttl' }, sink);
    expect(sink.all[1]!.object.value).toBe(new URL('other', pathToFileURL(resolve('onto/x.ttl'))).href);
  });

  it('reads named graphs from TriG', async () => {
    const sink = collect();
    await parseText('@prefix ex: <http://ex.org/> .\nex:g { ex:a ex:b ex:c }\n', { format: 'trig' }, sink);
    expect(sink.all[0]!.graph.value).toBe('http://ex.org/g');
  });

  it('rejects an unknown syntax with UNSUPPORTED_FORMAT', async () => {
    expect((await failure(parseText('hello world', {}))).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('reads OWL/XML and OWL functional syntax, recognised by their first bytes', async () => {
    for (const [path, format] of [['update/pizza-xml.owl', 'owlxml'], ['pizza-functional.owl', 'ofn']] as const) {
      const sink = collect();
      const result = await parseFile(`${fixtures}/protege-owl/protege-test-ontologies/${path}`, {}, sink);
      expect(result.format).toBe(format);
      expect(sink.all.some((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && q.object.value === 'http://www.w3.org/2002/07/owl#Ontology')).toBe(true);
      expect(result.quads).toBe(sink.all.length);
    }
  });

  it('reports a missing file as FILE_NOT_FOUND', async () => {
    const error = await failure(parseFile(`${fixtures}/no-such-file.ttl`, {}, collect()));
    expect(error.code).toBe('FILE_NOT_FOUND');
  });
});

describe('registerParser', () => {
  // Replaces the functional-syntax parser for one test, then puts the real one back.
  afterAll(() => registerParser('ofn', owlFunctionalParser));

  it('lets a new syntax plug in, with the file\'s base IRI and name', async () => {
    let seen: { baseIRI: string; file?: string; chars: number } | undefined;
    registerParser('ofn', {
      async parse(input, options) {
        let chars = 0;
        for await (const chunk of input) chars += chunk.length;
        seen = { baseIRI: options.baseIRI, file: options.file, chars };
      },
    });
    const path = `${fixtures}/protege-owl/protege-test-ontologies/pizza-functional.owl`;
    const result = await parseFile(path, {}, collect());
    expect(result.format).toBe('ofn');
    expect(seen).toMatchObject({ baseIRI: pathToFileURL(resolve(path)).href, file: path });
    expect(seen!.chars).toBeGreaterThan(1000);
  });
});

describe('bundled JSON-LD contexts', () => {
  it('serve a registered remote context offline, under http and https', async () => {
    registerJsonLdContext('https://contexts.example.org/test.jsonld', { '@context': { ex: 'http://ex.org/', name: 'ex:name', knows: { '@id': 'ex:knows', '@type': '@id' } } });
    expect(bundledJsonLdContexts()).toContain('http://contexts.example.org/test.jsonld');
    const sink = collect();
    await parseText('{"@context": "http://contexts.example.org/test.jsonld", "@id": "ex:a", "name": "A", "knows": "ex:b"}', { format: 'jsonld' }, sink);
    expect(sink.all.map((q) => [q.predicate.value, q.object.value]).sort()).toEqual([['http://ex.org/knows', 'http://ex.org/b'], ['http://ex.org/name', 'A']]);
  });
});

describe('blank nodes', () => {
  it('are scoped to their document, and every parser gives N3.js terms', async () => {
    const xml = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
      + '<rdf:Description rdf:nodeID="x"><ex:p><rdf:Description/></ex:p></rdf:Description></rdf:RDF>';
    const json = '{"@id": "_:x", "http://ex.org/p": {"http://ex.org/q": "v"}}';
    const N3Quad = DataFactory.quad(DataFactory.namedNode('http://a'), DataFactory.namedNode('http://b'), DataFactory.namedNode('http://c')).constructor as new () => unknown;
    const labels: string[] = [];
    for (const [text, format] of [[xml, 'rdfxml'], [xml, 'rdfxml'], [json, 'jsonld'], [json, 'jsonld']] as const) {
      const sink = collect();
      await parseText(text, { format }, sink);
      expect(sink.all[0]).toBeInstanceOf(N3Quad);
      labels.push(...sink.all.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'BlankNode').map((t) => t.value));
    }
    expect(new Set(labels).size).toBe(8);
  });
});

describe('byte order marks', () => {
  it('are dropped from bytes and from text, whatever the syntax', async () => {
    for (const [text, format] of [['@prefix ex: <http://ex.org/> .\nex:a ex:b "c" .', 'turtle'], ['{"@id": "http://a", "http://b": "c"}', 'jsonld'],
      ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://a"><rdf:value>c</rdf:value></rdf:Description></rdf:RDF>', 'rdfxml']] as const) {
      await expect(parseText(`\uFEFF${text}`, { format })).resolves.toMatchObject({ quads: 1 });
      await expect(parseStream(Readable.from([`\uFEFF${text}`]), { format }, collect())).resolves.toMatchObject({ quads: 1 });
      await expect(parseStream(Readable.from([`\uFEFF${text}`]), {}, collect())).resolves.toMatchObject({ format, quads: 1 });
    }
  });
});
