/**
 * RDF/XML, written by us, streaming. rdflib's serializer (v2.4) writes invalid RDF/XML for
 * blank-node lists (`rdf:parseType="Resource"` around an `rdf:Description`) and duplicates
 * shared blank nodes (DPV is not isomorphic after a round trip), and it needs the whole graph in
 * memory; the syntax itself streams well: one node element per run of statements of a subject,
 * blank nodes as `rdf:nodeID`, the subject's first suitable `rdf:type` as the element name.
 * Graph names are dropped (RDF/XML has none). Namespaces not declared on the root are declared
 * on the element that uses them. RDF 1.2 terms are written as RDF 1.2 XML Syntax writes them, marked
 * `rdf:version="1.2"` on the property element that carries them (a graph without them stays RDF 1.1):
 * a triple term as `rdf:parseType="Triple"` around its triple, a base direction as ITS 2.0 `its:dir`.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { OntomeshError } from '../../errors/index.ts';
import { blankLabel, groupBySubject, safePrefixes, termText } from './terms.ts';
import type { TextOutput } from './TextOutput.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = `${RDF}langString`;
/** W3C Internationalization Tag Set: `its:dir` gives a literal's base direction (RDF 1.2 XML Syntax). */
const ITS = 'http://www.w3.org/2005/11/its';
/** RDF/XML reserves these names in the rdf namespace: they cannot be property (or node) element names. */
const reservedRdfNames = new Set(['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID']);
const nameStart = String.raw`A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const nameChar = String.raw`${nameStart}\-.0-9\xB7\u0300-\u036F\u203F\u2040`;
/** The longest suffix of an IRI that is an XML NCName (XML 1.0 fifth edition). */
const ncnameSuffix = new RegExp(`[${nameStart}][${nameChar}]*$`, 'u');
const ncname = new RegExp(`^[${nameStart}][${nameChar}]*$`, 'u');
/** Characters XML 1.0 cannot carry, not even as character references. */
const nonXmlChar = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Prefixes the writer binds itself: `rdf` on the root, `its` on the elements of literals with a base direction. */
const reservedPrefixes = new Set(['rdf', 'its']);

interface QName { prefix: string; local: string; declaration: string }

/** Writes all batches as one RDF/XML document. */
export async function writeRdfXml(quads: AsyncIterable<Quad[]>, output: TextOutput, options: { prefixes?: Record<string, string> }): Promise<void> {
  const namespaces = new Namespaces(options.prefixes);
  output.write(`<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces.rootDeclarations()}>\n`);
  let subject: Quad['subject'] | undefined;
  let statements: Quad[] = [];
  for await (const batch of quads) {
    for (const quad of groupBySubject(batch)) {
      if (subject && !subject.equals(quad.subject)) {
        writeNode(subject, statements, namespaces, output);
        statements = [];
      }
      subject = quad.subject;
      statements.push(quad);
    }
    await output.flushIfFull();
  }
  if (subject) writeNode(subject, statements, namespaces, output);
  output.write('</rdf:RDF>\n');
  await output.flush();
}

function writeNode(subject: Quad['subject'], statements: Quad[], namespaces: Namespaces, output: TextOutput): void {
  const typeIndex = statements.findIndex((q) => q.predicate.value === `${RDF}type` && q.object.termType === 'NamedNode'
    && !q.object.value.startsWith(RDF) && namespaces.qname(q.object.value) !== undefined);
  const element = typeIndex < 0 ? { prefix: 'rdf', local: 'Description', declaration: '' } : namespaces.qname(statements[typeIndex]!.object.value)!;
  const name = `${element.prefix}:${element.local}`;
  output.write(`  <${name}${element.declaration} ${identify(subject, 'about')}>\n`);
  statements.forEach((quad, index) => {
    if (index !== typeIndex) writeProperty(quad, namespaces, output);
  });
  output.write(`  </${name}>\n`);
}

function writeProperty(triple: Quad, namespaces: Namespaces, output: TextOutput, indent = '    '): void {
  const iri = triple.predicate.value;
  const qname = namespaces.qname(iri);
  if (!qname) throw unsupported(`the predicate ${termText(triple.predicate)} ends in no XML NCName, so it cannot be a property element's name`, triple, triple.predicate);
  if (qname.prefix === 'rdf' && reservedRdfNames.has(qname.local)) {
    throw unsupported(`the predicate ${termText(triple.predicate)} is rdf:${qname.local}, a name RDF/XML reserves for its syntax`, triple, triple.predicate);
  }
  const name = `${qname.prefix}:${qname.local}`;
  const object = triple.object;
  switch (object.termType) {
    case 'NamedNode':
    case 'BlankNode':
      output.write(`${indent}<${name}${qname.declaration} ${identify(object, 'resource')}/>\n`);
      return;
    case 'Literal': {
      const badChar = nonXmlChar.exec(object.value)?.[0];
      if (badChar !== undefined) {
        throw unsupported(`the literal ${termText(object)} contains U+${badChar.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, a character XML 1.0 cannot represent`, triple, object);
      }
      output.write(`${indent}<${name}${qname.declaration}${literalAttributes(object)}>${escapeText(object.value)}</${name}>\n`);
      return;
    }
    case 'Quad':
      output.write(`${indent}<${name}${qname.declaration} rdf:version="1.2" rdf:parseType="Triple">\n`);
      writeTripleTerm(object as Quad, namespaces, output, `${indent}  `);
      output.write(`${indent}</${name}>\n`);
      return;
    default:
      throw unsupported(`a ${object.termType} object has no RDF/XML form`, triple, object);
  }
}

/** The one triple of an `rdf:parseType="Triple"` property element. */
function writeTripleTerm(triple: Quad, namespaces: Namespaces, output: TextOutput, indent: string): void {
  if (triple.subject.termType !== 'NamedNode' && triple.subject.termType !== 'BlankNode') {
    throw unsupported(`the triple term ${termText(triple)} has a subject that is no IRI or blank node`, triple, triple);
  }
  output.write(`${indent}<rdf:Description ${identify(triple.subject, 'about')}>\n`);
  writeProperty(triple, namespaces, output, `${indent}  `);
  output.write(`${indent}</rdf:Description>\n`);
}

function identify(term: Term, attribute: 'about' | 'resource'): string {
  return term.termType === 'BlankNode' ? `rdf:nodeID="${blankLabel(term.value)}"` : `rdf:${attribute}="${escapeAttribute(term.value)}"`;
}

function literalAttributes(literal: Literal): string {
  const direction = (literal as Literal & { direction?: string }).direction;
  if (literal.language && direction) {
    return ` xml:lang="${escapeAttribute(literal.language)}" rdf:version="1.2" xmlns:its="${ITS}" its:version="2.0" its:dir="${escapeAttribute(direction)}"`;
  }
  if (literal.language) return ` xml:lang="${escapeAttribute(literal.language)}"`;
  const datatype = literal.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? '' : ` rdf:datatype="${escapeAttribute(datatype)}"`;
}

function unsupported(reason: string, triple: Quad, offending: Term): OntomeshError {
  return new OntomeshError('UNSUPPORTED_FORMAT', `Cannot write RDF/XML: ${reason} (in the triple of subject ${termText(triple.subject)}); export as Turtle or N-Triples instead`,
    { term: termText(offending) });
}

/** Prefixes for namespaces: those given, and generated ones (declared where used) for the rest. */
class Namespaces {
  readonly #byNamespace = new Map<string, string>([[RDF, 'rdf']]);
  readonly #generated = new Map<string, string>();
  readonly #cache = new Map<string, QName | undefined>();

  constructor(prefixes: Record<string, string> | undefined) {
    for (const [prefix, iri] of Object.entries(safePrefixes(prefixes))) {
      if (ncname.test(prefix) && !/^xml/i.test(prefix) && !reservedPrefixes.has(prefix) && !this.#byNamespace.has(iri)) this.#byNamespace.set(iri, prefix);
    }
  }

  rootDeclarations(): string {
    return [...this.#byNamespace].map(([iri, prefix]) => `\n    xmlns:${prefix}="${escapeAttribute(iri)}"`).join('');
  }

  /** The element name of an IRI, or undefined when no suffix of it is an NCName. */
  qname(iri: string): QName | undefined {
    if (this.#cache.has(iri)) return this.#cache.get(iri);
    const local = ncnameSuffix.exec(iri)?.[0];
    let qname: QName | undefined;
    if (local !== undefined && local.length < iri.length) {
      const namespace = iri.slice(0, iri.length - local.length);
      const declared = this.#byNamespace.get(namespace);
      if (declared) qname = { prefix: declared, local, declaration: '' };
      else {
        let prefix = this.#generated.get(namespace);
        if (!prefix) this.#generated.set(namespace, (prefix = this.#freshPrefix()));
        qname = { prefix, local, declaration: ` xmlns:${prefix}="${escapeAttribute(namespace)}"` };
      }
    }
    this.#cache.set(iri, qname);
    return qname;
  }

  #freshPrefix(): string {
    const taken = new Set([...this.#byNamespace.values(), ...this.#generated.values()]);
    let n = this.#generated.size + 1;
    while (taken.has(`ns${n}`)) n++;
    return `ns${n}`;
  }
}

function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}
