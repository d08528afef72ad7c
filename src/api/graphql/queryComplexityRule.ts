/**
 * A validation rule that refuses a query too deep or too costly before anything runs (code
 * QUERY_TOO_COMPLEX). It runs with graphql-js's own rules, so the document cache keeps its verdict
 * with the document: a cached query pays nothing for it.
 *
 * Depth: the deepest nesting of fields with sub-selections in an operation, counted through inline
 * fragments and fragment spreads (which add no level of their own).
 *
 * Cost: a static estimate of the fields resolved, made once per document (so variables count at
 * their worst). Every field counts 1 each time it is resolved (`__typename` nothing); a field that
 * returns a list resolves its sub-selection once per item:
 * - in a connection (a field with a `first` argument), as many items as `first` asks for: its
 *   literal value, the default page (20) when absent, the largest page (100) when it is a variable;
 * - asked for a closure (`transitive: true`, all ancestors or descendants), 10;
 * - in a lineage walk (the lists of a field with a `depth` argument, and of the lineage graphs it
 *   holds: nodes, edges, domain flows), 5 per hop of its depth: its literal value, the schema's default
 *   when absent, the largest depth (10) when it is a variable;
 * - any other list (asserted sub- and super-concepts, ports, datasets, fields, owners), 2: about the
 *   fan-out of the demo mesh's hierarchy and descriptors.
 * Aliases are fields of their own, and the branches of type conditions are added up (not maxed).
 * Introspection counts like any other query (GraphiQL's is 449 with depth 14); graphql-js's
 * MaxIntrospectionDepthRule bounds its recursion besides.
 */
import {
  GraphQLError, Kind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType,
  type ASTVisitor, type FieldNode, type GraphQLArgument, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';
import { maxLineageDepth } from '../readModel/index.ts';
import { defaultPageSize, maxPageSize } from './connection.ts';
import { queryLimitVariables, type QueryLimits } from './queryLimits.ts';

/** Items assumed for a list field that is not paged (sub-concepts, datasets, fields, owners, ...). */
export const assumedListSize = 2;
/** Items assumed for a list field asked for a closure (`transitive: true`: all ancestors or descendants). */
export const assumedClosureSize = 10;
/** Items assumed per hop for a list in a lineage walk (the demo mesh's orders feed five products). */
export const assumedLineagePerHop = 5;
/** The types that hold the lists of a lineage walk whose depth an enclosing field gives (Query.conceptLineage's flows). */
const lineageGraphs = new Set(['DataProductLineage', 'DatasetLineage', 'FieldLineage']);

/** Depth and cost of a selection set. */
interface Measure {
  depth: number;
  cost: number;
}

const nothing: Measure = { depth: 0, cost: 0 };

/**
 * The rule for graphql-js `validate` (or graphql-http's `validationRules`).
 *
 * @example
 * validate(schema, document, [...specifiedRules, queryComplexityRule({ maxDepth: 15, maxCost: 25_000 })])
 */
export function queryComplexityRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { depth, cost } = measureOperation(context, operation);
      const name = operation.name === undefined ? 'the query' : `operation ${operation.name.value}`;
      const report = (message: string) => context.reportError(new GraphQLError(message, { nodes: operation, extensions: { code: 'QUERY_TOO_COMPLEX' } }));
      if (depth > limits.maxDepth) report(`${name} is too deep: depth ${depth} > max ${limits.maxDepth} (${queryLimitVariables.maxDepth})`);
      if (cost > limits.maxCost) report(`${name} is too costly: cost ${cost} > max ${limits.maxCost} (${queryLimitVariables.maxCost})`);
      return false;
    },
  });
}

/** The depth and cost of one operation. */
function measureOperation(context: ValidationContext, operation: OperationDefinitionNode): Measure {
  const schema = context.getSchema();
  /** Fragments measured, by name and the page size of the field they are spread in. */
  const fragments = new Map<string, Measure>();
  /** Fragments being measured (a cycle, which NoFragmentCyclesRule reports, counts nothing). */
  const inProgress = new Set<string>();

  const selections = (set: SelectionSetNode, type: GraphQLNamedType | undefined, pageSize: number | undefined): Measure => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let measure: Measure;
      if (selection.kind === Kind.FIELD) {
        measure = field(selection, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition === undefined ? type : schema.getType(selection.typeCondition.name.value);
        measure = selections(selection.selectionSet, condition, pageSize);
      } else {
        measure = spread(selection.name.value, pageSize);
      }
      depth = Math.max(depth, measure.depth);
      cost += measure.cost;
    }
    return { depth, cost };

    function field(node: FieldNode, parent: GraphQLNamedType | undefined): Measure {
      if (node.name.value === '__typename') return nothing;
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
      if (node.selectionSet === undefined) return { depth: 0, cost: 1 };
      const named = definition === undefined ? undefined : getNamedType(definition.type);
      const depthArgument = definition?.args.find((arg) => arg.name === 'depth');
      const ownPage = definition?.args.some((arg) => arg.name === 'first') === true ? pageSizeOf(node)
        : depthArgument !== undefined ? assumedLineagePerHop * depthOf(node, depthArgument)
          : named !== undefined && lineageGraphs.has(named.name) ? pageSize : undefined;
      const inner = selections(node.selectionSet, named, ownPage);
      const isList = definition !== undefined && isListType(getNullableType(definition.type));
      const times = !isList ? 1 : pageSize ?? (isTransitive(node) ? assumedClosureSize : assumedListSize);
      return { depth: inner.depth + 1, cost: Math.min(1 + times * inner.cost, Number.MAX_SAFE_INTEGER) };
    }
  };

  const spread = (name: string, pageSize: number | undefined): Measure => {
    const key = `${name} ${pageSize}`;
    const known = fragments.get(key);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    if (fragment == null || inProgress.has(name)) return nothing;
    inProgress.add(name);
    const measure = selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pageSize);
    inProgress.delete(name);
    fragments.set(key, measure);
    return measure;
  };

  return selections(operation.selectionSet, rootType(schema, operation), undefined);
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLNamedType | undefined {
  return schema.getRootType(operation.operation) ?? undefined;
}

/** True for a field asked for `transitive: true` (a literal; a variable may be true too). */
function isTransitive(node: FieldNode): boolean {
  const value = node.arguments?.find((argument) => argument.name.value === 'transitive')?.value;
  return value !== undefined && (value.kind === Kind.VARIABLE || (value.kind === Kind.BOOLEAN && value.value));
}

/** The depth a lineage field asks for: its literal `depth` (within 1 to the cap), the default when absent, the cap when a variable. */
function depthOf(node: FieldNode, argument: GraphQLArgument): number {
  const depth = node.arguments?.find((a) => a.name.value === 'depth')?.value;
  // graphql-js 17 keeps an SDL default as its literal.
  const literal = argument.default?.literal;
  if (depth === undefined || depth.kind === Kind.NULL) return literal?.kind === Kind.INT ? Number(literal.value) : maxLineageDepth;
  if (depth.kind === Kind.INT) return Math.min(Math.max(Number(depth.value), 1), maxLineageDepth);
  return maxLineageDepth;
}

/** The page a connection field asks for: its literal `first`, the default when absent, the cap when a variable. */
function pageSizeOf(node: FieldNode): number {
  const first = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
  if (first === undefined || first.kind === Kind.NULL) return defaultPageSize;
  if (first.kind === Kind.INT) return Math.min(Math.max(Number(first.value), 1), maxPageSize);
  return maxPageSize;
}
