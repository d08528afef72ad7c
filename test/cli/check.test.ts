/** `ontomesh check` as a process over a real SQLite store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedQuads } from '../api/lineageOracle.ts';
import { governanceStore } from '../governance/governanceMesh.ts';
import { PersonalDataOracle } from '../governance/personalDataOracle.ts';
import { repoRoot, tempStore } from '../load/helpers.ts';
import { runOntomesh } from './runOntomesh.ts';

describe('ontomesh check', () => {
  let url: string;
  let disposeStore: () => Promise<void>;
  let oracle: PersonalDataOracle;

  beforeAll(async () => {
    const temp = await governanceStore();
    oracle = new PersonalDataOracle(await servedQuads(temp.store));
    await temp.store.close(); // the child opens the file itself
    url = temp.url;
    disposeStore = temp.dispose;
  });
  afterAll(() => disposeStore?.());

  it('prints the violations as JSON and exits 4', async () => {
    const { code, stdout, stderr } = await runOntomesh(['check', '--store', url, '--json'], { cwd: repoRoot });
    expect(stderr).toBe('');
    expect(code).toBe(4);
    const records = JSON.parse(stdout) as { source: { id: string }; product: { id: string }; path: unknown[]; owners: unknown[]; domain: unknown }[];
    const expected = oracle.violations();
    expect(records.map((r) => `${r.source.id}>${r.product.id}`).sort()).toEqual([...expected.keys()].sort());
    for (const r of records) expect(r.path.length).toBe(expected.get(`${r.source.id}>${r.product.id}`));
  });

  it('prints each violation\'s message, owners and path, and a count', async () => {
    const { code, stdout } = await runOntomesh(['check', '--store', url, '--policy', 'personal-data-flow'], { cwd: repoRoot });
    expect(code).toBe(4);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('personal data in ')).length).toBe(oracle.violations().size);
    expect(lines.filter((line) => line.startsWith('  path: SOURCE  ')).length).toBe(oracle.violations().size);
    expect(lines.at(-1)).toBe(`${oracle.violations().size} violations of PERSONAL_DATA_FLOW`);
  });

  it('exits 0 on a domain that receives none, and on a store without products', async () => {
    const crm = await runOntomesh(['check', '--store', url, '--domain', 'https://w3id.org/ontomesh/mesh/domain/crm'], { cwd: repoRoot });
    expect([crm.code, crm.stdout]).toEqual([0, 'no violations of PERSONAL_DATA_FLOW\n']);
    const empty = await tempStore();
    try {
      await empty.store.close();
      const { code, stdout } = await runOntomesh(['check', '--store', empty.url, '--json'], { cwd: repoRoot });
      expect([code, stdout]).toEqual([0, '[]\n']);
    } finally {
      await empty.dispose();
    }
  });

  it('refuses a policy it does not know as a usage error, exit 2', async () => {
    const { code, stderr } = await runOntomesh(['check', '--store', url, '--policy', 'retention'], { cwd: repoRoot });
    expect(code).toBe(2);
    expect(stderr).toContain('BAD_REQUEST --policy must be one of personal-data-flow (got "retention")');
  });
});
