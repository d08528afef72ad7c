/**
 * OWL/XML (W3C "OWL 2 Web Ontology Language XML Serialization", as Protégé writes it) read into
 * the events of ./OwlSyntax.ts, streaming: saxes is fed chunk by chunk, only the tree of the
 * top-level element being read is held, and each axiom is yielded once its end tag is read.
 * OWL/XML's element names are the functional syntax's keywords, so most elements become the
 * construct they name; the few that carry attributes or differ in shape are settled here (see
 * OwlSyntax.ts). Elements outside the OWL namespace are errors: the OWL/XML schema admits none.
 * Positions are those of each start tag's `<` (1-based line and column, a column counting
 * characters).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { OntomeshError } from '../../errors/index.ts';
import { installDoctypeEntities } from '../parsers/doctypeEntities.ts';
import { saxesErrorPosition } from '../parsers/saxesErrorPosition.ts';
import { entityTypes, type OwlConstruct, type OwlEvent, type OwlLiteral, type OwlNode, type OwlPosition } from './OwlSyntax.ts';
import {
  OWL_NAMESPACE, plainLiteral, predeclaredPrefixes, RDF_LANG_STRING, RDF_NAMESPACE, RDF_PLAIN_LITERAL, appendToBase, resolveIri, XSD_NON_NEGATIVE_INTEGER, XSD_STRING,
} from './readerTerms.ts';
import { trackTagStarts } from './tagStarts.ts';

const cardinalities = new Set(['ObjectMinCardinality', 'ObjectMaxCardinality', 'ObjectExactCardinality', 'DataMinCardinality', 'DataMaxCardinality', 'DataExactCardinality']);
/** Elements whose content is text (the rest hold elements and whitespace). */
const textElements = new Set(['IRI', 'AbbreviatedIRI', 'Literal', 'Import']);
/** Elements with no element content. */
const leaves = new Set([...entityTypes, ...textElements, 'AnonymousIndividual', 'Variable', 'Prefix']);

/** An open element. */
interface Frame extends OwlPosition {
  readonly name: string;
  readonly attributes: Record<string, SaxesAttributeNS>;
  /** The base IRI in scope (xml:base of this element or the nearest ancestor, else the document's). */
  readonly base: string;
  readonly args: OwlNode[];
  text: string;
}

/**
 * Reads an OWL/XML document into OWL events, in document order: the prefixes, the `ontology`
 * event (once the prefixes before the first other element are read), then imports, ontology
 * annotations and axioms as each is complete.
 *
 * @throws OntomeshError `RDF_SYNTAX` (with file, line and column) on malformed XML, a root other
 *   than OWL's `Ontology`, an element outside the OWL namespace, a missing attribute, an
 *   undeclared prefix or a bad entity declaration; nothing is yielded after it.
 * @example
 * for await (const event of readOwlXml(chunks, { baseIRI: 'file:///pizza.owl', file: 'pizza.owl' })) console.log(event.type);
 */
export async function* readOwlXml(chunks: AsyncIterable<string>, options: { baseIRI: string; file?: string }): AsyncGenerator<OwlEvent> {
  const reader = new OwlXmlReader(options.baseIRI, options.file);
  for await (const chunk of chunks) {
    reader.write(chunk);
    yield* reader.take();
  }
  reader.close();
  yield* reader.take();
}

/** The push side: saxes' callbacks build the current top-level element and queue events. */
class OwlXmlReader {
  readonly #sax = new SaxesParser({ xmlns: true, position: true });
  readonly #tagStart: () => OwlPosition;
  readonly #file: string | undefined;
  readonly #baseIRI: string;
  readonly #prefixes = new Map(predeclaredPrefixes);
  readonly #stack: Frame[] = [];
  #queue: OwlEvent[] = [];
  #ontology: OwlEvent | undefined;

  constructor(baseIRI: string, file: string | undefined) {
    this.#baseIRI = baseIRI;
    this.#file = file;
    this.#tagStart = trackTagStarts(this.#sax);
    this.#sax.on('doctype', (doctype) => {
      const fault = installDoctypeEntities(this.#sax, doctype);
      if (fault) throw this.#error(fault.message, fault);
    });
    this.#sax.on('opentag', (tag) => this.#open(tag));
    this.#sax.on('closetag', () => this.#close());
    this.#sax.on('text', (text) => this.#text(text));
    this.#sax.on('cdata', (text) => this.#text(text));
  }

  write(chunk: string): void {
    this.#run(() => this.#sax.write(chunk));
  }

  close(): void {
    this.#run(() => this.#sax.close());
  }

  /** The events queued since the last call. */
  take(): OwlEvent[] {
    const events = this.#queue;
    this.#queue = [];
    return events;
  }

  #run(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof OntomeshError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      const at = saxesErrorPosition(text);
      throw this.#error(at ? at.message : text, at, error);
    }
  }

  #open(tag: SaxesTagNS): void {
    const position = this.#tagStart();
    const parent = this.#stack.at(-1);
    const display = `<${tag.name}>`;
    if (tag.uri !== OWL_NAMESPACE) {
      throw this.#error(parent
        ? `${display} (namespace ${tag.uri ? tag.uri : 'none'}) is not an OWL/XML element: OWL/XML allows only elements of the namespace ${OWL_NAMESPACE}`
        : `Expected the OWL/XML root element <Ontology> of the namespace ${OWL_NAMESPACE}, found ${display}${tag.uri === RDF_NAMESPACE ? ' (is this RDF/XML?)' : ''}`, position);
    }
    if (!parent && tag.local !== 'Ontology') throw this.#error(`Expected the OWL/XML root element <Ontology>, found ${display}`, position);
    if (parent && leaves.has(parent.name)) throw this.#error(`<${parent.name}> cannot contain elements, found ${display}`, position);
    const xmlBase = tag.attributes['xml:base']?.value;
    const inherited = parent?.base ?? this.#baseIRI;
    const frame: Frame = { name: tag.local, attributes: tag.attributes, base: xmlBase === undefined ? inherited : resolveIri(xmlBase, inherited), args: [], text: '', ...position };
    this.#stack.push(frame);
    if (!parent) return;
    const topLevel = this.#stack.length === 2;
    if (topLevel && frame.name === 'Prefix') {
      const name = this.#attribute(frame, 'name');
      const iri = appendToBase(this.#attribute(frame, 'IRI'), frame.base);
      this.#prefixes.set(name, iri);
      this.#queue.push({ type: 'prefix', name, iri });
    } else if (topLevel && !this.#ontology) {
      this.#openOntology();
    }
  }

  /** The `ontology` event, from the root's attributes: after the prefixes written before the first other element. */
  #openOntology(): void {
    const root = this.#stack[0]!;
    const iri = root.attributes.ontologyIRI?.value;
    const versionIri = root.attributes.versionIRI?.value;
    this.#ontology = {
      type: 'ontology',
      ...(iri === undefined ? {} : { iri: appendToBase(iri.trim(), root.base) }),
      ...(versionIri === undefined ? {} : { versionIri: appendToBase(versionIri.trim(), root.base) }),
      line: root.line,
      column: root.column,
    };
    this.#queue.push(this.#ontology);
  }

  #close(): void {
    const frame = this.#stack.pop()!;
    const parent = this.#stack.at(-1);
    if (!parent) {
      if (!this.#ontology) this.#openOntology();
      return;
    }
    if (frame.name === 'Prefix' && this.#stack.length === 1) return;
    if (frame.name === 'Import' && this.#stack.length === 1) {
      this.#queue.push({ type: 'import', iri: appendToBase(frame.text.trim(), frame.base), line: frame.line, column: frame.column });
      return;
    }
    const nodes = this.#nodes(frame);
    if (this.#stack.length > 1) {
      parent.args.push(...nodes);
    } else {
      const construct = nodes[0] as OwlConstruct;
      this.#queue.push(construct.name === 'Annotation' ? { type: 'annotation', annotation: construct } : { type: 'axiom', axiom: construct });
    }
  }

  #text(text: string): void {
    const frame = this.#stack.at(-1);
    if (!frame) return;
    if (textElements.has(frame.name)) frame.text += text;
    else if (text.trim()) throw this.#error(`Text is not allowed inside <${frame.name}>, found "${text.trim().slice(0, 40)}"`, frame);
  }

  /** What a closed element stands for in its parent's arguments (FacetRestriction stands for two). */
  #nodes(frame: Frame): OwlNode[] {
    const { name, args, base } = frame;
    const construct = (nodeArgs: readonly OwlNode[]): OwlConstruct => ({ type: 'construct', name, args: nodeArgs, line: frame.line, column: frame.column });
    if (entityTypes.has(name) || name === 'Variable') return [construct([this.#entityIri(frame)])];
    switch (name) {
      case 'IRI':
        return [{ type: 'iri', iri: appendToBase(frame.text.trim(), base) }];
      case 'AbbreviatedIRI':
        return [{ type: 'iri', iri: this.#expand(frame.text.trim(), frame) }];
      case 'AnonymousIndividual':
        return [{ type: 'anonymous', nodeId: this.#attribute(frame, 'nodeID') }];
      case 'Literal':
        return [this.#literal(frame)];
      case 'FacetRestriction':
        return [{ type: 'iri', iri: appendToBase(this.#attribute(frame, 'facet').trim(), base) }, ...args];
      case 'BuiltInAtom':
        return [construct([this.#entityIri(frame), ...args])];
      case 'HasKey':
        return [construct(hasKeyArgs(args))];
    }
    if (cardinalities.has(name)) {
      const cardinality = this.#attribute(frame, 'cardinality').trim();
      if (!/^[0-9]+$/.test(cardinality)) throw this.#error(`<${name}> has cardinality="${cardinality}", which is not a non-negative integer`, frame);
      return [construct([{ type: 'literal', value: cardinality, datatype: XSD_NON_NEGATIVE_INTEGER }, ...args])];
    }
    return [construct(args)];
  }

  /** The IRI of an element that names one by its `IRI` or `abbreviatedIRI` attribute. */
  #entityIri(frame: Frame): OwlNode {
    const iri = frame.attributes.IRI?.value;
    const abbreviated = frame.attributes.abbreviatedIRI?.value;
    if ((iri === undefined) === (abbreviated === undefined)) {
      throw this.#error(`<${frame.name}> needs exactly one of the attributes IRI and abbreviatedIRI, found ${iri === undefined ? 'neither' : 'both'}`, frame);
    }
    return { type: 'iri', iri: iri === undefined ? this.#expand(abbreviated!.trim(), frame) : appendToBase(iri.trim(), frame.base) };
  }

  /** The IRI an abbreviated IRI (`prefix:local`) stands for. */
  #expand(abbreviated: string, frame: Frame): string {
    const colon = abbreviated.indexOf(':');
    if (colon < 0) throw this.#error(`"${abbreviated}" in <${frame.name}> is not an abbreviated IRI (prefix:name)`, frame);
    const prefix = abbreviated.slice(0, colon);
    const namespace = this.#prefixes.get(prefix);
    if (namespace === undefined) throw this.#error(`The prefix "${prefix}" of "${abbreviated}" in <${frame.name}> is not declared (declare it with <Prefix name="${prefix}" IRI="..."/>)`, frame);
    return namespace + abbreviated.slice(colon + 1);
  }

  /** A literal with its datatype settled: rdf:PlainLiteral becomes xsd:string or rdf:langString. */
  #literal(frame: Frame): OwlLiteral {
    const value = frame.text;
    const declared = frame.attributes.datatypeIRI?.value;
    const datatype = declared === undefined ? RDF_PLAIN_LITERAL : appendToBase(declared.trim(), frame.base);
    const language = frame.attributes['xml:lang']?.value;
    if (datatype === RDF_PLAIN_LITERAL) {
      if (language) return { type: 'literal', value, datatype: RDF_LANG_STRING, language };
      // Without datatypeIRI the text is the literal; an explicit rdf:PlainLiteral is in its own lexical form, `text@language`.
      return declared === undefined ? { type: 'literal', value, datatype: XSD_STRING } : plainLiteral(value);
    }
    if (datatype !== RDF_LANG_STRING) return { type: 'literal', value, datatype };
    if (!language) throw this.#error('A <Literal> of rdf:langString needs an xml:lang attribute', frame);
    return { type: 'literal', value, datatype, language };
  }

  #attribute(frame: Frame, name: string): string {
    const value = frame.attributes[name]?.value;
    if (value === undefined) throw this.#error(`<${frame.name}> needs the attribute ${name}`, frame);
    return value;
  }

  #error(message: string, at: OwlPosition | undefined, cause?: unknown): OntomeshError {
    return new OntomeshError('RDF_SYNTAX', message, { file: this.#file, line: at?.line, column: at?.column }, {}, cause === undefined ? undefined : { cause });
  }
}

/** HasKey's arguments in the functional syntax's shape: annotations, the class expression, then its object and its data properties as two groups. */
function hasKeyArgs(args: readonly OwlNode[]): OwlNode[] {
  const annotations = args.filter((arg) => arg.type === 'construct' && arg.name === 'Annotation');
  const [classExpression, ...properties] = args.slice(annotations.length);
  const isData = (arg: OwlNode) => arg.type === 'construct' && arg.name === 'DataProperty';
  return [
    ...annotations,
    ...(classExpression ? [classExpression] : []),
    { type: 'group', items: properties.filter((arg) => !isData(arg)) },
    { type: 'group', items: properties.filter(isData) },
  ];
}
