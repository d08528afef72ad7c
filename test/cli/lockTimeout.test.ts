/**
 * ONTOMESH_LOCK_TIMEOUT_SECONDS, as the `ontomesh` process reads it: a write into a SQLite store that
 * another process holds locked gives up after that many seconds with STORE_UNAVAILABLE (exit 3),
 * changing nothing; a value that is not a whole number of seconds from 0 to 86400 stops any command
 * that opens a store, before it opens it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, tempDir } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');

let cwd: string;
let remove: () => Promise<void>;
let path: string;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  path = join(cwd, 'store.db');
  expect((await runOntomesh(['load', pizza, '--id', 'pizza', '--store', `sqlite:${path}`], { cwd })).code).toBe(0);
});
afterAll(() => remove());

const versionsOf = async (id: string) => JSON.parse((await runOntomesh(['versions', id, '--json', '--store', `sqlite:${path}`], { cwd })).stdout) as { version: number }[];

test('a load waiting for another process\'s write lock gives up after ONTOMESH_LOCK_TIMEOUT_SECONDS with STORE_UNAVAILABLE, changing nothing', async () => {
  const other = new DatabaseSync(path);
  other.exec('BEGIN IMMEDIATE');
  let result;
  try {
    result = await runOntomesh(['load', pizza, '--id', 'pizza', '--store', `sqlite:${path}`], { cwd, env: { ONTOMESH_LOCK_TIMEOUT_SECONDS: '1' } });
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(result).toEqual({
    code: 3,
    stdout: '',
    stderr: `STORE_UNAVAILABLE ${path} stayed locked by another process's write (a load, activate or mesh register) for more than 1 s: nothing was changed; retry once that write is done\n`,
  });
  expect((await versionsOf('pizza')).map((v) => v.version)).toEqual([1]);
});

test.each([
  ['load', 'ten', [pizza, '--id', 'pizza']],
  ['versions', '-5', ['pizza']],
  ['activate', '2.5', ['pizza', '1']],
  ['export', '86401', ['pizza']],
  ['mesh', '0x10', ['unregister', 'orders']],
  ['serve', '1e3', ['--port', '0', '--host', '127.0.0.1', '--workers', '1']],
])('%s refuses ONTOMESH_LOCK_TIMEOUT_SECONDS=%s before it opens the store (exit 2)', async (command, value, args) => {
  const neverOpened = join(cwd, 'never-opened.db');
  const { code, stdout, stderr } = await runOntomesh([command, ...args], { cwd, env: { ONTOMESH_STORE: `sqlite:${neverOpened}`, ONTOMESH_LOCK_TIMEOUT_SECONDS: value } });
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toBe(`BAD_REQUEST ONTOMESH_LOCK_TIMEOUT_SECONDS must be a whole number of seconds from 0 to 86400 (got "${value}")\nRun \`ontomesh ${command} --help\` for usage.\n`);
  expect(existsSync(neverOpened)).toBe(false);
});
