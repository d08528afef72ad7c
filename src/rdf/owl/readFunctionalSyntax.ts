/**
 * Reads OWL 2 functional-style syntax (W3C OWL 2 Structural Specification, section 3 and its
 * grammar) as `OwlEvent`s, streaming: it holds only the token in progress and the constructs still
 * open, and yields each top-level axiom as soon as its `)` is read. It checks the grammar (balanced
 * parentheses, well-formed terms, the document's shape) and not OWL's rules (arity, which construct
 * may stand where): those are the mapping's (owlToRdf.ts).
 *
 * Positions in events and errors are 1-based lines (counted by `\n`) and columns in UTF-16 code units.
 */
import { describeNode, type OwlConstruct, type OwlEvent, type OwlIri, type OwlLiteral, type OwlNode, type OwlPosition } from './OwlSyntax.ts';
import { FunctionalSyntaxLexer, type FunctionalSyntaxToken } from './functionalSyntaxLexer.ts';
import { axiomKeywords } from './owlKeywords.ts';
import { plainLiteral, predeclaredPrefixes, RDF_LANG_STRING, RDF_PLAIN_LITERAL, resolveIri, XSD_NON_NEGATIVE_INTEGER, XSD_STRING } from './readerTerms.ts';

/** Keywords that stand only at the top of the document or the ontology: one inside a construct means a ')' is missing. */
const topLevelKeywords: ReadonlySet<string> = new Set(['Prefix', 'Ontology', 'Import', ...axiomKeywords]);

/**
 * Reads an OWL functional-syntax document given as text chunks (split anywhere).
 *
 * @example
 * for await (const event of readFunctionalSyntax(chunks, { baseIRI: 'file:///pizza.ofn', file: 'pizza.ofn' })) {
 *   if (event.type === 'axiom') console.log(event.axiom.name); // 'Declaration', 'SubClassOf', ...
 * }
 * @throws OntomeshError RDF_SYNTAX with the file, line and column of the first fault; nothing is yielded after it.
 */
export async function* readFunctionalSyntax(chunks: AsyncIterable<string>, options: { baseIRI: string; file?: string }): AsyncGenerator<OwlEvent> {
  const lexer = new FunctionalSyntaxLexer(options.file);
  const parser = new FunctionalSyntaxParser(lexer, options.baseIRI);
  for await (const chunk of chunks) {
    if (lexer.push(chunk)) yield* parser.readAvailable();
  }
  lexer.end();
  yield* parser.readAvailable();
}

interface PendingLiteral {
  readonly value: string;
  readonly at: OwlPosition;
  typed?: true;
}

type IriToken = Extract<FunctionalSyntaxToken, { kind: 'iri' | 'prefixedName' }>;
/** A token that is a whole term: an IRI, a node ID or a cardinality. */
type TermToken = IriToken | Extract<FunctionalSyntaxToken, { kind: 'nodeId' | 'integer' }>;

/** A construct being read: the Ontology, an axiom or expression, or HasKey's keyword-less list. */
interface Frame extends OwlPosition {
  readonly kind: 'ontology' | 'construct' | 'group';
  readonly name: string;
  readonly items: OwlNode[];
}

class FunctionalSyntaxParser {
  readonly #lexer: FunctionalSyntaxLexer;
  readonly #baseIRI: string;
  readonly #prefixes = new Map(predeclaredPrefixes);
  readonly #stack: Frame[] = [];
  #events: OwlEvent[] = [];
  /** A keyword waiting for its '('. */
  #keyword: { name: string } & OwlPosition | undefined;
  /** A quoted string waiting to see whether '^^' or '@' follows; `typed` once '^^' has. */
  #literal: PendingLiteral | undefined;
  /** A Prefix(name:=<iri>) being read, with the parts read so far. */
  #prefix: { at: OwlPosition; name?: string; equals?: true; iri?: string } | undefined;
  #ontologyAnnounced = false;
  #ontologyOpened = false;
  #ontologyClosedAt: OwlPosition | undefined;

  constructor(lexer: FunctionalSyntaxLexer, baseIRI: string) {
    this.#lexer = lexer;
    this.#baseIRI = baseIRI;
  }

  /** Reads the tokens the lexer has, yielding the events they complete. */
  *readAvailable(): Generator<OwlEvent> {
    for (let token = this.#lexer.next(); token; token = this.#lexer.next()) {
      this.#accept(token);
      if (this.#events.length > 0) {
        const ready = this.#events;
        this.#events = [];
        yield* ready;
      }
    }
  }

  #accept(token: FunctionalSyntaxToken): void {
    if (this.#literal && this.#continueLiteral(this.#literal, token)) return;
    if (this.#keyword) return this.#open(this.#keyword, token);
    if (this.#prefix && token.kind !== 'end') return this.#prefixPart(this.#prefix, token);
    const top = this.#stack.at(-1);
    switch (token.kind) {
      case 'keyword': return this.#startConstruct(token.name, token, top);
      case '(': return this.#openGroup(token, top);
      case ')': return this.#close(token);
      case 'end': return this.#end(token);
      case 'string':
        this.#literal = { value: token.value, at: token };
        return;
      case '=': case '^^': case 'language':
        throw this.#unexpected(token, top);
      default:
        return this.#add(this.#term(token), token, top);
    }
  }

  /** Completes a pending literal; answers whether the token was part of it. */
  #continueLiteral(literal: PendingLiteral, token: FunctionalSyntaxToken): boolean {
    const top = this.#stack.at(-1);
    if (literal.typed) {
      if (token.kind !== 'iri' && token.kind !== 'prefixedName') throw this.#lexer.error(`Expected a datatype IRI after '^^', found ${describe(token)}`, token);
      this.#literal = undefined;
      this.#add(typedLiteral(literal.value, this.#iri(token).iri), literal.at, top);
      return true;
    }
    if (token.kind === '^^') {
      literal.typed = true;
      return true;
    }
    this.#literal = undefined;
    if (token.kind === 'language') {
      this.#add({ type: 'literal', value: literal.value, datatype: RDF_LANG_STRING, language: token.language }, literal.at, top);
      return true;
    }
    this.#add({ type: 'literal', value: literal.value, datatype: XSD_STRING }, literal.at, top);
    return false;
  }

  #startConstruct(name: string, at: OwlPosition, top: Frame | undefined): void {
    if (!top) {
      if (this.#ontologyClosedAt) throw this.#afterOntology(name, at);
      if (name !== 'Prefix' && name !== 'Ontology') throw this.#lexer.error(`Expected Prefix(...) or Ontology(...), found ${name}`, at);
    } else if (top.kind === 'ontology') {
      if (name === 'Prefix') throw this.#lexer.error(`Prefix(...) must come before Ontology(...) (opened at ${where(top)})`, at);
      if (name === 'Ontology') throw this.#lexer.error(`A document holds one Ontology(...); the first is still open (opened at ${where(top)})`, at);
      this.#announceOntology(top);
    } else if (topLevelKeywords.has(name)) {
      throw this.#lexer.error(`Expected ')' to close ${top.name} (opened at ${where(top)}), found ${name}: ${name}(...) cannot stand inside another construct`, at);
    }
    this.#keyword = { name, line: at.line, column: at.column };
  }

  #open(keyword: { name: string } & OwlPosition, token: FunctionalSyntaxToken): void {
    // at the end of the document, the keyword is where the unfinished construct starts
    if (token.kind !== '(') throw this.#lexer.error(`Expected '(' after ${keyword.name}, found ${describe(token)}`, token.kind === 'end' ? keyword : token);
    this.#keyword = undefined;
    const at = { line: keyword.line, column: keyword.column };
    if (this.#stack.length === 0 && keyword.name === 'Prefix') {
      this.#prefix = { at };
      return;
    }
    const kind = this.#stack.length > 0 ? 'construct' : 'ontology';
    if (kind === 'ontology') this.#ontologyOpened = true;
    this.#stack.push({ kind, name: keyword.name, ...at, items: [] });
  }

  /** HasKey(C (object properties) (data properties)): the only parentheses without a keyword. */
  #openGroup(token: FunctionalSyntaxToken, top: Frame | undefined): void {
    if (top?.kind !== 'construct' || top.name !== 'HasKey') throw this.#unexpected(token, top);
    this.#stack.push({ kind: 'group', name: 'a list in HasKey', line: token.line, column: token.column, items: [] });
  }

  /** Prefix(name:=<iri>) */
  #prefixPart(prefix: { at: OwlPosition; name?: string; equals?: true; iri?: string }, token: FunctionalSyntaxToken): void {
    if (prefix.name === undefined) {
      if (token.kind !== 'prefixedName' || token.local !== '') throw this.#lexer.error(`Expected a prefix name such as obo: in Prefix(...), found ${describe(token)}`, token);
      prefix.name = token.prefix;
    } else if (!prefix.equals) {
      if (token.kind !== '=') throw this.#lexer.error(`Expected '=' after ${prefix.name}: in Prefix(...), found ${describe(token)}`, token);
      prefix.equals = true;
    } else if (prefix.iri === undefined) {
      if (token.kind !== 'iri') throw this.#lexer.error(`Expected an IRI in <...> after ${prefix.name}:= in Prefix(...), found ${describe(token)}`, token);
      prefix.iri = this.#resolve(token.iri, token);
    } else {
      if (token.kind !== ')') throw this.#lexer.error(`Expected ')' to close Prefix (opened at ${where(prefix.at)}), found ${describe(token)}`, token);
      this.#prefix = undefined;
      this.#prefixes.set(prefix.name, prefix.iri);
      this.#events.push({ type: 'prefix', name: prefix.name, iri: prefix.iri });
    }
  }

  #close(token: FunctionalSyntaxToken): void {
    const frame = this.#stack.pop();
    if (!frame) {
      if (this.#ontologyClosedAt) throw this.#afterOntology("')'", token);
      throw this.#lexer.error("Unexpected ')': no construct is open", token);
    }
    if (frame.kind === 'ontology') {
      this.#announceOntology(frame);
      this.#ontologyClosedAt = token;
      return;
    }
    const parent = this.#stack.at(-1)!;
    if (frame.kind === 'group') {
      parent.items.push({ type: 'group', items: frame.items });
      return;
    }
    const construct: OwlConstruct = { type: 'construct', name: frame.name, args: frame.items, line: frame.line, column: frame.column };
    if (parent.kind !== 'ontology') parent.items.push(construct);
    else if (construct.name === 'Annotation') this.#events.push({ type: 'annotation', annotation: construct });
    else if (construct.name === 'Import') this.#events.push(importEvent(construct, this.#lexer));
    else this.#events.push({ type: 'axiom', axiom: construct });
  }

  #end(token: FunctionalSyntaxToken): void {
    if (this.#prefix) throw this.#lexer.error(`Expected ')' to close Prefix (opened at ${where(this.#prefix.at)}), found end of document`, this.#prefix.at);
    const open = this.#stack.at(-1);
    if (open) throw this.#lexer.error(`Expected ')' to close ${open.name} (opened at ${where(open)}), found end of document`, open);
    if (!this.#ontologyOpened) throw this.#lexer.error('Expected Ontology(...), found end of document', token);
  }

  /** Adds a term or literal to the construct being read; the ontology takes at most two IRIs, before anything else. */
  #add(node: OwlNode, at: OwlPosition, top: Frame | undefined): void {
    if (top?.kind === 'construct' || top?.kind === 'group') {
      top.items.push(node);
      return;
    }
    if (top?.kind === 'ontology' && node.type === 'iri' && !this.#ontologyAnnounced && top.items.length < 2) {
      top.items.push(node);
      return;
    }
    if (!top && this.#ontologyClosedAt) throw this.#afterOntology(describeNode(node), at);
    if (top?.kind === 'ontology') {
      throw this.#lexer.error(`Expected an import, annotation or axiom in Ontology (opened at ${where(top)}), found ${describeNode(node)}`, at);
    }
    throw this.#lexer.error(`Expected Prefix(...) or Ontology(...), found ${describeNode(node)}`, at);
  }

  #announceOntology(frame: Frame): void {
    if (this.#ontologyAnnounced) return;
    this.#ontologyAnnounced = true;
    const [iri, versionIri] = frame.items as OwlIri[];
    this.#events.push({ type: 'ontology', ...(iri && { iri: iri.iri }), ...(versionIri && { versionIri: versionIri.iri }), line: frame.line, column: frame.column });
  }

  #term(token: TermToken): OwlNode {
    switch (token.kind) {
      case 'nodeId': return { type: 'anonymous', nodeId: token.nodeId };
      case 'integer': return { type: 'literal', value: token.value, datatype: XSD_NON_NEGATIVE_INTEGER };
      default: return this.#iri(token);
    }
  }

  #iri(token: IriToken): OwlIri {
    return { type: 'iri', iri: token.kind === 'iri' ? this.#resolve(token.iri, token) : this.#expand(token) };
  }

  #expand(token: FunctionalSyntaxToken & { kind: 'prefixedName' }): string {
    const namespace = this.#prefixes.get(token.prefix);
    if (namespace === undefined) {
      throw this.#lexer.error(`Unknown prefix '${token.prefix}' in ${token.prefix}:${token.local}: declare it with Prefix(${token.prefix}:=<...>)`, token);
    }
    return namespace + token.local;
  }

  #resolve(iri: string, at: OwlPosition): string {
    try {
      return resolveIri(iri, this.#baseIRI);
    } catch {
      throw this.#lexer.error(`Cannot resolve the relative IRI <${iri}> against the base IRI <${this.#baseIRI}>`, at);
    }
  }

  #afterOntology(found: string, at: OwlPosition): Error {
    const closed = this.#ontologyClosedAt!;
    return this.#lexer.error(`Unexpected ${found} after the end of the ontology (closed at ${where(closed)}): only whitespace and comments may follow it`, at);
  }

  #unexpected(token: FunctionalSyntaxToken, top: Frame | undefined): Error {
    if (!top && this.#ontologyClosedAt) return this.#afterOntology(describe(token), token);
    const inside = top ? ` in ${top.name} (opened at ${where(top)})` : '';
    const hint = token.kind === '(' ? ': a construct is written Keyword(...), and only HasKey has lists without a keyword' : '';
    return this.#lexer.error(`Unexpected ${describe(token)}${inside}${hint}`, token);
  }
}

/** A literal with a datatype; OWL's rdf:PlainLiteral "text@lang" is split into its text and language. */
function typedLiteral(value: string, datatype: string): OwlLiteral {
  return datatype === RDF_PLAIN_LITERAL ? plainLiteral(value) : { type: 'literal', value, datatype };
}

function importEvent(construct: OwlConstruct, lexer: FunctionalSyntaxLexer): OwlEvent {
  const [iri, ...rest] = construct.args;
  if (iri?.type !== 'iri' || rest.length > 0) throw lexer.error('Expected one IRI in Import(...), as in Import(<http://example.org/other.owl>)', construct);
  return { type: 'import', iri: iri.iri, line: construct.line, column: construct.column };
}

function where(at: OwlPosition): string {
  return `${at.line}:${at.column}`;
}

function describe(token: FunctionalSyntaxToken): string {
  switch (token.kind) {
    case 'end': return 'end of document';
    case 'keyword': return token.name;
    case 'iri': return `<${token.iri}>`;
    case 'prefixedName': return `${token.prefix}:${token.local}`;
    case 'nodeId': return `_:${token.nodeId}`;
    case 'string': return 'a literal';
    case 'language': return `'@${token.language}'`;
    case 'integer': return token.value;
    default: return `'${token.kind}'`;
  }
}
