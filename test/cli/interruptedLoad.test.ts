/**
 * A load killed with SIGKILL half-way (no chance to clean up) must leave the previous version served
 * and no partial version visible, also after a restart.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compareGraphs, fixture, parseText, readQuads, tempDir } from '../load/helpers.ts';
import { runOntomesh, spawnOntomesh } from './runOntomesh.ts';

const pizza = fixture('protege-owl/pizza-owlcs/pizza.owl');

let cwd: string;
let remove: () => Promise<void>;
let env: NodeJS.ProcessEnv;

/** A plain instance-data file big enough that loading it takes several seconds. */
async function writeBigTurtle(path: string, subjects: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('@prefix ex: <https://example.org/big#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n');
  for (let i = 0; i < subjects; i++) {
    const chunk = `ex:item${i} a ex:Item ; rdfs:label "Item number ${i}"@en ; ex:next ex:item${i + 1} ; ex:size ${i % 997} ; rdfs:comment "A generated item to make the file large." .\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  env = { ONTOMESH_STORE: `sqlite:${join(cwd, 'store.db')}` };
  await writeBigTurtle(join(cwd, 'big.ttl'), 150_000);
  expect((await runOntomesh(['load', pizza, '--id', 'big'], { cwd, env })).code).toBe(0);
});
afterAll(() => remove());

test('SIGKILL during a load leaves the previous version served and no partial version', async () => {
  const child = spawnOntomesh(['load', join(cwd, 'big.ttl'), '--id', 'big', '--progress'], { cwd, env });
  let stderr = '';
  const midWrite = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const line = /progress: 1 document, ([\d,]+) triples, [\d,]+ triples\/s\n/.exec(stderr);
      if (line && Number(line[1]!.replaceAll(',', '')) > 0) resolve(line[0]);
    });
    child.on('exit', (code) => reject(new Error(`load ended (exit ${code}) before it was killed: ${stderr}`)));
  });
  const progress = await midWrite;
  expect(progress).not.toMatch(/committing/);
  child.kill('SIGKILL');
  const [, signal] = await once(child, 'exit');
  expect(signal).toBe('SIGKILL');

  // A new process (the restart) sees only the committed version and serves it.
  const versions = await runOntomesh(['versions', 'big', '--json'], { cwd, env });
  expect((JSON.parse(versions.stdout) as { version: number; active: boolean }[]).map((v) => [v.version, v.active])).toEqual([[1, true]]);
  const exported = await runOntomesh(['export', 'big', '--format', 'nt'], { cwd, env });
  expect(compareGraphs(await parseText(exported.stdout, 'nt'), await readQuads([pizza]))).toEqual({ missing: [], extra: [], blankIsomorphic: true });

  // And the store takes the next load as usual.
  const reload = await runOntomesh(['load', pizza, '--id', 'big', '--json'], { cwd, env });
  expect(reload.code).toBe(0);
  const after = await runOntomesh(['versions', 'big', '--json'], { cwd, env });
  expect((JSON.parse(after.stdout) as { active: boolean }[]).map((v) => v.active)).toEqual([true, false]);
});
