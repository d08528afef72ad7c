/**
 * `ontomesh mesh register` as a process on a real SQLite store: the demo mesh folder, an invalid
 * descriptor reported as file:line:col with its field (exit 1, nothing registered), usage errors; and
 * `ontomesh serve` registering the demo mesh's products on first start of the default store.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../load/helpers.ts';
import { runOntomesh, spawnOntomesh } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(() => remove());

const meshFolder = join(repoRoot, 'mesh');

describe('ontomesh mesh register', () => {
  it('registers the demo mesh folder and prints one line per descriptor', async () => {
    const store = `sqlite:${join(cwd, 'mesh.db')}`;
    const result = await runOntomesh(['mesh', 'register', meshFolder, '--store', store], { cwd });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('registered product '))).toHaveLength(17);
    expect(lines).toContain(`registered product orders (odps-bitol, ${join(meshFolder, 'sales/orders.odps.yaml')}) in mesh.sales`);
    expect(lines.at(-1)).toMatch(/^graphs: mesh\._ v1 \(\d+ triples\), mesh\.customer v1 .*, mesh\.sales v1 \(\d+ triples\) in \d+\.\d s$/);

    const again = await runOntomesh(['mesh', 'register', join(meshFolder, 'sales/orders.odps.yaml'), '--store', store, '--json'], { cwd });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ registrations: [{ kind: 'product', id: 'orders', replaced: true, graphId: 'mesh.sales', version: 2 }], graphs: [{ graphId: 'mesh.sales', version: 2 }] });
  });

  it('exits 1 naming the file, line, column and field of an invalid descriptor, and registers none', async () => {
    const store = `sqlite:${join(cwd, 'invalid.db')}`;
    const invalid = join(cwd, 'orders.odcs.yaml');
    await writeFile(invalid, (await readFile(join(meshFolder, 'sales/orders.odcs.yaml'), 'utf8')).replace('primaryKeyPosition: 2', 'primaryKeyPosition: second'));
    const result = await runOntomesh(['mesh', 'register', join(meshFolder, 'sales/orders.odps.yaml'), invalid, '--store', store], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^orders\.odcs\.yaml:\d+:\d+: DESCRIPTOR_INVALID \/schema\/1\/properties\/1\/primaryKeyPosition: must be integer/);
    const versions = await runOntomesh(['versions', 'mesh.sales', '--store', store, '--json'], { cwd });
    expect(JSON.parse(versions.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('usage errors exit 2', async () => {
    expect((await runOntomesh(['mesh'], { cwd })).code).toBe(2);
    expect((await runOntomesh(['mesh', 'unregister', 'x'], { cwd })).code).toBe(2);
    const missing = await runOntomesh(['mesh', 'register', 'no-such-folder', '--store', `sqlite:${join(cwd, 'x.db')}`], { cwd });
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('FILE_NOT_FOUND No such file or folder: no-such-folder')]);
  });
});

it('serve registers the demo mesh\'s data products on first start of the default store', async () => {
  const child: ChildProcessWithoutNullStreams = spawnOntomesh(['serve', '--port', '0', '--host', '127.0.0.1'], { cwd });
  const loaded = new Promise<Record<string, unknown>>((resolve) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines.map((text) => JSON.parse(text) as Record<string, unknown>)) if (line.msg === 'demo mesh loaded') resolve(line);
    });
  });
  try {
    const line = await loaded;
    expect(line).toMatchObject({ graphId: 'mesh', products: 26 });
    const graphs = await runOntomesh(['versions', 'mesh.logistics', '--json'], { cwd });
    expect(JSON.parse(graphs.stdout)).toMatchObject([{ version: 1, active: true }]);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
