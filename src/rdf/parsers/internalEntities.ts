/**
 * The internal general entities of an XML document type declaration, expanded. saxes substitutes
 * an entity's value verbatim, so a value that refers to other entities (`<!ENTITY onto "&base;#">`,
 * common in hand-edited RDF/XML) must be expanded before it is handed over, as XML 1.0 §4.5 (the
 * replacement text) and §4.4.2 (its references are recognised when it is included) define. The
 * expansion is bounded, so a "billion laughs" declaration fails instead of exhausting memory.
 * External entities are never read: a value that refers to one is an error.
 */

/** Bounds on the expansion of one document type declaration's entities. */
export const ENTITY_LIMITS = {
  /** Characters all expanded values may add up to: the declarations' memory. */
  maxLength: 1 << 20,
  /** Entities nested inside one another. */
  maxDepth: 32,
  /** Characters entity references may add to a document before {@link ENTITY_LIMITS.amplification} applies. */
  amplificationFloor: 8 << 20,
  /** Characters entity references may add per character of the document (as expat bounds them). */
  amplification: 100,
} as const;

/** A fault in an entity declaration; `offset` is where the declaration starts in the doctype text. */
export class EntityDeclarationError extends Error {
  readonly offset: number;
  readonly entity: string;

  constructor(message: string, entity: string, offset: number) {
    super(message);
    this.name = 'EntityDeclarationError';
    this.entity = entity;
    this.offset = offset;
  }
}

/** Markup of an internal subset: the entity declarations, and what must be skipped to find them. */
const markup = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC))|<!(?:"[^"]*"|'[^']*'|[^"'>])*>|%[^\s%;]+;|"[^"]*"|'[^']*'/g;
/** A character reference. */
const charReference = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;
/** A reference (or a stray `&`) in a replacement text. */
const reference = /&([^&;]*)(;?)/g;
const nameStart = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const xmlName = new RegExp(`^[${nameStart}][${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*$`, 'u');
const predefined: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/**
 * The internal general entities declared in `doctype` (the text saxes reports between
 * `<!DOCTYPE` and the closing `>`), each mapped to the text it stands for. The first declaration
 * of a name binds (§4.2); declarations after a parameter entity reference are not processed, since
 * that entity is not read (§5.1).
 *
 * @throws EntityDeclarationError on a malformed value, a reference to an undeclared, external or
 *   recursive entity, or an expansion beyond {@link ENTITY_LIMITS}.
 * @example internalEntities(' rdf:RDF [ <!ENTITY b "http://e.org/"> <!ENTITY o "&b;o#"> ]') // { b: 'http://e.org/', o: 'http://e.org/o#' }
 */
export function internalEntities(doctype: string): Record<string, string> {
  const start = doctype.indexOf('[');
  const declared = new Map<string, { value: string; offset: number }>();
  const external = new Set<string>();
  if (start < 0) return {};
  markup.lastIndex = start + 1;
  for (let match = markup.exec(doctype); match; match = markup.exec(doctype)) {
    const [text, parameter, name, double, single, externalId] = match;
    if (text.startsWith('%')) break;
    // The predefined entities may be declared, but only as what they are (§4.6).
    if (name === undefined || parameter !== undefined || declared.has(name) || external.has(name) || name in predefined) continue;
    if (externalId) external.add(name);
    else declared.set(name, { value: double ?? single ?? '', offset: match.index });
  }
  const expanded = new Map<string, string>();
  const expanding = new Set<string>();
  let budget = ENTITY_LIMITS.maxLength;

  /** The replacement text of `name` with its references expanded (§4.4.2 "Included"). */
  function expand(name: string, depth: number): string {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    const { value, offset } = declared.get(name)!;
    const fail = (message: string): never => { throw new EntityDeclarationError(message, name, offset); };
    if (depth > ENTITY_LIMITS.maxDepth) fail(`Entity "${name}" is nested more than ${ENTITY_LIMITS.maxDepth} entities deep`);
    // The common case, an entity for a namespace IRI, has nothing to expand.
    let result = value;
    if (value.includes('&')) {
      expanding.add(name);
      // §4.5: character references are replaced in the literal value; the result is then parsed again.
      const replacement = value.replace(charReference, (whole, hex: string | undefined, decimal: string | undefined) =>
        character(hex === undefined ? Number(decimal) : Number.parseInt(hex, 16)) ?? fail(`Entity "${name}" contains the invalid character reference ${whole}`));
      const parts: string[] = [];
      let length = 0;
      let last = 0;
      reference.lastIndex = 0;
      for (let match = reference.exec(replacement); match; match = reference.exec(replacement)) {
        const [whole, ref = '', semicolon] = match;
        let text: string;
        if (!semicolon || !ref) {
          text = fail(`Entity "${name}" contains an "&" that does not start a reference (write &amp;)`);
        } else if (ref.startsWith('#')) {
          const code = /^#x[0-9a-fA-F]+$/.test(ref) ? Number.parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? Number(ref.slice(1)) : Number.NaN;
          text = character(code) ?? fail(`Entity "${name}" contains the invalid character reference ${whole}`);
        } else if (predefined[ref] !== undefined) {
          text = predefined[ref];
        } else if (!xmlName.test(ref)) {
          text = fail(`Entity "${name}" refers to "${whole}", which is not an entity name`);
        } else if (expanding.has(ref)) {
          text = fail(ref === name ? `Entity "${name}" refers to itself` : `Entity "${name}" refers to "${ref}", which refers to it: entities must not be recursive`);
        } else if (declared.has(ref)) {
          text = expand(ref, depth + 1);
        } else {
          text = fail(external.has(ref)
            ? `Entity "${name}" refers to the external entity "${ref}"; external entities are not read`
            : `Entity "${name}" refers to the undeclared entity "${ref}"`);
        }
        length += match.index - last + text.length;
        if (length > budget) fail(`Entity "${name}" expands beyond the limit of ${ENTITY_LIMITS.maxLength} characters for a document's entities (entities that multiply each other, as in a "billion laughs" document?)`);
        parts.push(replacement.slice(last, match.index), text);
        last = match.index + whole.length;
      }
      parts.push(replacement.slice(last));
      result = parts.join('');
      expanding.delete(name);
    }
    budget -= result.length;
    if (budget < 0) fail(`Entity "${name}" expands beyond the limit of ${ENTITY_LIMITS.maxLength} characters for a document's entities`);
    expanded.set(name, result);
    return result;
  }

  const entities: Record<string, string> = {};
  for (const name of declared.keys()) entities[name] = expand(name, 0);
  return entities;
}

/** The character with code point `code`, if it is an XML Char. */
function character(code: number): string | undefined {
  const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return valid ? String.fromCodePoint(code) : undefined;
}
