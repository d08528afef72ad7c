import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import { decodeHead, detectEncoding, invalidUtf8At } from '../../src/rdf/documentEncoding.ts';
import { loadDocuments, parseStream } from '../../src/rdf/index.ts';
import { inChunks } from './inChunks.ts';

const pizzaPath = 'test/fixtures/shared/protege-owl/pizza-owlcs/pizza.owl';

/** An RDF/XML document with labels outside ASCII, declaring `encoding`. */
const labelled = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="http://example.org/latin#Cafe">
    <rdfs:label xml:lang="fr">Café crème à la française</rdfs:label>
    <rdfs:label xml:lang="de">Müßiggänger Größe</rdfs:label>
    <rdfs:label xml:lang="es">Niño año señal ¿qué?</rdfs:label>
  </rdf:Description>
</rdf:RDF>
`;
const labels = ['Café crème à la française', 'Müßiggänger Größe', 'Niño año señal ¿qué?'];

async function parse(bytes: Uint8Array, size: number, file?: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseStream(inChunks(bytes, size), file === undefined ? {} : { file }, { quads: (batch) => void quads.push(...batch) });
  return quads;
}

async function failure(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

/** The quads as sorted lines, blank nodes (labelled per document) as `_`. */
const canonical = (quads: Quad[]) => quads.map((q) => [q.subject, q.predicate, q.object].map((t) => (t.termType === 'BlankNode' ? '_' : t.value)).join(' ')).sort();

describe('documents in other encodings than UTF-8', () => {
  it.each(['le', 'be'] as const)('reads pizza.owl saved as UTF-16%s with a byte order mark, sniffed, as the UTF-8 file', async (order) => {
    const text = (await readFile(pizzaPath, 'utf8')).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>');
    const expected = canonical(await parse(Buffer.from(text, 'utf8'), 1 << 16));
    expect(expected).toHaveLength(4_179);
    expect(canonical(await parse(utf16(text, order), 7))).toEqual(expected);
  });

  it('reads RDF/XML declared and saved as ISO-8859-1, its labels exactly, in any chunking', async () => {
    const bytes = Buffer.from(labelled('ISO-8859-1'), 'latin1');
    for (const size of [1, 3, 1 << 16]) {
      const found = (await parse(bytes, size)).map((q) => q.object.value);
      expect(found).toEqual(labels);
    }
  });

  it('finds a UTF-16 .owl file in a folder and loads it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ontomesh-encoding-'));
    const text = (await readFile(pizzaPath, 'utf8')).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>');
    await writeFile(join(dir, 'pizza.owl'), utf16(text, 'le'));
    const { documents } = await loadDocuments([dir], { missingImports: 'warn', allowRemoteImports: [] }, { quads: () => undefined });
    expect(documents).toMatchObject([{ format: 'rdfxml', quads: 4_179, ontologyIri: 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl' }]);
  });

  it('refuses an encoding it cannot decode with UNSUPPORTED_FORMAT naming it', async () => {
    const error = await failure(parse(Buffer.from(labelled('X-EBCDIC-CUSTOM'), 'latin1'), 64, 'old.rdf'));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT', location: { file: 'old.rdf' } });
    expect(error.message).toContain('"x-ebcdic-custom"');
  });
});

describe('bytes that are not valid in the encoding', () => {
  it.each([1, 2, 1 << 16])('are an RDF_SYNTAX error at their line and column, not replacement characters (chunks of %i bytes)', async (size) => {
    // RDF/XML saved as ISO-8859-1 without saying so: é is the byte 0xE9.
    const bytes = Buffer.from(labelled('ISO-8859-1').replace(' encoding="ISO-8859-1"', ''), 'latin1');
    const error = await failure(parse(bytes, size, 'cafe.rdf'));
    expect(error).toMatchObject({ code: 'RDF_SYNTAX', location: { file: 'cafe.rdf', line: 4, column: 34 } });
    expect(error.message).toContain('Invalid UTF-8 (byte 0xE9)');
  });

  it('in Turtle with CRLF line ends, are located on their line', async () => {
    const bytes = Buffer.concat([Buffer.from('@prefix ex: <http://e.org/> .\r\n\r\nex:a ex:p "caf'), Buffer.from([0xe9]), Buffer.from('" .\r\n')]);
    expect(await failure(parse(bytes, 4, 'cafe.ttl'))).toMatchObject({ code: 'RDF_SYNTAX', location: { line: 3, column: 15 } });
  });

  it('include a character cut off at the end of the file', async () => {
    const bytes = Buffer.from('<http://e.org/a> <http://e.org/p> "é" .\n', 'utf8').subarray(0, 36);
    const error = await failure(parse(bytes, 5, 'cut.nt'));
    expect(error).toMatchObject({ code: 'RDF_SYNTAX', location: { line: 1, column: 36 } });
    expect(error.message).toContain('cut off at the end');
  });
});

describe('detectEncoding and invalidUtf8At', () => {
  it('take a byte order mark over the declaration, and read an 8-bit "UTF-16" declaration as UTF-8', () => {
    expect(detectEncoding(Buffer.from(`\uFEFF${labelled('ISO-8859-1')}`, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from(labelled('UTF-16'), 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from(labelled('UTF-16'), 'utf16le'))).toBe('utf-16le');
    expect(decodeHead(Buffer.from(labelled('ISO-8859-1'), 'latin1'))).toBe(labelled('ISO-8859-1'));
  });

  it('agree with the UTF-8 decoder on overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82]]) {
      const bytes = Uint8Array.from([0x61, ...bad, 0x62]);
      expect(invalidUtf8At(bytes)).toBe(1);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    }
    const good = Buffer.from('aé€😀b', 'utf8');
    expect(invalidUtf8At(good)).toBe(good.length);
  });
});
