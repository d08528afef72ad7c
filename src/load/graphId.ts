/**
 * The id a loaded graph is stored under. `--id` wins; otherwise it is derived from the root
 * ontology's IRI, otherwise from the first path's file name (see src/load/README.md).
 */
import { basename } from 'node:path';
import { OntomeshError } from '../errors/index.ts';

const validId = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const rdfExtension = /\.(?:owl|rdf|rdfs|xml|ttl|turtle|nt|ntriples|nq|nquads|trig|jsonld|json|owx|ofn|omn)$/i;

/** Checks an id given by the user (`--id`); BAD_REQUEST when it is not a valid graph id. */
export function checkGraphId(id: string): string {
  if (!validId.test(id)) {
    throw new OntomeshError('BAD_REQUEST', `invalid graph id "${id}": use 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit`, { term: id });
  }
  return id;
}

/** A path segment that only numbers a release (`1.0.0`, `v2`, `2023-02-22`): it names no ontology. */
const versionSegment = /^v?\d+(?:[._-]\d+)*$/i;

/**
 * A graph id from an ontology IRI: its last non-empty path segment (or fragment) that is not a release
 * number, without an RDF file extension, with characters outside `[A-Za-z0-9._-]` replaced by `-`.
 * Undefined when nothing usable is left.
 *
 * @example graphIdFromIri('http://purl.obolibrary.org/obo/ro.owl') // 'ro'
 * @example graphIdFromIri('https://spec.industrialontologies.org/ontology/core/Core/') // 'Core'
 * @example graphIdFromIri('https://w3id.org/example/sales/2.1.0') // 'sales'
 */
export function graphIdFromIri(iri: string): string | undefined {
  const segments = iri.split(/[#/:]/).filter((segment) => segment !== '');
  const name = segments.findLast((segment) => !versionSegment.test(segment)) ?? segments.at(-1) ?? '';
  return slug(name.replace(rdfExtension, ''));
}

/**
 * A graph id from a path: the file (or folder) name without its RDF extension.
 *
 * @example graphIdFromPath('test/fixtures/shared/protege-owl/pizza-owlcs/pizza.owl') // 'pizza'
 */
export function graphIdFromPath(path: string): string | undefined {
  return slug(basename(path.replace(/[\\/]+$/, '')).replace(rdfExtension, ''));
}

function slug(text: string): string | undefined {
  const id = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128);
  return id === '' ? undefined : id;
}
