/**
 * Term helpers shared by the serializers: blank node labels every syntax accepts, grouping a
 * batch by subject, the prefixes that are safe to declare, and terms as error messages show them.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A label that is already a valid Turtle/N-Triples label and XML NCName (and contains no `.`, the escape mark). */
const plainLabel = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A blank node label valid in Turtle, N-Triples, RDF/XML (`rdf:nodeID` is an NCName) and JSON-LD.
 * Labels that are not are escaped injectively: each offending UTF-16 unit becomes `.XXXX` (hex),
 * and a label whose first character was escaped gets a leading `_` (plain labels never contain `.`).
 */
export function blankLabel(label: string): string {
  if (plainLabel.test(label)) return label;
  let escaped = '';
  for (let i = 0; i < label.length; i++) {
    const char = label[i]!;
    const keep = i === 0 ? /[A-Za-z_]/.test(char) : /[A-Za-z0-9_-]/.test(char);
    escaped += keep ? char : `.${label.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return escaped.startsWith('.') ? `_${escaped}` : escaped;
}

/**
 * A term as N-Triples 1.2 writes it, for error messages: `<iri>`, `_:label`, `"text"@lang--dir`,
 * `"text"^^<datatype>`, `<<( s p o )>>`. Literals are JSON-escaped, so control characters show as `\uXXXX`.
 */
export function termText(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      const { language, direction, datatype } = term as Literal & { direction?: string };
      const tag = language ? `@${language}${direction ? `--${direction}` : ''}` : datatype.value === XSD_STRING ? '' : `^^<${datatype.value}>`;
      return `${JSON.stringify(term.value)}${tag}`;
    }
    case 'Quad': return `<<( ${termText(term.subject)} ${termText(term.predicate)} ${termText(term.object)} )>>`;
    default: return term.value;
  }
}

/** The quads of a batch, stably ordered by graph and subject so that writers can group them. */
export function groupBySubject(batch: readonly Quad[]): Quad[] {
  const keyed = batch.map((quad): [string, Quad] => [`${termKey(quad.graph)} ${termKey(quad.subject)}`, quad]);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, quad]) => quad);
}

/** Sorts IRIs before blank nodes, so named resources come first within a batch. */
function termKey(term: Term): string {
  return `${term.termType === 'NamedNode' ? 'a' : term.termType === 'BlankNode' ? 'b' : 'c'}${term.value}`;
}

/** A Turtle PN_PREFIX (ASCII subset) or the empty prefix. */
const turtlePrefix = /^(?:[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_-]|[A-Za-z])?$/;
/** Names that are common IRI schemes: declaring them as prefixes would make `urn:x` read as a prefixed name. */
const schemeNames = new Set(['http', 'https', 'urn', 'file', 'mailto', 'tag', 'ftp', 'data', 'info', 'uuid', 'did', 'tel', 'geo', 'ni']);

/**
 * The prefixes worth declaring: valid names, not an IRI scheme, mapped to an absolute IRI.
 */
export function safePrefixes(prefixes: Record<string, string> | undefined): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [prefix, iri] of Object.entries(prefixes ?? {})) {
    if (turtlePrefix.test(prefix) && !schemeNames.has(prefix.toLowerCase()) && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]*$/.test(iri)) safe[prefix] = iri;
  }
  return safe;
}
