/**
 * RDF/XML, written by us, streaming. rdflib's serializer (v2.4) writes invalid RDF/XML for
 * blank-node lists (`rdf:parseType="Resource"` around an `rdf:Description`) and duplicates
 * shared blank nodes (DPV is not isomorphic after a round trip), and it needs the whole graph in
 * memory; the syntax itself streams well: one node element per run of statements of a subject,
 * blank nodes as `rdf:nodeID`, the subject's first suitable `rdf:type` as the element name.
 * Graph names are dropped (RDF/XML has none). Namespaces not declared on the root are declared
 * on the element that uses them.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { OntomeshError } from '../../errors/index.ts';
import { blankLabel, groupBySubject, safePrefixes } from './terms.ts';
import type { TextOutput } from './TextOutput.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = `${RDF}langString`;
/** RDF/XML reserves these names in the rdf namespace: they cannot be property (or node) element names. */
const reservedRdfNames = new Set(['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID']);
const nameStart = String.raw`A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const nameChar = String.raw`${nameStart}\-.0-9\xB7\u0300-\u036F\u203F\u2040`;
/** The longest suffix of an IRI that is an XML NCName (XML 1.0 fifth edition). */
const ncnameSuffix = new RegExp(`[${nameStart}][${nameChar}]*$`, 'u');
const ncname = new RegExp(`^[${nameStart}][${nameChar}]*$`, 'u');
/** Characters XML 1.0 cannot carry, not even as character references. */
const nonXmlChar = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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

function writeProperty(quad: Quad, namespaces: Namespaces, output: TextOutput): void {
  const iri = quad.predicate.value;
  const qname = namespaces.qname(iri);
  if (!qname || (qname.prefix === 'rdf' && reservedRdfNames.has(qname.local))) {
    throw unsupported(`the predicate <${iri}> has no XML name RDF/XML can use`, quad);
  }
  const name = `${qname.prefix}:${qname.local}`;
  const object = quad.object;
  if (object.termType === 'NamedNode' || object.termType === 'BlankNode') {
    output.write(`    <${name}${qname.declaration} ${identify(object, 'resource')}/>\n`);
  } else if (object.termType === 'Literal') {
    if (nonXmlChar.test(object.value)) throw unsupported('a literal contains a character XML 1.0 cannot represent', quad);
    if ((object as Literal & { direction?: string }).direction) throw unsupported('a literal has a base direction', quad);
    output.write(`    <${name}${qname.declaration}${literalAttributes(object)}>${escapeText(object.value)}</${name}>\n`);
  } else {
    throw unsupported(`a ${object.termType} object has no RDF/XML form`, quad);
  }
}

function identify(term: Term, attribute: 'about' | 'resource'): string {
  return term.termType === 'BlankNode' ? `rdf:nodeID="${blankLabel(term.value)}"` : `rdf:${attribute}="${escapeAttribute(term.value)}"`;
}

function literalAttributes(literal: Literal): string {
  if (literal.language) return ` xml:lang="${escapeAttribute(literal.language)}"`;
  const datatype = literal.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? '' : ` rdf:datatype="${escapeAttribute(datatype)}"`;
}

function unsupported(reason: string, quad: Quad): OntomeshError {
  return new OntomeshError('UNSUPPORTED_FORMAT', `Cannot write RDF/XML: ${reason} (subject ${quad.subject.value}); export as Turtle or N-Triples instead`,
    { term: quad.predicate.value });
}

/** Prefixes for namespaces: those given, and generated ones (declared where used) for the rest. */
class Namespaces {
  readonly #byNamespace = new Map<string, string>([[RDF, 'rdf']]);
  readonly #generated = new Map<string, string>();
  readonly #cache = new Map<string, QName | undefined>();

  constructor(prefixes: Record<string, string> | undefined) {
    for (const [prefix, iri] of Object.entries(safePrefixes(prefixes))) {
      if (ncname.test(prefix) && !/^xml/i.test(prefix) && prefix !== 'rdf' && !this.#byNamespace.has(iri)) this.#byNamespace.set(iri, prefix);
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
