/**
 * An estimate of the Azure Cosmos DB request units (RU) a Gremlin script would be charged, for the
 * load benchmark: TinkerPop reports no charges, so a proxy applies this model to every script sent
 * (retries included). It is a model, not a measurement. Cosmos charges for the documents a traversal
 * reads and writes (each vertex and each edge is a JSON document), so the model reads the script
 * step by step and charges:
 *
 * - 1 RU for each document read: every id looked up with `V(…)`, the out-edges read by `outE()`, the
 *   vertex reached with `outV()`/`inV()` (a point read of an item up to 1 KB costs 1 RU);
 * - 5.5 RU per started KB for each document created by `addV`/`addE`, with the values of the
 *   properties set in the same chain (an insert of a 1 KB item costs about 5.5 RU with the default
 *   indexing policy);
 * - 10 RU for each `property()` step on a vertex that was read, not created (a replace of the vertex
 *   document, a little larger than 1 KB);
 * - nothing for the other steps (`inject`, `union`, `count`, filters on a document already read).
 */

interface Position {
  /** What the traversal at this nesting level is on: a stored element, a new document, or nothing yet. */
  on: 'stored' | 'new' | 'none';
  /** Bytes of the document being created. */
  document?: { bytes: number };
}

/** Steps whose arguments are traversals starting on the incoming traverser. */
const nestedSteps = new Set(['union', 'coalesce', 'optional', 'not', 'local', 'to', 'from', 'where', 'and', 'or']);

/**
 * The estimated charge of one script with its bindings.
 *
 * @example
 * estimateRequestUnits("g.V(x0).has('pk', x1).property(list, 'f', x2)", { x0: 'a', x1: 'p', x2: 'v' }) // 1 + 10
 */
export function estimateRequestUnits(script: string, bindings: Record<string, unknown>): number {
  const bytesOf = (name: string) => {
    const value = bindings[name];
    return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value ?? ''));
  };
  let charge = 0;
  const documents: { bytes: number }[] = [];
  const stack: Position[] = [{ on: 'none' }];
  const pattern = /([A-Za-z_]\w*)\(|\)/g;
  for (let match = pattern.exec(script); match; match = pattern.exec(script)) {
    if (match[0] === ')') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const step = match[1]!;
    const here = stack[stack.length - 1]!;
    const args = argumentsAt(script, pattern.lastIndex);
    const names = args.match(/\bx\d+\b/g) ?? [];
    if (step === 'V') {
      charge += Math.max(1, names.length);
      here.on = 'stored';
      delete here.document;
    } else if (step === 'addV' || step === 'addE') {
      const document = { bytes: 200 + names.reduce((sum, name) => sum + bytesOf(name), 0) };
      documents.push(document);
      here.on = 'new';
      here.document = document;
    } else if (step === 'property') {
      if (here.on === 'new') here.document!.bytes += names.reduce((sum, name) => sum + bytesOf(name), 0);
      else if (here.on === 'stored') charge += 10;
    } else if (step === 'outE' || step === 'outV' || step === 'inV') {
      charge += 1;
      here.on = 'stored';
      delete here.document;
    }
    // The arguments of every step are a nesting level: traversals in them start on the incoming traverser.
    stack.push(nestedSteps.has(step) ? { ...here } : { on: 'none' });
  }
  return charge + documents.reduce((sum, document) => sum + 5.5 * Math.ceil(document.bytes / 1024), 0);
}

/** The text between the parenthesis before `start` and its match. */
function argumentsAt(script: string, start: number): string {
  let depth = 1;
  for (let i = start; i < script.length; i++) {
    if (script[i] === '(') depth++;
    else if (script[i] === ')' && --depth === 0) return script.slice(start, i);
  }
  return script.slice(start);
}
