/**
 * A personal-data flow violation as people and scripts read it: one line of text, or a plain JSON
 * record naming every node by kind, IRI and name (what `ontomesh check` prints).
 */
import type { FlowStepKind, GovernedNode, PersonalDataFlowViolation } from './personalDataFlow.ts';

export interface NodeRecord {
  kind: GovernedNode['kind'];
  id: string;
  name: string;
}

export interface ViolationRecord {
  policy: 'PERSONAL_DATA_FLOW';
  source: NodeRecord;
  path: (NodeRecord & { via: FlowStepKind })[];
  product: NodeRecord;
  domain: { id: string; name: string } | null;
  owners: { id: string; name: string }[];
  message: string;
}

/**
 * One line: the source, the receiving product and its domain, and the path by name.
 *
 * @example
 * violationMessage(v) // 'personal data in field contacts.email flows into Segment stats (domain analytics), which does not declare personal data: email → contacts → Contacts → Segment stats'
 */
export function violationMessage({ source, path, product }: PersonalDataFlowViolation): string {
  const where = product.domain === null ? '' : ` (domain ${product.domain.name})`;
  return `personal data in ${nodeLabel(source)} flows into ${product.name}${where}, which does not declare personal data: ${path.map((step) => step.node.name).join(' → ')}`;
}

/** The violation as plain JSON. */
export function violationRecord(violation: PersonalDataFlowViolation): ViolationRecord {
  const { source, path, product } = violation;
  return {
    policy: 'PERSONAL_DATA_FLOW',
    source: nodeRecord(source),
    path: path.map((step) => ({ ...nodeRecord(step.node), via: step.via })),
    product: nodeRecord(product),
    domain: product.domain === null ? null : { id: product.domain.id, name: product.domain.name },
    owners: product.owners.map(({ id, name }) => ({ id, name })),
    message: violationMessage(violation),
  };
}

function nodeRecord({ kind, id, name }: GovernedNode): NodeRecord {
  return { kind, id, name };
}

function nodeLabel(node: GovernedNode): string {
  const kind = node.kind === 'DataProduct' ? 'product' : node.kind === 'Dataset' ? 'dataset' : 'field';
  const of = node.kind === 'Field' && node.dataset !== null ? `${node.dataset.name}.` : '';
  return `${kind} ${of}${node.name}`;
}
