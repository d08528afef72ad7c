/**
 * Resolvers of governance: `Query.policyViolations`, the policies of src/governance checked over the
 * request's read model (src/api/policyViolations.ts).
 */
import { violationMessage, type GovernedNode, type PersonalDataFlowViolation } from '../../governance/index.ts';
import { policyViolations, type Policy } from '../policyViolations.ts';
import type { GraphqlContext } from './context.ts';

export const governanceQuery = {
  policyViolations: async (_: unknown, args: { policy: Policy; domain?: string | null }, context: GraphqlContext) =>
    policyViolations(await context.model(), args.policy, args.domain).map((violation) => ({ ...violation, policy: args.policy })),
};

export const governanceResolvers = {
  MeshNode: { __resolveType: (node: GovernedNode) => node.kind },
  PolicyViolation: {
    domain: (violation: PersonalDataFlowViolation) => violation.product.domain,
    owners: (violation: PersonalDataFlowViolation) => violation.product.owners,
    message: violationMessage,
  },
};
