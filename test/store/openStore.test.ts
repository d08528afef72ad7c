import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OntomeshError } from '../../src/errors/index.ts';
import { openStore } from '../../src/store/openStore.ts';

const folder = mkdtempSync(join(tmpdir(), 'ontomesh-open-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens sqlite:PATH, creating the folder', async () => {
    const path = join(folder, 'nested', 'deeper', 'store.db');
    const store = await openStore(`sqlite:${path}`);
    expect(store.description).toBe(`sqlite:${path}`);
    expect(await store.ready()).toBe(true);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('accepts the URL form sqlite:///absolute/path', async () => {
    const path = join(folder, 'url-form.db');
    const store = await openStore(`sqlite://${path}`);
    expect(store.description).toBe(`sqlite:${path}`);
    await store.close();
  });

  it('hands gremlin:// and cosmos:// to the Gremlin adapter', async () => {
    const store = await openStore('gremlin://127.0.0.1:1');
    expect(store.description).toMatch(/^gremlin:/);
    await store.close();
  });

  it('refuses an unknown scheme or an empty path with BAD_REQUEST and the accepted forms', async () => {
    for (const url of ['postgres://db/mesh', 'sqlite:', './data/ontomesh.db']) {
      await expect(openStore(url)).rejects.toEqual(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('sqlite:') }) as OntomeshError);
    }
  });
});
