/**
 * DPROD JSON-LD as the EKGF examples write it, made ready for a standard JSON-LD parser, and
 * mapped back so SHACL results can name the JSON field at fault:
 * - the DPROD context aliases `id` to `@id` (as the DPROD specification's examples use it), yet some
 *   EKGF examples give a node both `@id` (its IRI) and `id` (a local name), which JSON-LD rejects
 *   as colliding keywords. In such a node the explicit `@id` wins and `id` is read as
 *   `identifier` (dct:identifier), with a warning;
 * - keys the context does not define are dropped by JSON-LD expansion; each one is reported as a
 *   warning naming its field, so nothing is lost silently;
 * - a node object without an identifier gets the blank node label `_:jsonptr:{its JSON Pointer}`
 *   (still a blank node, now one that says where it was written), and nodes with an IRI are indexed
 *   by it, so `fieldOf(node, predicate)` can answer with a JSON Pointer.
 */
import { dprodContext, dprodContextTerms, DPROD_CONTEXT_URL } from '../dprodContext.ts';
import type { DescriptorSource } from '../source/DescriptorSource.ts';
import { toPointer } from '../source/jsonPointer.ts';
import { ns } from '../vocabulary.ts';
import { object } from './json.ts';

/** The marker of blank node labels that carry a JSON Pointer. */
const POINTER_LABEL = 'jsonptr:';
const TERMS = dprodContext['@context'] as Record<string, unknown>;

/** The JSON-LD text to parse, the warnings about it, and the way back to its fields. */
export interface PreparedJsonLd {
  text: string;
  /** True when `text` is a re-serialization (positions in parser errors do not apply to the file). */
  rewritten: boolean;
  warnings: string[];
  /** The JSON Pointer of the member that states `predicate` of `node` (an IRI or blank node label). */
  fieldOf(node: { termType: string; value: string }, predicate?: string): string | undefined;
}

/**
 * Prepares a JSON-LD descriptor; documents that do not use the DPROD context pass unchanged.
 *
 * @example const { text, warnings } = prepareDprodJsonLd(source, originalText);
 */
export function prepareDprodJsonLd(source: DescriptorSource, original: string): PreparedJsonLd {
  const warnings: string[] = [];
  const nodesByIri = new Map<string, string>();
  const keysByNode = new Map<string, Map<string, string>>(); // pointer -> predicate IRI -> key
  let changed = false;

  const visit = (value: unknown, path: (string | number)[], terms: ReadonlySet<string> | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index], terms));
    const node = object(value);
    if (!node) return value;
    const scope = contextTerms(node['@context'], terms);
    if (!scope || '@value' in node || '@list' in node || '@set' in node) return node;
    const pointer = toPointer(path);
    const result: Record<string, unknown> = {};
    const keys = new Map<string, string>();
    for (const [key, member] of Object.entries(node)) {
      let name = key;
      if (key === 'id' && '@id' in node && !('identifier' in node)) {
        name = 'identifier';
        changed = true;
        warnings.push(`${source.file}: ${toPointer([...path, key])}: "id" beside "@id" is read as identifier (dct:identifier)`);
      } else if (!key.startsWith('@') && !key.includes(':') && !scope.has(key)) {
        warnings.push(`${source.file}: ${toPointer([...path, key])}: "${key}" is not defined by the DPROD context and is ignored`);
      }
      const predicate = expand(name);
      if (predicate && !keys.has(predicate)) keys.set(predicate, key);
      result[name] = key === '@context' ? member : visit(member, [...path, key], scope);
    }
    keysByNode.set(pointer, keys);
    const id = typeof node['@id'] === 'string' ? node['@id'] : typeof node['id'] === 'string' && !('@id' in node) ? node['id'] : undefined;
    const graph = Object.keys(node).some((key) => key === '@graph' || TERMS[key] === '@graph');
    if (id === undefined && path.length > 0 && !graph) {
      result['@id'] = `_:${POINTER_LABEL}${pointer}`;
      changed = true;
    } else if (id !== undefined && !nodesByIri.has(id)) {
      nodesByIri.set(id, pointer);
    }
    return result;
  };
  const prepared = visit(source.data, [], undefined);

  return {
    text: changed ? JSON.stringify(prepared) : original,
    rewritten: changed,
    warnings,
    fieldOf(node, predicate) {
      const at = node.value.indexOf(POINTER_LABEL);
      const pointer = node.termType === 'BlankNode' ? (at < 0 ? undefined : node.value.slice(at + POINTER_LABEL.length)) : nodesByIri.get(node.value);
      if (pointer === undefined) return undefined;
      const key = predicate === undefined ? undefined : keysByNode.get(pointer)?.get(predicate);
      return key === undefined ? pointer : `${pointer}${toPointer([key])}`;
    },
  };
}

/**
 * The terms in scope below a node: the DPROD terms plus those of inline contexts, once the DPROD
 * context is in effect; undefined while it is not.
 */
function contextTerms(context: unknown, outer: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (context === undefined) return outer;
  const entries = Array.isArray(context) ? context : [context];
  if (!outer && !entries.includes(DPROD_CONTEXT_URL)) return undefined;
  const terms = new Set(outer ?? dprodContextTerms);
  for (const entry of entries) for (const key of Object.keys(object(entry) ?? {})) terms.add(key);
  return terms;
}

/** The predicate IRI a key stands for under the DPROD context (`type` and `@type` are rdf:type). */
function expand(key: string): string | undefined {
  const definition = TERMS[key];
  if (definition === '@type' || key === '@type') return `${ns.rdf}type`;
  if (typeof definition === 'string') return definition.startsWith('@') ? undefined : definition;
  const id = object(definition)?.['@id'];
  if (typeof id === 'string') return id;
  if (key.startsWith('@')) return undefined;
  const colon = key.indexOf(':');
  const prefix = colon > 0 ? TERMS[key.slice(0, colon)] : undefined;
  return typeof prefix === 'string' ? `${prefix}${key.slice(colon + 1)}` : key.includes(':') ? key : undefined;
}
