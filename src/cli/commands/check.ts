/**
 * `ontomesh check`: the governance policies (src/governance) over what a store holds now, for CI or
 * a scheduled job. A check of the store and not of files (as `validate` is): personal data flows
 * through lineage across domains, so the policy needs the whole mesh as registered — every domain's
 * products, the lineage registration computed, a Purview sync's datasets — which only the store has.
 * Exit 4 when there are violations, so a pipeline can tell them from a store it cannot reach (3).
 */
import { storePolicyViolations, type Policy } from '../../api/index.ts';
import { violationRecord, type ViolationRecord } from '../../governance/index.ts';
import { choiceOption, parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { openCliStore } from '../storeUrl.ts';

const policyNames = { 'personal-data-flow': 'PERSONAL_DATA_FLOW' } as const satisfies Record<string, Policy>;
const policyOptions = Object.keys(policyNames) as (keyof typeof policyNames)[];

export const checkCommand: Command = {
  name: 'check',
  summary: 'check governance policies over the store (exit 4 on violations)',
  help: `Usage: ontomesh check [options]

Checks a governance policy over the active versions of the store's graphs and prints each violation:
personal-data-flow (the only one so far): personal data — a field with pii true or a concept that is
dpv:PersonalData or a sub-concept, a dataset or product with such a concept, a product stating
dpv:hasPersonalData — must not flow, through column, dataset or product lineage, into a product
that does not declare personal data. Each violation names the source, the path and the receiving
product with its domain and owners. Exits 4 when there are violations, 0 when there are none.

Options:
  --policy NAME   ${policyOptions.join('|')} (default: personal-data-flow)
  --domain IRI    only violations received by products of this domain
  --json          print the violations as a JSON array
  --store URL     the store (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  -h, --help      show this help`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      policy: { type: 'string' },
      domain: { type: 'string' },
      json: { type: 'boolean' },
      store: { type: 'string' },
    });
    requirePositionals(positionals, 0, 'no arguments');
    const policy = policyNames[choiceOption('policy', values.policy, policyOptions, 'personal-data-flow')];
    const store = await openCliStore(values.store, io.env);
    try {
      const records = (await storePolicyViolations(store, policy, values.domain)).map(violationRecord);
      if (values.json) println(io.stdout, JSON.stringify(records, null, 2));
      else println(io.stdout, [...records.map(textLines), `${records.length === 0 ? 'no' : records.length} violation${records.length === 1 ? '' : 's'} of ${policy}`].join('\n'));
      return records.length === 0 ? exitCodes.ok : exitCodes.policyViolations;
    } finally {
      await store.close();
    }
  },
};

/** The message, the receiving product's owners, and the path by IRI, one step a line. */
function textLines(record: ViolationRecord): string {
  const owners = record.owners.length === 0 ? [] : [`  owners: ${record.owners.map((owner) => owner.name).join(', ')}`];
  const path = record.path.map((step, i) => `${i === 0 ? '  path: ' : '        '}${step.via.padEnd(8)}${step.id}`);
  return [record.message, ...owners, ...path].join('\n');
}
