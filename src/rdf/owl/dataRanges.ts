/**
 * Data ranges (the spec's Table 5): a datatype is its IRI, every other data range a blank node
 * typed rdfs:Datatype.
 */
import type { ArgumentReader, OwlArguments } from './OwlArguments.ts';
import { translateConstruct } from './OwlArguments.ts';
import type { Resource } from './OwlGraph.ts';
import { entity, entityIri, literal, plainIri } from './owlEntities.ts';
import { owl, rdfs } from './rdfVocabulary.ts';

/** A data range: a datatype or one of the data range constructs. */
export const dataRange: ArgumentReader<Resource> = (node, args) => {
  const datatype = entityIri(node, 'Datatype', args);
  if (datatype) return datatype;
  return translateConstruct(node, args, dataRanges, 'a data range');
};

const dataRanges: Record<string, (args: OwlArguments) => Resource> = {
  DataIntersectionOf: (args) => args.graph.typedNode(rdfs('Datatype'), [[owl('intersectionOf'), args.graph.list(args.many(dataRange, 'data ranges', 2))]]),
  DataUnionOf: (args) => args.graph.typedNode(rdfs('Datatype'), [[owl('unionOf'), args.graph.list(args.many(dataRange, 'data ranges', 2))]]),
  DataComplementOf: (args) => args.graph.typedNode(rdfs('Datatype'), [[owl('datatypeComplementOf'), args.one(dataRange, 'a data range')]]),
  DataOneOf: (args) => args.graph.typedNode(rdfs('Datatype'), [[owl('oneOf'), args.graph.list(args.many(literal, 'literals', 1))]]),
  DatatypeRestriction: (args) => {
    const datatype = args.one(entity('Datatype'), 'a datatype');
    const restrictions: Resource[] = [];
    do {
      const restriction = args.graph.blank();
      args.graph.add(restriction, args.one(plainIri, 'a constraining facet'), args.one(literal, 'a literal restricting the facet'));
      restrictions.push(restriction);
    } while (args.more);
    return args.graph.typedNode(rdfs('Datatype'), [[owl('onDatatype'), datatype], [owl('withRestrictions'), args.graph.list(restrictions)]]);
  },
};
