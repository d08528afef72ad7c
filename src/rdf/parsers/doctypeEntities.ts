/**
 * A document type declaration's internal entities installed into a saxes parser, for every XML
 * syntax read with saxes (RDF/XML through rdfxml-streaming-parser's copy of saxes, OWL/XML through
 * saxes itself): the values expanded (./internalEntities.ts) and their use in the document bounded.
 */
import { ENTITY_LIMITS, EntityDeclarationError, internalEntities } from './internalEntities.ts';

/** The parts of a saxes parser (saxes, or the copy rdfxml-streaming-parser keeps) this module uses. */
export interface EntityParser {
  ENTITIES: Record<string, string>;
  /** 1-based line of the next character. */
  readonly line: number;
  /** Characters read on the line (so the 1-based column of the last one read). */
  readonly column: number;
  readonly position: number;
  fail(message: string): unknown;
}

/** A faulty entity declaration: where it starts (1-based) and what is wrong with it. */
export interface EntityFault {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Installs the internal entities declared in `doctype` (the text saxes reports between `<!DOCTYPE`
 * and the closing `>`, called from its doctype handler, so it is just past that `>`).
 *
 * @returns the fault of the first bad declaration (nothing is installed then), else `undefined`.
 * @example
 * sax.on('doctype', (doctype) => { const fault = installDoctypeEntities(sax, doctype); if (fault) fail(fault); });
 */
export function installDoctypeEntities(sax: EntityParser, doctype: string): EntityFault | undefined {
  let entities: Record<string, string>;
  try {
    entities = internalEntities(doctype);
  } catch (error) {
    if (!(error instanceof EntityDeclarationError)) throw error;
    // saxes is just past the doctype's `>`; count back to where the declaration starts.
    const after = doctype.slice(error.offset);
    const linesAfter = after.split('\n').length - 1;
    const column = linesAfter > 0 ? error.offset - doctype.lastIndexOf('\n', error.offset - 1) : sax.column - after.length;
    return { line: sax.line - linesAfter, column, message: error.message };
  }
  if (Object.keys(entities).length === 0) return undefined;
  Object.assign(sax.ENTITIES, entities);
  boundEntityExpansion(sax);
  return undefined;
}

/**
 * Bounds what entity references add to the document: a large entity referenced many times (a
 * quadratic blowup) passes the bound on the declarations. Installed only for documents that
 * declare entities, so others pay nothing per reference.
 */
function boundEntityExpansion(sax: EntityParser): void {
  // saxes resolves every reference through this method, which its types keep private.
  const internal = sax as unknown as { parseEntity(entity: string): string };
  const resolve = internal.parseEntity.bind(sax);
  let added = 0;
  internal.parseEntity = (entity) => {
    const text = resolve(entity);
    if (added < 0) return '';
    added += text.length;
    if (added <= ENTITY_LIMITS.amplificationFloor + ENTITY_LIMITS.amplification * sax.position) return text;
    added = -1;
    sax.fail(`Entity references expand the document more than ${ENTITY_LIMITS.amplification} times (entities that multiply each other, as in a "billion laughs" document?)`);
    return '';
  };
}
