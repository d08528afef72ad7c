/**
 * Executing the documents clients repeat as compiled code (graphql-jit). graphql-js 17 runs every
 * field through generic code that allocates a null-prototype (dictionary-mode) object for each
 * field's arguments and each result object: on the discovery queries that was most of a request's
 * garbage and a third of its CPU. A compiled query is straight-line JavaScript that builds plain
 * objects. A document is compiled on its second execution, so one-off documents never pay for
 * compiling (and only documents the document cache keeps are the same object twice); mutations,
 * subscriptions and documents the compiler refuses run on graphql-js.
 */
import {
  coerceInputLiteral, execute, getOperationAST, getVariableValues, isInputObjectType, isInterfaceType, isObjectType,
  type DocumentNode, type ExecutionResult, type GraphQLArgument, type GraphQLInputField, type GraphQLSchema, type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type ExecutionArgs = Parameters<typeof execute>[0];

/** A compiled operation and its variable definitions. */
interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
}

/** What became of an operation of a document: run once so far, compiled, or left to graphql-js. */
type Plan = 'seen' | 'interpret' | Compiled;

/**
 * A drop-in `execute` for graphql-http's handler options.
 *
 * @example
 * createHandler({ schema, ...documentCache(), execute: compiledExecution() })
 */
export function compiledExecution(): typeof execute {
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  return (args) => {
    let byOperation = plans.get(args.document);
    if (byOperation === undefined) plans.set(args.document, (byOperation = new Map()));
    const operation = args.operationName ?? '';
    const plan = byOperation.get(operation);
    if (plan === undefined || plan === 'interpret') {
      if (plan === undefined) byOperation.set(operation, 'seen');
      return execute(args);
    }
    if (plan === 'seen') {
      const next = compile(args);
      byOperation.set(operation, next);
      return next === 'interpret' ? execute(args) : run(next, args);
    }
    return run(plan, args);
  };
}

function compile(args: ExecutionArgs): Compiled | 'interpret' {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'query') return 'interpret';
  defaultsAsValues(args.schema);
  const query = compileQuery(args.schema, args.document, args.operationName ?? undefined);
  return isCompiledQuery(query) ? { query, variables: operation.variableDefinitions ?? [] } : 'interpret';
}

/**
 * Runs a compiled operation so that clients cannot tell it from graphql-js: variables are checked by
 * graphql-js (its error messages, not graphql-jit's), and a result with errors lists them first.
 */
function run({ query, variables }: Compiled, args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> {
  const inputs = args.variableValues ?? {};
  if (variables.length > 0) {
    const checked = getVariableValues(args.schema, variables, inputs, { maxErrors: 50 });
    if (checked.errors !== undefined) return { errors: checked.errors };
  }
  const result = query.query(args.rootValue, args.contextValue, inputs);
  return isPromise(result) ? result.then(errorsFirst) : errorsFirst(result);
}

function errorsFirst(result: ExecutionResult): ExecutionResult {
  return result.errors === undefined ? result : { errors: result.errors, data: result.data, ...(result.extensions === undefined ? {} : { extensions: result.extensions }) };
}

const withValueDefaults = new WeakSet<GraphQLSchema>();

/**
 * graphql-jit (0.8.9) reads the default of an argument or an input field only as a value
 * (`default.value`); a schema built from SDL has them as literals (`default.literal`, graphql 17),
 * which it would leave undefined. They are coerced to values once per schema; graphql-js reads either
 * form the same way.
 */
function defaultsAsValues(schema: GraphQLSchema): void {
  if (withValueDefaults.has(schema)) return;
  const toValue = (input: GraphQLArgument | GraphQLInputField) => {
    const literal = input.default?.literal;
    if (literal !== undefined) (input as { default: GraphQLArgument['default'] }).default = { value: coerceInputLiteral(literal, input.type) };
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(toValue);
    else if (isInputObjectType(type)) Object.values(type.getFields()).forEach(toValue);
  }
  withValueDefaults.add(schema);
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}
