/**
 * Line ends in the positions of errors located over the byte stream (JSON-LD syntax errors, invalid
 * UTF-8): LF, a lone CR (classic Mac OS, some exporters) and CRLF each end one line, whatever the
 * chunking, so a CRLF split between two chunks still counts once.
 */
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseStream, type RdfFormat } from '../../../src/rdf/index.ts';
import { inChunks } from '../inChunks.ts';

async function errorAt(bytes: Uint8Array, size: number, format: RdfFormat): Promise<OntomeshError['location']> {
  const error = await parseStream(inChunks(bytes, size), { format, file: 'doc' }, { quads: (_batch: Quad[]) => undefined }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  return (error as OntomeshError).location;
}

const lineEnds = [['LF', '\n'], ['CR', '\r'], ['CRLF', '\r\n']] as const;
const sizes = [1, 2, 3, 7, 1 << 16];

describe('BytePositionTracker counts LF, CR and CRLF as one line break each', () => {
  // A missing comma before "http://e.org/q", on line 4 (column 3, as JSON.parse reports it).
  const jsonLd = ['{', '  "@id": "http://e.org/s",', '  "http://e.org/p": "x"', '  "http://e.org/q": "y"', '}', ''];

  it.each(lineEnds)('in JSON-LD with %s line ends, at any chunk size', async (_name, end) => {
    const bytes = Buffer.from(jsonLd.join(end), 'utf8');
    for (const size of sizes) expect(await errorAt(bytes, size, 'jsonld'), `chunks of ${size}`).toMatchObject({ line: 4, column: 3 });
  });

  it.each(lineEnds)('for an unclosed JSON-LD document with %s line ends, at its end', async (_name, end) => {
    const unclosed = ['{', '  "@id": "http://e.org/s",', '  "http://e.org/p": "x",', '  "http://e.org/q": "y"', ''];
    const bytes = Buffer.from(unclosed.join(end), 'utf8');
    for (const size of sizes) expect(await errorAt(bytes, size, 'jsonld'), `chunks of ${size}`).toMatchObject({ line: 5, column: 1 });
  });

  it.each(lineEnds)('for invalid UTF-8 in Turtle with %s line ends', async (_name, end) => {
    const lines = ['@prefix ex: <http://e.org/> .', '', 'ex:a ex:p "x" .', 'ex:b ex:p "caf\u00e9" .', ''];
    const text = Buffer.from(lines.join(end), 'latin1');
    for (const size of sizes) expect(await errorAt(text, size, 'turtle'), `chunks of ${size}`).toMatchObject({ line: 4, column: 15 });
  });
});
