/** What concepts and properties alike carry: their definitions and whether they are deprecated. */
import type { Defined } from './entities.ts';
import type { FactIndex, LangText } from './FactIndex.ts';
import { definitionPredicates, p, properDefinitionPredicates, rdfType } from './terms.ts';

/**
 * A term's definitions, and those `definition(lang)` picks from: rdfs:comment only where no definition proper is given.
 *
 * @example
 * definitionsOf(facts, iri).definitionCandidates // the IAO definition, not the editor's rdfs:comment beside it
 */
export function definitionsOf(fx: FactIndex, iri: string): Defined {
  const proper = fx.literalsOf(iri, properDefinitionPredicates);
  const definitions = fx.literalsOf(iri, definitionPredicates);
  return { definitions, definitionCandidates: proper.length > 0 ? proper : definitions };
}

/** owl:deprecated true, or typed `deprecatedType` (owl:DeprecatedClass, owl:DeprecatedProperty). */
export function isDeprecated(fx: FactIndex, iri: string, deprecatedType: string): boolean {
  return isTrue(fx.literals(iri, p.deprecated)) || fx.objects(iri, rdfType, true).includes(deprecatedType);
}

/** True when a value is the boolean true (`true` or `1`). */
export function isTrue(values: readonly LangText[]): boolean {
  return values.some((v) => v.value === 'true' || v.value === '1');
}
