/**
 * The property-graph elements that RDF maps to (see ARCHITECTURE.md, "Mapping RDF to a property graph").
 * Node ids are IRIs; a blank node gets a deterministic skolem IRI (see skolem.ts).
 */

/** A literal kept losslessly: lexical form, datatype IRI, language tag and base direction. */
export interface LiteralValue {
  lexical: string;
  datatype: string;
  language?: string;
  direction?: 'ltr' | 'rtl';
}

/** Facts every element carries. */
interface ElementBase {
  /** Subject node id (IRI or skolem IRI). */
  subject: string;
  /** Full predicate IRI. */
  predicate: string;
  /** Named graph IRI (or skolem IRI) for quads outside the default graph. */
  graph?: string;
  /** True for facts added by the entailment closure; export leaves them out. */
  inferred: boolean;
  /** Index of the source document within the version (see VersionMeta.documents); -1 for inferred facts. */
  doc: number;
}

/** A triple whose object is a literal: one value of a multi-valued vertex property. */
export interface PropertyElement extends ElementBase {
  kind: 'property';
  value: LiteralValue;
}

/** A triple whose object is an IRI or blank node: an edge labelled with the predicate IRI. */
export interface EdgeElement extends ElementBase {
  kind: 'edge';
  object: string;
}

/** A vertex, emitted once per node before any property or edge that mentions it. */
export interface VertexElement {
  kind: 'vertex';
  id: string;
  /** True when the vertex stands for a blank node (id is its skolem IRI). */
  blank: boolean;
}

export type GraphElement = VertexElement | PropertyElement | EdgeElement;
/** A fact (triple) element: what export turns back into a quad. */
export type FactElement = PropertyElement | EdgeElement;
