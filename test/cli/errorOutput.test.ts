/**
 * What `ontomesh` prints when a command fails, as users see it (a child process): control characters
 * quoted from the input (an escape sequence in a file, in a file name, in an argument) are shown
 * escaped, never sent raw to the terminal; `--json` carries the same text, as the same JSON value.
 * A configuration mistake (an unknown LOG_LEVEL) stops the command with a usage error.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeControls, jsonForTerminal } from '../../src/cli/terminalText.ts';
import { tempDir } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
const ontomesh = (...args: string[]) => runOntomesh(args, { cwd, env: { ONTOMESH_STORE: `sqlite:${join(cwd, 'store.db')}` } });

/** Every character a terminal acts on: C0 (but tab, newline) and C1 controls, DEL, bidirectional overrides. */
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  await writeFile(join(cwd, 'esc.ttl'), '\x1b[31mRED\x1b[0m');
  await writeFile(join(cwd, 'c1.ttl'), '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n<http://example.com/\u009b31m\u202ex');
});
afterAll(() => remove());

describe('error lines escape control characters', () => {
  test('an ANSI escape sequence in the input is shown as \\x1b, on stderr and in --json', async () => {
    const { code, stdout, stderr } = await ontomesh('validate', 'esc.ttl', '--json');
    expect(code).toBe(1);
    expect(stderr.startsWith(`${join(cwd, 'esc.ttl')}:1`)).toBe(true);
    expect(stderr.endsWith(': RDF_SYNTAX Unexpected "\\x1b[31mRED\\x1b[0m"\n')).toBe(true);
    expect(stdout).not.toMatch(raw);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'RDF_SYNTAX', message: 'Unexpected "\x1b[31mRED\x1b[0m"', term: '\x1b[31mRED\x1b[0m' } });
  });

  test('C1 controls and bidirectional overrides, which JSON.stringify leaves raw, are escaped in both', async () => {
    const { code, stdout, stderr } = await ontomesh('validate', 'c1.ttl', '--json');
    expect(code).toBe(1);
    expect(stderr.startsWith(`${join(cwd, 'c1.ttl')}:2`)).toBe(true);
    expect(stderr.endsWith(': RDF_SYNTAX Unexpected "<http://example.com/\\x9b31m\\u202ex"\n')).toBe(true);
    expect(stdout).not.toMatch(raw);
    expect(stdout).toContain('\\u009b31m\\u202ex');
    expect(JSON.parse(stdout).error.term).toBe('<http://example.com/\u009b31m\u202ex');
  });

  test('a file name and an unknown command name are escaped too', async () => {
    const name = 'bad\x1b]0;title\x07.ttl';
    await writeFile(join(cwd, name), '<a> <b> .\n');
    const file = await ontomesh('validate', name);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('bad\\x1b]0;title\\x07.ttl:1:');
    expect(file.stderr).not.toMatch(raw);
    const command = await ontomesh('\x1b[2Jload');
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^ontomesh: unknown command "\\x1b\[2Jload"\n/);
    expect(command.stderr).not.toMatch(raw);
  });
});

describe('configuration errors', () => {
  test('serve refuses an unknown LOG_LEVEL before opening the store, naming the valid levels (exit 2)', async () => {
    const store = join(cwd, 'never-opened.db');
    const { code, stdout, stderr } = await runOntomesh(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '1'], { cwd, env: { ONTOMESH_STORE: `sqlite:${store}`, LOG_LEVEL: 'bogus' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('BAD_REQUEST LOG_LEVEL must be one of debug, info, warn, error (got "bogus")\nRun `ontomesh serve --help` for usage.\n');
    expect(existsSync(store)).toBe(false);
  });
});

describe('escapeControls, jsonForTerminal', () => {
  test('every C0 and C1 control, DEL and the Unicode separators and bidirectional controls become escapes; other text is kept', () => {
    expect(escapeControls('a\tb\nc\rd\x00e\x7ff\u0085g\u009bh')).toBe('a\\x09b\\x0ac\\x0dd\\x00e\\x7ff\\x85g\\x9bh');
    expect(escapeControls('\u2028\u2029\u200e\u200f\u061c\u202a\u202e\u2066\u2069')).toBe('\\u2028\\u2029\\u200e\\u200f\\u061c\\u202a\\u202e\\u2066\\u2069');
    expect(escapeControls('Kunde «client» 顧客 עברית 🙂 C:\\x')).toBe('Kunde «client» 顧客 עברית 🙂 C:\\x');
  });

  test('jsonForTerminal is the same JSON value with no raw control character', () => {
    const value = { message: 'a\u009bb\u007fc\u202ed\x1be', list: ['\u2028'] };
    const text = jsonForTerminal(value);
    expect(text).not.toMatch(raw);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
