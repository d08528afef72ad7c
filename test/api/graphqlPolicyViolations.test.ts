/**
 * Query.policyViolations over the real app: the governance fixture mesh registered beside DPV's
 * personal-data categories, the answer against the oracle worked out from the served triples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceStore, meshIri } from '../governance/governanceMesh.ts';
import { PersonalDataOracle } from '../governance/personalDataOracle.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';
import { servedQuads } from './lineageOracle.ts';

const query = `query Violations($domain: ID) {
  policyViolations(policy: PERSONAL_DATA_FLOW, domain: $domain) {
    policy message
    source { __typename ... on Field { id } ... on Dataset { id } ... on DataProduct { id } }
    path { via node { ... on Field { id } ... on Dataset { id } ... on DataProduct { id } } }
    product { id name }
    domain { id name }
    owners { name }
  }
}`;

interface Violation {
  policy: string;
  message: string;
  source: { __typename: string; id: string };
  path: { via: string; node: { id: string } }[];
  product: { id: string; name: string };
  domain: { id: string; name: string } | null;
  owners: { name: string }[];
}

describe('Query.policyViolations', () => {
  let server: GraphqlServer;
  let disposeStore: () => Promise<void>;
  let oracle: PersonalDataOracle;

  beforeAll(async () => {
    const { store, dispose } = await governanceStore();
    disposeStore = dispose;
    oracle = new PersonalDataOracle(await servedQuads(store));
    server = await serveGraphql(store);
  });
  afterAll(async () => {
    await server?.close();
    await disposeStore?.();
  });

  it('answers the oracle\'s violations, each with a shortest path along real edges, the receiving product\'s domain and owners', async () => {
    const { data, errors } = await server.query(query);
    expect(errors).toBeUndefined();
    const violations = data!['policyViolations'] as Violation[];
    const expected = oracle.violations();
    expect(violations.map((v) => `${v.source.id}>${v.product.id}`).sort()).toEqual([...expected.keys()].sort());
    for (const v of violations) {
      expect(v.policy).toBe('PERSONAL_DATA_FLOW');
      expect(v.path.length).toBe(expected.get(`${v.source.id}>${v.product.id}`));
      expect(v.path[0]).toEqual({ via: 'SOURCE', node: { id: v.source.id } });
      expect(v.path.at(-1)!.node.id).toBe(v.product.id);
      for (let i = 1; i < v.path.length; i++) expect(oracle.next(v.path[i - 1]!.node.id, i === 1)).toContainEqual([v.path[i]!.via, v.path[i]!.node.id]);
      expect(v.domain).toEqual({ id: `${meshIri}domain/${v.product.id.split('/').at(-2)}`, name: v.product.id.split('/').at(-2) });
      expect(v.owners.map((o) => o.name)).toEqual([v.domain!.name === 'analytics' ? 'analytics-team' : 'marketing-ops']);
      expect(v.message).toContain(`flows into ${v.product.name} (domain ${v.domain!.name})`);
    }
    expect(violations.map((v) => v.source.__typename)).toContain('Field');
    expect(violations.map((v) => v.source.__typename)).toContain('DataProduct');
  });

  it('keeps those received in the domain given, and none for a domain that receives none or does not exist', async () => {
    const all = (await server.query(query)).data!['policyViolations'] as Violation[];
    const marketing = `${meshIri}domain/marketing`;
    const { data } = await server.query(query, { domain: marketing });
    expect(data!['policyViolations']).toEqual(all.filter((v) => v.domain?.id === marketing));
    expect((data!['policyViolations'] as Violation[]).length).toBeGreaterThan(0);
    expect((await server.query(query, { domain: `${meshIri}domain/crm` })).data!['policyViolations']).toEqual([]);
    expect((await server.query(query, { domain: 'urn:nowhere' })).data!['policyViolations']).toEqual([]);
  });

  it('refuses a policy that does not exist', async () => {
    const { errors } = await server.query('{ policyViolations(policy: RETENTION) { message } }');
    expect(errors?.[0]?.message).toMatch(/RETENTION/);
  });
});
