import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseFile, parseStream, type ParseOptions } from '../../../src/rdf/index.ts';
import { inChunks } from '../inChunks.ts';

const dir = mkdtempSync(join(tmpdir(), 'ontomesh-n3-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const noQuads = { quads: () => undefined };

async function failure(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  return error as OntomeshError;
}

/** The error's line:column for every chunking of `text`, deduplicated. */
async function positions(text: string, options: ParseOptions): Promise<string[]> {
  const seen = new Set<string>();
  for (const size of [1, 2, 3, 5, 8, 13, 1 << 16]) {
    const { location } = await failure(parseStream(inChunks(text, size), options, noQuads));
    seen.add(`${location.line}:${location.column}`);
  }
  return [...seen];
}

const PREFIX = '@prefix ex: <http://example.org/> .\n';

describe('Turtle lexer errors have a column', () => {
  it('an unterminated string', async () => {
    const path = file('bad.ttl', `${PREFIX}ex:a ex:p ex:b .\n\n\nex:c ex:p "x" .\nex:d ex:p "unterminated .\n`);
    const error = await failure(parseFile(path, {}, noQuads));
    expect(error.format()).toBe(`${path}:6:11: RDF_SYNTAX Unexpected ""unterminated"`);
    expect(error.location.term).toBe('"unterminated');
  });

  it('a binary file', async () => {
    const path = file('img.ttl', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const error = await failure(parseFile(path, {}, noQuads));
    expect(error.location).toMatchObject({ line: 1, column: 1 });
    // Its first byte is no UTF-8, which is said before the lexer sees a replacement character.
    expect(error.message).toMatch(/^Invalid UTF-8 \(byte 0x89\)/);
  });

  it.each([
    ['after tabs and blanks', `${PREFIX}ex:a ex:p ex:b .\n\tex:c ex:p  §x .\n`, '3:13'],
    ['after a multi-line string, with CRLF line ends', `${PREFIX.replace('\n', '\r\n')}ex:a ex:p """multi\r\nline""" ; ex:q §x .\r\n`, '3:16'],
    ['after a comment line', `${PREFIX}ex:a ex:p "a" ,\n   # a comment\n   §x .\n`, '4:4'],
    ['after characters outside the BMP (columns count UTF-16 units, as N3.js tokens do)', `${PREFIX}ex:a ex:p "é€𝄞" , §x .\n`, '2:20'],
    ['after a datatype marker, which has no token of its own', '<http://e.org/a> <http://e.org/p> "x"^^ .\n', '1:41'],
  ])('%s, however the input is chunked', async (_name, text, position) => {
    expect(await positions(text, { format: 'turtle', file: 'x.ttl' })).toEqual([position]);
  });

  it('in N-Triples too', async () => {
    expect(await positions('<http://e.org/a> <http://e.org/p> <http://e.org/b> .\n<http://e.org/a> <http://e.org/p> §x .\n', { format: 'ntriples' }))
      .toEqual(['2:35']);
  });

  it('parser errors keep the column of their token', async () => {
    const path = file('bad2.ttl', `${PREFIX}ex:a ex:p ex:b .\nex:c ex:p "x" .\nex:d ex:p .\n`);
    expect((await failure(parseFile(path, {}, noQuads))).location).toMatchObject({ line: 4, column: 11 });
  });
});

describe('a Turtle file that holds RDF/XML', () => {
  it('says so in the error', async () => {
    const path = file('onto.ttl', `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n`);
    const error = await failure(parseFile(path, {}, noQuads));
    expect(error.format()).toBe(`${path}:1:1: RDF_SYNTAX Unexpected "<?xml"; the document looks like RDF/XML (.rdf, .owl): rename it or pass its format`);
  });

  it('but a broken Turtle file gets no such hint', async () => {
    const error = await failure(parseFile(file('plain.ttl', `${PREFIX}ex:a ex:p §x .\n`), {}, noQuads));
    expect(error.message).toBe('Unexpected "§x"');
  });
});
