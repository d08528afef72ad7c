/**
 * `ontomesh load` processes running at the same time on one SQLite store, as parallel CI pipelines
 * run them: each succeeds, each gets its own version, and every version holds exactly its file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compareGraphs, fixture, parseText, readQuads, tempDir } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');
const dpv = fixture('dpv/dpv/dpv-owl.ttl');

let cwd: string;
let remove: () => Promise<void>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  env = { ONTOMESH_STORE: `sqlite:${join(cwd, 'store.db')}` };
});
afterAll(() => remove());

/** Runs the loads at the same time; returns the version each one reports. */
async function loadTogether(loads: { file: string; id: string }[]): Promise<number[]> {
  const results = await Promise.all(loads.map(({ file, id }) => runOntomesh(['load', file, '--id', id, '--json'], { cwd, env })));
  for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
  return results.map((result) => (JSON.parse(result.stdout) as { version: number }).version);
}

/** What the graph's version (its active one when none is given) holds, compared with the file. */
async function comparedWith(file: string, id: string, version?: number) {
  const exported = await runOntomesh(['export', id, '--format', 'nt', ...(version === undefined ? [] : ['--version', String(version)])], { cwd, env });
  expect(exported.code, exported.stderr).toBe(0);
  return compareGraphs(await parseText(exported.stdout, 'nt'), await readQuads([file]));
}

const same = { missing: [], extra: [], blankIsomorphic: true };

test('loads of two graphs at the same time both succeed, as if one had run after the other', async () => {
  expect(await loadTogether([{ file: pizza, id: 'pizza' }, { file: dpv, id: 'dpv' }])).toEqual([1, 1]);
  expect(await comparedWith(pizza, 'pizza')).toEqual(same);
  expect(await comparedWith(dpv, 'dpv')).toEqual(same);
});

test('loads of one graph at the same time get distinct versions, each whole, one of them active', async () => {
  const versions = await loadTogether([{ file: pizza, id: 'shared' }, { file: dpv, id: 'shared' }]);
  expect([...versions].sort((a, b) => a - b)).toEqual([1, 2]);
  const listed = JSON.parse((await runOntomesh(['versions', 'shared', '--json'], { cwd, env })).stdout) as { version: number; active: boolean }[];
  expect(listed.map((v) => v.version)).toEqual([2, 1]);
  expect(listed.filter((v) => v.active)).toHaveLength(1);
  expect(await comparedWith(pizza, 'shared', versions[0])).toEqual(same);
  expect(await comparedWith(dpv, 'shared', versions[1])).toEqual(same);
});
