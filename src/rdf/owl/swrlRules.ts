/**
 * SWRL rules (`DLSafeRule`) as the OWL API writes them in RDF, the W3C SWRL submission's
 * vocabulary: a swrl:Imp node with swrl:body and swrl:head lists of atoms (list nodes typed
 * swrl:AtomList), each atom a typed node with its predicate and swrl:argument1/argument2, each
 * variable (an IRI) typed swrl:Variable, a built-in typed swrl:Builtin with its arguments in a list
 * typed rdf:List.
 */
import type { NamedNode } from '@rdfjs/types';
import type { OwlNode } from './OwlSyntax.ts';
import type { ArgumentReader, OwlArguments } from './OwlArguments.ts';
import { isConstruct, translateConstruct } from './OwlArguments.ts';
import type { RdfObject, Resource } from './OwlGraph.ts';
import { classExpression } from './classExpressions.ts';
import { dataRange } from './dataRanges.ts';
import { dataProperty, fail, individual, literal, objectProperty, plainIri } from './owlEntities.ts';
import { rdf, swrl } from './rdfVocabulary.ts';

/**
 * Writes the rule read from `args` (`Body(atoms) Head(atoms)` after its annotations) and returns
 * its main node, which carries the rule's annotations.
 */
export function translateRule(args: OwlArguments): Resource {
  const translations = atomTranslations(new Set<string>());
  const atoms = (part: 'Body' | 'Head'): ArgumentReader<Resource> => (node, args) => {
    if (!isConstruct(node, part)) throw args.unexpected(node, `${part}(atoms)`);
    const atomList = args.of(node).many((atom, args) => translateConstruct(atom, args, translations, 'a SWRL atom'), 'atoms', 0);
    return args.graph.list(atomList, swrl('AtomList'));
  };
  const body = args.one(atoms('Body'), 'Body(atoms)');
  const head = args.one(atoms('Head'), 'Head(atoms)');
  return args.graph.typedNode(swrl('Imp'), [[swrl('body'), body], [swrl('head'), head]]);
}

/** The translations of the atoms of one rule, typing each variable swrl:Variable once in it. */
function atomTranslations(variables: Set<string>): Record<string, (args: OwlArguments) => Resource> {
  const variable = (node: OwlNode, args: OwlArguments): NamedNode | undefined => {
    if (!isConstruct(node, 'Variable')) return undefined;
    const iri = args.of(node).single(plainIri, 'the IRI of the variable');
    if (!variables.has(iri.value)) args.graph.add(iri, rdf('type'), swrl('Variable'));
    variables.add(iri.value);
    return iri;
  };
  const individualArgument: ArgumentReader<Resource> = (node, args) => variable(node, args) ?? individual(node, args);
  const dataArgument: ArgumentReader<RdfObject> = (node, args) => variable(node, args) ?? (node.type === 'literal' ? literal(node, args) : fail(args.unexpected(node, 'a variable or a literal')));
  const atom = (args: OwlArguments, type: string, properties: [NamedNode, RdfObject][]): Resource => args.graph.typedNode(swrl(type), properties);
  const i1 = (args: OwlArguments): [NamedNode, RdfObject] => [swrl('argument1'), args.one(individualArgument, 'a variable or an individual')];
  const i2 = (args: OwlArguments): [NamedNode, RdfObject] => [swrl('argument2'), args.one(individualArgument, 'a variable or an individual')];
  return {
    ClassAtom: (args) => atom(args, 'ClassAtom', [[swrl('classPredicate'), args.one(classExpression, 'a class expression')], i1(args)]),
    DataRangeAtom: (args) => atom(args, 'DataRangeAtom', [[swrl('dataRange'), args.one(dataRange, 'a data range')], [swrl('argument1'), args.one(dataArgument, 'a variable or a literal')]]),
    ObjectPropertyAtom: (args) => atom(args, 'IndividualPropertyAtom', [[swrl('propertyPredicate'), args.one(objectProperty, 'an object property expression')], i1(args), i2(args)]),
    DataPropertyAtom: (args) => atom(args, 'DatavaluedPropertyAtom', [[swrl('propertyPredicate'), args.one(dataProperty, 'a data property')], i1(args), [swrl('argument2'), args.one(dataArgument, 'a variable or a literal')]]),
    BuiltInAtom: (args) => {
      const builtin = args.one(plainIri, 'the IRI of a built-in');
      args.graph.add(builtin, rdf('type'), swrl('Builtin'));
      return atom(args, 'BuiltinAtom', [[swrl('builtin'), builtin], [swrl('arguments'), args.graph.list(args.many(dataArgument, 'arguments', 1), rdf('List'))]]);
    },
    SameIndividualAtom: (args) => atom(args, 'SameIndividualAtom', [i1(args), i2(args)]),
    DifferentIndividualsAtom: (args) => atom(args, 'DifferentIndividualsAtom', [i1(args), i2(args)]),
  };
}
