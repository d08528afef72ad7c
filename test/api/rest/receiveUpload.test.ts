/**
 * receiveUpload with a body that does not decompress: the failure must reach the caller as its
 * BAD_REQUEST, whenever the decompression fails. The bug was a body piped before the upload's folder
 * was made: a gzip error during that wait was emitted with no listener (an uncaught exception; the
 * request was never answered).
 */
import { PassThrough } from 'node:stream';
import type { Request } from 'express';
import { expect, test } from 'vitest';
import { receiveUpload } from '../../../src/api/rest/receiveUpload.ts';

/** A request whose whole body is already there when receiveUpload starts reading it. */
function requestWith(headers: Record<string, string>, body: Buffer): Request {
  const req = new PassThrough() as unknown as Request & PassThrough;
  Object.assign(req, { headers, get: (name: string) => headers[name.toLowerCase()] });
  req.end(body);
  return req;
}

const notGzip = Buffer.from('this is not gzip at all, but it says it is '.repeat(100));

test.each([
  ['one body', 'text/turtle'],
  ['multipart', 'multipart/form-data; boundary=x'],
])('a %s upload whose gzip does not decompress is BAD_REQUEST for the caller, never an unhandled error', async (_kind, contentType) => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const req = requestWith({ 'content-type': contentType, 'content-encoding': 'gzip' }, notGzip);
    await expect(receiveUpload(req, 'g', { maxBytes: 1 << 20, maxDocuments: 10 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('the request body cannot be read'),
    });
  }
});
