/**
 * `ontomesh export --out FILE` as users run it (a child process) when FILE cannot be written: one line
 * naming the path they gave (never the `.partial` file beside it), a code saying what to fix, the
 * documented exit code, no stack trace, and no file left behind.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
let env: NodeJS.ProcessEnv;
const ontomesh = (...args: string[]) => runOntomesh(args, { cwd, env });
const triple = '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n';

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  env = { ONTOMESH_STORE: `sqlite:${join(cwd, 'store.db')}` };
  await writeFile(join(cwd, 'good.ttl'), triple);
  await mkdir(join(cwd, 'out'));
  expect((await ontomesh('load', 'good.ttl', '--id', 'g')).code).toBe(0);
});
afterAll(() => remove());

/** Every file under the scratch folder whose name says it is a partial export. */
async function partialFiles(): Promise<string[]> {
  return (await readdir(cwd, { recursive: true })).filter((name) => name.includes('.partial'));
}

describe('export --out that cannot be written', () => {
  test.each([
    ['a missing folder', 'FILE_NOT_FOUND', 1, () => join(cwd, 'nodir/x.ttl'), () => `the folder ${join(cwd, 'nodir')} does not exist`],
    ['a file used as a folder', 'FILE_NOT_FOUND', 1, () => join(cwd, 'good.ttl/x.ttl'), () => `${join(cwd, 'good.ttl')} is not a folder`],
    ['below a file used as a folder', 'FILE_NOT_FOUND', 1, () => join(cwd, 'good.ttl/a/x.ttl'), () => `${join(cwd, 'good.ttl')} is not a folder`],
    ['a folder that takes no new files', 'FORBIDDEN', 1, () => '/proc/ontomesh-export.ttl', () => 'no file can be created in /proc'],
    ['a folder that may not be written', 'FORBIDDEN', 1, () => '/sys/ontomesh-export.ttl', () => 'permission denied (EACCES)'],
    ['an existing folder', 'BAD_REQUEST', 2, () => join(cwd, 'out'), () => `--out ${join(cwd, 'out')} is a folder`],
    ['a path ending in a slash', 'BAD_REQUEST', 2, () => `${join(cwd, 'new')}/`, () => `--out ${join(cwd, 'new')}/ is a folder`],
    ['an empty path', 'BAD_REQUEST', 2, () => '', () => '--out must name a file (got "")'],
  ])('%s: %s naming the path given, exit %i', async (_what, errorCode, exitCode, out, reason) => {
    const { code, stdout, stderr } = await ontomesh('export', 'g', '--out', out());
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    const [line, ...rest] = stderr.trimEnd().split('\n');
    expect(line).toMatch(new RegExp(`^${errorCode} `));
    expect(line).toContain(reason());
    if (out() !== '') expect(line).toContain(out());
    expect(stderr).not.toContain('.partial');
    expect(stderr).not.toMatch(/^\s+at /m);
    // A usage error says where the usage is; a path that cannot be written is not one.
    expect(rest).toEqual(exitCode === 2 ? ['Run `ontomesh export --help` for usage.'] : []);
    expect(await partialFiles()).toEqual([]);
  });

  test('a failed export leaves the file it would have replaced as it was, and no partial file', async () => {
    const out = join(cwd, 'out/kept.ttl');
    await writeFile(out, 'before\n');
    const { code, stderr } = await ontomesh('export', 'nograph', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^NOT_FOUND /);
    expect(await readFile(out, 'utf8')).toBe('before\n');
    expect(await partialFiles()).toEqual([]);
  });

  test('a writable --out gets the export, replacing what was there', async () => {
    const out = join(cwd, 'out/kept.ttl');
    const { code, stderr } = await ontomesh('export', 'g', '--out', out, '--format', 'nt');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(triple);
    expect(await partialFiles()).toEqual([]);
  });
});
