import { PassThrough, Readable, Writable } from 'node:stream';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import { exportMediaTypes, formatFromMediaType, parseFile, parseStream, serialize, type ExportFormat, type RdfFormat } from '../../src/rdf/index.ts';

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;
const fixtures = 'test/fixtures/shared';
const formats = Object.keys(exportMediaTypes) as ExportFormat[];
const readAs = (format: ExportFormat): RdfFormat => formatFromMediaType(exportMediaTypes[format])!;

async function* inBatches(quads: readonly Quad[], size = 500): AsyncGenerator<Quad[]> {
  for (let i = 0; i < quads.length; i += size) yield quads.slice(i, i + size);
}

async function write(quads: readonly Quad[], format: ExportFormat, prefixes?: Record<string, string>): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await serialize(inBatches(quads), format, output, { prefixes });
  return Buffer.concat(chunks).toString('utf8');
}

async function read(text: string, format: RdfFormat): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseStream(Readable.from([text]), { format, baseIRI: 'http://base.invalid/' }, { quads: (batch) => { quads.push(...batch); } });
  return quads;
}

async function load(path: string): Promise<{ quads: Quad[]; prefixes: Record<string, string> }> {
  const quads: Quad[] = [];
  const prefixes: Record<string, string> = {};
  await parseFile(`${fixtures}/${path}`, {}, { quads: (batch) => { quads.push(...batch); }, prefix: (p, iri) => { prefixes[p] = iri; } });
  return { quads, prefixes };
}

describe('round trip parse -> serialize -> parse is isomorphic on real ontologies', () => {
  const ontologies = [
    'protege-owl/pizza-owlcs/pizza.owl',
    'w3c-vocabularies/prov-o/prov-o.ttl',
    'w3c-vocabularies/dcat/dcat3.ttl',
    'dpv/dpv/dpv-owl.ttl',
    'iof-ontology/cache/QUDT/skos.rdf',
    'schemaorg/schemaorg-current-https.ttl',
  ];
  it.each(ontologies)('%s', async (path) => {
    const { quads, prefixes } = await load(path);
    expect(quads.length).toBeGreaterThan(200);
    for (const format of formats) {
      const back = await read(await write(quads, format, prefixes), readAs(format));
      expect({ format, isomorphic: isomorphic(quads, back) }).toEqual({ format, isomorphic: true });
    }
  });
});

describe('hard cases in every syntax', () => {
  const ex = (name: string) => namedNode(`http://ex.org/${name}`);
  const tricky: Quad[] = [
    quad(ex('s'), ex('p'), literal('line\none\r\ntwo\t"quoted" <tag> & \\ ]]> 𝄞 é')),
    quad(ex('s'), ex('p'), literal('')),
    quad(ex('s'), ex('p'), literal('  ')),
    quad(ex('s'), ex('p'), literal('chat', 'fr-CA')),
    quad(ex('s'), ex('p'), literal('042', namedNode('http://www.w3.org/2001/XMLSchema#integer'))),
    quad(ex('s'), ex('p'), literal('<b>x</b>', namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral'))),
    quad(ex('s'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), ex('C')),
    quad(ex('s'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), ex('D')),
    quad(ex('s'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), literal('not a class')),
    quad(ex('s'), namedNode('http://other.org/ns/prop-1.x'), blankNode('weird label/with:chars')),
    quad(blankNode('weird label/with:chars'), ex('p'), blankNode('0starts-with-digit')),
    quad(blankNode('0starts-with-digit'), ex('p'), namedNode('urn:isbn:0451450523')),
    quad(namedNode("http://ex.org/a?b=c&d='e'#f"), ex('p'), ex('o')),
  ];

  it.each(formats)('%s', async (format) => {
    const text = await write(tricky, format, { ex: 'http://ex.org/', urn: 'http://wrong.org/' });
    const back = await read(text, readAs(format));
    expect(isomorphic(tricky, back)).toBe(true);
  });

  it('keeps distinct blank nodes distinct after relabelling', async () => {
    const quads: Quad[] = [quad(blankNode('a.b'), ex('p'), blankNode('a_b')), quad(blankNode('a_b'), ex('p'), blankNode('_a.b'))];
    for (const format of formats) expect(isomorphic(quads, await read(await write(quads, format), readAs(format)))).toBe(true);
  });
});

describe('named graphs', () => {
  const g = namedNode('http://ex.org/g');
  const quads: Quad[] = [
    quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/p'), literal('in g'), g),
    quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/p'), literal('default'), defaultGraph()),
    quad(namedNode('http://ex.org/b'), namedNode('http://ex.org/p'), literal('in blank graph'), blankNode('g2')),
  ];
  it.each(['nq', 'trig', 'jsonld'] as const)('%s keeps them', async (format) => {
    expect(isomorphic(quads, await read(await write(quads, format), readAs(format)))).toBe(true);
  });
  it.each(['ttl', 'nt', 'rdfxml'] as const)('%s writes their quads as triples', async (format) => {
    const back = await read(await write(quads, format), readAs(format));
    expect(back).toHaveLength(3);
    expect(back.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
  });
});

describe('Turtle output', () => {
  it('declares the prefixes, abbreviates with them and skips unsafe ones', async () => {
    const text = await write([quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/p'), namedNode('urn:x:y'))], 'ttl',
      { ex: 'http://ex.org/', urn: 'http://wrong.org/', 'bad name': 'http://bad.org/' });
    expect(text).toContain('@prefix ex: <http://ex.org/>.');
    expect(text).toContain('ex:a ex:p <urn:x:y>.');
    expect(text).not.toContain('wrong.org');
    expect(text).not.toContain('bad.org');
  });
});

describe('RDF/XML output', () => {
  it('uses the first rdf:type as element name and declares unknown namespaces where used', async () => {
    const text = await write([
      quad(namedNode('http://ex.org/a'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), namedNode('http://www.w3.org/2002/07/owl#Class')),
      quad(namedNode('http://ex.org/a'), namedNode('http://other.org/p'), literal('x')),
    ], 'rdfxml', { owl: 'http://www.w3.org/2002/07/owl#' });
    expect(text).toContain('<owl:Class rdf:about="http://ex.org/a">');
    expect(text).toContain('<ns1:p xmlns:ns1="http://other.org/">x</ns1:p>');
  });

  it('refuses what RDF/XML cannot express, with UNSUPPORTED_FORMAT naming the term', async () => {
    const noName = [quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/123'), literal('x'))];
    const control = [quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/p'), literal('bell \u0007'))];
    const reserved = [quad(namedNode('http://ex.org/a'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#li'), literal('x'))];
    for (const [quads, term] of [[noName, '<http://ex.org/123>'], [control, '"bell \\u0007"'], [reserved, '<http://www.w3.org/1999/02/22-rdf-syntax-ns#li>']] as const) {
      const error = await write(quads, 'rdfxml').then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(OntomeshError);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT', location: { term }, message: expect.stringContaining(term) });
    }
  });

  it('writes RDF 1.2 triple terms and base directions as RDF 1.2 XML Syntax, with its own its: prefix', async () => {
    const inner = quad(blankNode('x'), namedNode('http://ex.org/p'), literal('שלום', { language: 'he', direction: 'rtl' } as never));
    const quads = [
      quad(blankNode('r'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies'), quad(namedNode('http://ex.org/s'), namedNode('http://ex.org/q'), inner) as never),
      inner,
    ];
    const text = await write(quads, 'rdfxml', { its: 'http://ex.org/' });
    expect(text).toContain('rdf:parseType="Triple"');
    expect(text).toContain('its:dir="rtl"');
    expect(text).not.toContain('xmlns:its="http://ex.org/"');
    expect(isomorphic(await read(text, 'rdfxml'), quads)).toBe(true);
  });
});

describe('streaming', () => {
  it('waits for a slow output (back-pressure) and does not end it', async () => {
    const { quads } = await load('schemaorg/schemaorg-current-https.ttl');
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) { bytes += chunk.length; setImmediate(done); },
    });
    for (const format of formats) await serialize(inBatches(quads, 2000), format, slow);
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(slow.writableEnded).toBe(false);
  });
});
