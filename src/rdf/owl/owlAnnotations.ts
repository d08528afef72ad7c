/**
 * Annotations (the spec's section 2.3 and Table 17): an annotation is a triple on its subject; an
 * annotated annotation also gets an owl:Annotation node reifying that triple, and an annotated
 * axiom an owl:Axiom node for each of its main triples, the annotations going on that node.
 */
import type { NamedNode } from '@rdfjs/types';
import type { OwlConstruct } from './OwlSyntax.ts';
import { OwlArguments } from './OwlArguments.ts';
import type { OwlGraph, RdfObject, Resource } from './OwlGraph.ts';
import { annotationProperty, annotationValue } from './owlEntities.ts';
import { owl } from './rdfVocabulary.ts';

/** A triple as the translation of an axiom makes it, before it is written. */
export type Triple = readonly [Resource, NamedNode, RdfObject];

/** Writes `Annotation(annotations property value)` on `subject` (the spec's TANN). */
export function annotate(subject: Resource, annotation: OwlConstruct, graph: OwlGraph, file: string | undefined): void {
  const inner = new OwlArguments(annotation, graph, file, { annotated: true });
  const property = inner.one(annotationProperty, 'an annotation property');
  const value = inner.one(annotationValue, 'an annotation value');
  inner.end();
  graph.add(subject, property, value);
  if (inner.annotations.length > 0) reify([subject, property, value], owl('Annotation'), inner);
}

/** Writes an axiom's main triples, each reified with an owl:Axiom node when the axiom is annotated. */
export function writeMainTriples(triples: readonly Triple[], axiom: OwlArguments): void {
  for (const triple of triples) {
    axiom.graph.add(...triple);
    if (axiom.annotations.length > 0) reify(triple, owl('Axiom'), axiom);
  }
}

/** A node of `type` (owl:Axiom or owl:Annotation) naming `triple`, with the annotations of `args` on it. */
function reify([source, property, target]: Triple, type: NamedNode, args: OwlArguments): void {
  const node = args.graph.typedNode(type, [[owl('annotatedSource'), source], [owl('annotatedProperty'), property], [owl('annotatedTarget'), target]]);
  for (const annotation of args.annotations) annotate(node, annotation, args.graph, args.file);
}
