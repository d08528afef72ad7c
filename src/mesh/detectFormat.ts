/**
 * Recognising a descriptor: first its syntax (from the media type, the file extension, then the
 * content: JSON, a YAML descriptor, else an RDF syntax src/rdf recognises, else YAML), then, for
 * JSON and YAML, its format from the members only that format has
 * (`dataProductDescriptor`, `dataContractSpecification`, `kind` + `apiVersion`, `product.details`,
 * `@context`).
 */
import { formatFromMediaType, formatFromPath, sniffFormat, type RdfFormat } from '../rdf/index.ts';
import type { DescriptorFormat } from './model.ts';
import { object, type Json } from './formats/json.ts';

/** The syntax of a descriptor: JSON, YAML, or an RDF syntax (JSON-LD, Turtle, ...). */
export type DescriptorSyntax = { kind: 'json' } | { kind: 'yaml' } | { kind: 'rdf'; format: RdfFormat };

const YAML_MEDIA_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

/** The syntax of a descriptor named `file` with `content`. */
export function detectSyntax(file: string, content: string, mediaType?: string): DescriptorSyntax {
  if (mediaType !== undefined) {
    const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === 'application/json' || (type.endsWith('+json') && type !== 'application/ld+json')) return { kind: 'json' };
    if (YAML_MEDIA_TYPES.has(type)) return { kind: 'yaml' };
    const rdf = formatFromMediaType(type);
    if (rdf) return { kind: 'rdf', format: rdf };
  }
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'json') return { kind: 'json' };
  if (extension === 'yaml' || extension === 'yml') return { kind: 'yaml' };
  const rdf = formatFromPath(file);
  if (rdf) return { kind: 'rdf', format: rdf };
  const head = content.slice(0, 4096);
  if (/^\s*[[{]/.test(head)) return { kind: 'json' };
  const guessed = guessFormat(content);
  if (guessed !== undefined && guessed !== 'dprod') return { kind: 'yaml' };
  const sniffed = sniffFormat(head);
  return sniffed && sniffed !== 'jsonld' ? { kind: 'rdf', format: sniffed } : { kind: 'yaml' };
}

/** The descriptor format of parsed JSON/YAML data; undefined when it is none the importer reads. */
export function formatOfData(data: unknown): DescriptorFormat | undefined {
  if (Array.isArray(data)) return data.some((item) => object(item)?.['@context'] !== undefined) ? 'dprod' : undefined;
  const root = object(data);
  if (!root) return undefined;
  if ('@context' in root) return 'dprod';
  if ('dataProductDescriptor' in root) return 'dpds';
  if ('dataContractSpecification' in root) return 'dcs';
  if (root['kind'] === 'DataContract') return 'odcs';
  if (root['kind'] === 'DataProduct' && 'apiVersion' in root) return 'odps-bitol';
  const product = object(root['product']) as Json | undefined;
  if (product && ('details' in product || String(root['schema'] ?? '').includes('opendataproducts.org'))) return 'odps-lf';
  return undefined;
}

/**
 * The format a text is most likely in, for naming it in a syntax error before any parse succeeded.
 *
 * @example guessFormat('dataContractSpecification: 1.2.1\n…') // 'dcs'
 */
export function guessFormat(content: string): DescriptorFormat | undefined {
  const head = content.slice(0, 8192);
  if (/"@context"/.test(head)) return 'dprod';
  if (/["']?dataProductDescriptor["']?\s*:/.test(head)) return 'dpds';
  if (/["']?dataContractSpecification["']?\s*:/.test(head)) return 'dcs';
  if (/["']?kind["']?\s*:\s*["']?DataContract\b/.test(head)) return 'odcs';
  if (/["']?kind["']?\s*:\s*["']?DataProduct\b/.test(head)) return 'odps-bitol';
  if (/opendataproducts\.org/.test(head)) return 'odps-lf';
  return undefined;
}
