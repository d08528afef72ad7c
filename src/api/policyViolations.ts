/**
 * The governance policies (src/governance) checked over a read model: what `Query.policyViolations`
 * answers and `ontomesh check` prints, from the same model either way.
 */
import { personalDataFlowViolations, type PersonalDataFlowViolation } from '../governance/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { ReadModels, type ReadModel } from './readModel/index.ts';

/** The policies there are (graphql/schema.graphql's enum Policy). */
export type Policy = 'PERSONAL_DATA_FLOW';

/**
 * The violations of `policy` in `model`; with `domain` (a domain IRI), those received in it only.
 *
 * @example
 * policyViolations(model, 'PERSONAL_DATA_FLOW', 'https://w3id.org/ontomesh/mesh/domain/sales')
 */
export function policyViolations(model: ReadModel, policy: Policy, domain?: string | null): PersonalDataFlowViolation[] {
  // One policy so far: the switch is where the next one goes.
  switch (policy) {
    case 'PERSONAL_DATA_FLOW': {
      const all = personalDataFlowViolations({ products: model.products, datasets: model.allDatasets(), fields: model.allFields() });
      return domain == null ? all : all.filter((violation) => violation.product.domain?.id === domain);
    }
  }
}

/** The violations in the store's active versions (the snapshot a request would read now). */
export async function storePolicyViolations(store: GraphStore, policy: Policy, domain?: string | null): Promise<PersonalDataFlowViolation[]> {
  const model = await new ReadModels(store).get(await store.snapshot());
  return policyViolations(model, policy, domain);
}
