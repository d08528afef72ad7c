/**
 * The OWL 2 structural syntax as both of Protégé's non-RDF formats are read into it: OWL functional
 * syntax (readFunctionalSyntax.ts) and OWL/XML (readOwlXml.ts). The two are the same language
 * written two ways (OWL/XML's element names are the functional syntax's keywords), so each reader
 * yields the same events and one mapping (owlToRdf.ts) turns them into RDF triples, following the
 * W3C's "OWL 2 Mapping to RDF Graphs" (section 2) as the OWL API writes it.
 *
 * What the readers settle, so the mapping does not have to:
 * - every IRI is absolute: prefixed names are expanded and relative IRIs resolved (xml:base in
 *   OWL/XML, the document's base IRI otherwise);
 * - a literal has its datatype: `"x"` is xsd:string, `"x"@en` is rdf:langString with the language,
 *   OWL/XML's rdf:PlainLiteral is split into one of those two;
 * - a cardinality is its first argument, a literal of xsd:nonNegativeInteger (OWL/XML's
 *   `cardinality` attribute is moved there);
 * - the arguments keep the functional syntax's order and shape: axiom and annotation annotations
 *   first, DatatypeRestriction's facets and values flat after the datatype, BuiltInAtom's IRI first,
 *   HasKey's object and data properties as two groups after the class expression;
 * - an entity in a Declaration is a construct named by its type (`Class`, `Datatype`,
 *   `ObjectProperty`, `DataProperty`, `AnnotationProperty`, `NamedIndividual`) with the IRI as its one
 *   argument; elsewhere an entity may come either so (OWL/XML) or as the bare IRI (functional syntax),
 *   and means its IRI.
 */

/** An absolute IRI. */
export interface OwlIri {
  readonly type: 'iri';
  readonly iri: string;
}

/** An anonymous individual, by its node ID as written (without `_:`); scoped to its document. */
export interface OwlAnonymousIndividual {
  readonly type: 'anonymous';
  readonly nodeId: string;
}

/** A literal with its datatype IRI; `language` only with rdf:langString. */
export interface OwlLiteral {
  readonly type: 'literal';
  readonly value: string;
  readonly datatype: string;
  readonly language?: string;
}

/** Where a construct starts in its document (1-based), for errors. */
export interface OwlPosition {
  readonly line: number;
  readonly column: number;
}

/** A construct: its functional-syntax keyword (OWL/XML's element name) and its arguments in order. */
export interface OwlConstruct extends OwlPosition {
  readonly type: 'construct';
  readonly name: string;
  readonly args: readonly OwlNode[];
}

/** A parenthesised list without a keyword: HasKey's object properties and its data properties. */
export interface OwlGroup {
  readonly type: 'group';
  readonly items: readonly OwlNode[];
}

export type OwlTerm = OwlIri | OwlAnonymousIndividual | OwlLiteral;
export type OwlNode = OwlTerm | OwlConstruct | OwlGroup;

/**
 * What a reader yields, in document order: prefixes (any time before they are needed), then the
 * ontology's header (exactly one `ontology` event, before its imports, annotations and axioms).
 */
export type OwlEvent =
  | { readonly type: 'prefix'; readonly name: string; readonly iri: string }
  | ({ readonly type: 'ontology'; readonly iri?: string; readonly versionIri?: string } & OwlPosition)
  | ({ readonly type: 'import'; readonly iri: string } & OwlPosition)
  /** An annotation of the ontology itself: a construct named `Annotation`. */
  | { readonly type: 'annotation'; readonly annotation: OwlConstruct }
  | { readonly type: 'axiom'; readonly axiom: OwlConstruct };

const entityTypeNames = ['Class', 'Datatype', 'ObjectProperty', 'DataProperty', 'AnnotationProperty', 'NamedIndividual'] as const;
/** An entity type, as Declaration and OWL/XML name it. */
export type EntityType = (typeof entityTypeNames)[number];
/** The entity types. */
export const entityTypes: ReadonlySet<string> = new Set(entityTypeNames);

/** A node as a Protégé user recognises it in a message. */
export function describeNode(node: OwlNode): string {
  switch (node.type) {
    case 'iri': return `<${node.iri}>`;
    case 'anonymous': return `the anonymous individual _:${node.nodeId}`;
    case 'literal': return `the literal "${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}"`;
    case 'construct': return `${node.name}(...)`;
    case 'group': return 'a parenthesised list';
  }
}
