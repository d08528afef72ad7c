/**
 * How descriptors annotate products, datasets and fields with ontology concepts, shared by the
 * format mappers (the table in src/mesh/README.md, "Annotations", is the reference):
 * - a tag that is an IRI (`http(s)://…`, `urn:…`) is a concept; any other tag is a keyword;
 * - an authoritative definition (ODCS, ODPS) whose type says it *defines* the thing
 *   (`businessDefinition`, `definition`, `semantic`, `concept`, `ontology`, `glossaryTerm`, any case
 *   and spacing) is a concept; other authoritative definitions (implementations, tutorials) are links.
 */
import { isAbsoluteIri } from '../TripleWriter.ts';
import { stringList } from './json.ts';

/** Annotation lists of an entity. */
export interface Annotations {
  tags: string[];
  concepts: string[];
  links: string[];
}

/** Authoritative-definition types (lower-cased, letters only) that name the concept of a thing. */
const DEFINING_TYPES = new Set(['businessdefinition', 'definition', 'semantic', 'semanticdefinition', 'concept', 'ontology', 'ontologyclass', 'glossary', 'glossaryterm', 'businessterm']);

/** True for an IRI that can name a concept: `http(s)://…` or `urn:…`. */
export function isConceptIri(value: string): boolean {
  return /^(https?:\/\/|urn:)/i.test(value) && isAbsoluteIri(value);
}

/** Empty annotation lists. */
export function noAnnotations(): Annotations {
  return { tags: [], concepts: [], links: [] };
}

/** Adds tags: concept IRIs to `concepts`, the rest to `tags`. */
export function addTags(target: Annotations, tags: unknown): Annotations {
  for (const tag of stringList(tags)) addUnique(isConceptIri(tag) ? target.concepts : target.tags, tag);
  return target;
}

/** Adds authoritative definitions (`[{ type, url }]`): defining ones as concepts, the others as links. */
export function addAuthoritativeDefinitions(target: Annotations, definitions: unknown): Annotations {
  if (!Array.isArray(definitions)) return target;
  for (const definition of definitions) {
    const { type, url } = (definition ?? {}) as { type?: unknown; url?: unknown };
    if (typeof url !== 'string') continue;
    const defining = typeof type === 'string' && DEFINING_TYPES.has(type.toLowerCase().replace(/[^a-z]/g, ''));
    addUnique(defining && isConceptIri(url) ? target.concepts : target.links, url);
  }
  return target;
}

/** Adds links (an object of named URLs, or a list). */
export function addLinks(target: Annotations, links: unknown): Annotations {
  const values = Array.isArray(links) ? links : links && typeof links === 'object' ? Object.values(links) : [];
  for (const link of values) if (typeof link === 'string' && link !== '') addUnique(target.links, link);
  return target;
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
