/**
 * What changed between two versions of an ontology, class by class and property by property, from
 * their OWL views: added, removed, deprecated (newly), or changed in their labels, definitions,
 * parents, equivalents, domains, ranges, super-properties or kind. Pure: two views in, a list out.
 */
import type { Annotated, ClassInfo, LangValues, OwlView, PropertyInfo } from './OwlView.ts';

export type ChangeKind = 'added' | 'removed' | 'deprecated' | 'changed';
export type TermKind = 'class' | 'objectProperty' | 'datatypeProperty' | 'annotationProperty';

/** One attribute that differs: values only the older version has, and values only the newer one has. */
export interface AttributeChange {
  attribute: 'labels' | 'definitions' | 'parents' | 'equivalents' | 'domains' | 'ranges' | 'superProperties' | 'kind' | 'deprecated';
  removed: string[];
  added: string[];
}

/** A class or property that differs between the versions. */
export interface TermChange {
  iri: string;
  kind: ChangeKind;
  termKind: TermKind;
  /** The term as the newer version has it (the older one's for a removed term). */
  term: Annotated;
  /** Empty for added and removed terms. */
  changes: AttributeChange[];
}

export interface OntologyDiff {
  /** In IRI order. */
  classes: TermChange[];
  /** In IRI order. */
  properties: TermChange[];
}

/**
 * The differences from `before` to `after`.
 *
 * @example
 * const { classes } = diffOntologies(v1View, v2View);
 * classes.filter((c) => c.kind === 'removed').map((c) => c.iri);
 */
export function diffOntologies(before: OwlView, after: OwlView): OntologyDiff {
  const classes = diffTerms(before.classes, after.classes, () => 'class', classChanges);
  const properties = diffTerms(propertiesOf(before), propertiesOf(after), (p) => propertyKind(p), propertyChanges);
  return { classes, properties };
}

function diffTerms<T extends Annotated & { iri: string }>(
  before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, termKind: (term: T) => TermKind, attributes: (a: T, b: T) => AttributeChange[],
): TermChange[] {
  const changes: TermChange[] = [];
  for (const iri of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [old, now] = [before.get(iri), after.get(iri)];
    if (old === undefined) changes.push({ iri, kind: 'added', termKind: termKind(now!), term: now!, changes: [] });
    else if (now === undefined) changes.push({ iri, kind: 'removed', termKind: termKind(old), term: old, changes: [] });
    else {
      const differences = [...annotationChanges(old, now), ...attributes(old, now)];
      if (differences.length === 0) continue;
      changes.push({ iri, kind: !old.deprecated && now.deprecated ? 'deprecated' : 'changed', termKind: termKind(now), term: now, changes: differences });
    }
  }
  return changes;
}

function annotationChanges(a: Annotated, b: Annotated): AttributeChange[] {
  return [
    setChange('labels', langValues(a.labels), langValues(b.labels)),
    setChange('definitions', langValues(a.definitions), langValues(b.definitions)),
    setChange('deprecated', a.deprecated ? ['true'] : ['false'], b.deprecated ? ['true'] : ['false']),
  ].filter((change) => change !== undefined);
}

function classChanges(a: ClassInfo, b: ClassInfo): AttributeChange[] {
  return [setChange('parents', a.superClasses, b.superClasses), setChange('equivalents', a.equivalents, b.equivalents)].filter((c) => c !== undefined);
}

function propertyChanges(a: PropertyInfo, b: PropertyInfo): AttributeChange[] {
  return [
    setChange('kind', [a.kind], [b.kind]),
    setChange('domains', a.domains, b.domains),
    setChange('ranges', a.ranges, b.ranges),
    setChange('superProperties', a.superProperties, b.superProperties),
  ].filter((c) => c !== undefined);
}

function setChange(attribute: AttributeChange['attribute'], a: readonly string[], b: readonly string[]): AttributeChange | undefined {
  const [old, now] = [new Set(a), new Set(b)];
  const removed = [...old].filter((v) => !now.has(v)).sort();
  const added = [...now].filter((v) => !old.has(v)).sort();
  return removed.length === 0 && added.length === 0 ? undefined : { attribute, removed, added };
}

/** Literal values as Turtle writes them: `"Customer"@en`, or `"Customer"` without a language. */
function langValues(values: LangValues): string[] {
  return Object.entries(values).flatMap(([lang, texts]) => texts.map((text) => `${JSON.stringify(text)}${lang === '' ? '' : `@${lang}`}`));
}

function propertiesOf(view: OwlView): Map<string, PropertyInfo> {
  return new Map([...view.objectProperties, ...view.datatypeProperties, ...view.annotationProperties]);
}

function propertyKind(property: PropertyInfo): TermKind {
  return property.kind === 'object' ? 'objectProperty' : property.kind === 'datatype' ? 'datatypeProperty' : 'annotationProperty';
}
