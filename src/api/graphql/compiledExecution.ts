/**
 * Executing the documents clients repeat as compiled code (graphql-jit). graphql-js 17 runs every
 * field through generic code that allocates a null-prototype (dictionary-mode) object for each
 * field's arguments and each result object: on the discovery queries that was most of a request's
 * garbage and a third of its CPU. A compiled query is straight-line JavaScript that builds plain
 * objects. A document is compiled on its second execution, so one-off documents never pay for
 * compiling (and only documents the document cache keeps are the same object twice); mutations,
 * subscriptions and documents the compiler refuses run on graphql-js.
 */
import { coerceInputLiteral, execute, getOperationAST, isInterfaceType, isObjectType, type DocumentNode, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** What became of an operation of a document: run once so far, compiled, or left to graphql-js. */
type Plan = 'seen' | 'interpret' | CompiledQuery;

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
      if (next === 'interpret') return execute(args);
      return next.query(args.rootValue, args.contextValue, args.variableValues ?? {});
    }
    return plan.query(args.rootValue, args.contextValue, args.variableValues ?? {});
  };
}

function compile(args: Parameters<typeof execute>[0]): CompiledQuery | 'interpret' {
  if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return 'interpret';
  defaultsAsValues(args.schema);
  const compiled = compileQuery(args.schema, args.document, args.operationName ?? undefined);
  return isCompiledQuery(compiled) ? compiled : 'interpret';
}

const withValueDefaults = new WeakSet<GraphQLSchema>();

/**
 * graphql-jit (0.8.9) reads an argument's default only as a value (`default.value`); a schema built
 * from SDL has them as literals (`default.literal`, graphql 17), which it would leave undefined. They
 * are coerced to values once per schema; graphql-js reads either form the same way.
 */
function defaultsAsValues(schema: GraphQLSchema): void {
  if (withValueDefaults.has(schema)) return;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args) {
        const literal = argument.default?.literal;
        if (literal !== undefined) (argument as { default: GraphQLArgument['default'] }).default = { value: coerceInputLiteral(literal, argument.type) };
      }
    }
  }
  withValueDefaults.add(schema);
}
