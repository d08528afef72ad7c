/**
 * Protégé's `catalog-v001.xml`: an OASIS XML Catalog (1.1) that maps ontology IRIs to local
 * files, so `owl:imports` resolve offline. Supports what Protégé and the OWL API write and read:
 * `uri` and `rewriteURI` entries, `group` elements, `xml:base` on the catalog or a group, and
 * `nextCatalog` chains. Entries for DTD and entity resolution (`system`, `public`, …) and
 * elements of other namespaces are ignored, as the OASIS specification requires.
 */
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OntomeshError } from '../errors/index.ts';
import { isFile } from './imports/isFile.ts';

const CATALOG_NS = 'urn:oasis:names:tc:entity:xmlns:xml:catalog';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** One `uri` entry: an IRI and where its document is. */
export interface CatalogEntry {
  /** The IRI the entry maps (made absolute against `xml:base`). */
  name: string;
  /** The mapped document: an absolute file path, or a URL when it is not a `file:` URL. */
  target: string;
  /** Line of the entry in the catalog file. */
  line: number;
}

/** A parsed catalog with its `nextCatalog` chain already read. */
export interface Catalog {
  /** Absolute path of the catalog file. */
  file: string;
  /** The `uri` entries of this file (groups included, next catalogs not), in document order. */
  entries: readonly CatalogEntry[];
  /** Where the document of `iri` is (absolute path or URL), or `undefined` when no entry maps it. */
  resolve(iri: string): string | undefined;
  /** Like `resolve`, with the catalog file (this one or a next catalog) and line of the entry that maps `iri`, for messages. */
  match(iri: string): CatalogMatch | undefined;
}

/** Where an entry maps an IRI, and where that entry is written. */
export interface CatalogMatch {
  target: string;
  file: string;
  line: number;
}

interface RewriteEntry {
  prefix: string;
  replacement: string;
  line: number;
}

interface CatalogFile {
  entries: CatalogEntry[];
  rewrites: RewriteEntry[];
  next: URL[];
}

/**
 * Reads a catalog and, recursively, the catalogs its `nextCatalog` entries name (a next catalog
 * that does not exist is skipped, as the OASIS specification says; cycles are cut).
 * Resolution follows the specification: an exact `uri` entry first, then the `rewriteURI` entry
 * with the longest matching prefix, then each next catalog in order.
 *
 * @throws OntomeshError `FILE_NOT_FOUND` when `path` cannot be read, `CATALOG_INVALID` (with
 *   file, line and column) when it is not well-formed XML or not an OASIS catalog.
 * @example
 * const catalog = await readCatalog('ontology/catalog-v001.xml');
 * catalog.resolve('http://purl.obolibrary.org/obo/bfo.owl'); // '/abs/ontology/imports/bfo.owl'
 */
export async function readCatalog(path: string): Promise<Catalog> {
  return readChain(resolvePath(path), new Set());
}

/**
 * Whether the first bytes of a document are those of an OASIS XML catalog (so that a catalog
 * given or found where ontologies are expected is recognised whatever its file name).
 */
export function looksLikeCatalog(head: string): boolean {
  return /<(?:[\w.-]+:)?catalog[\s>]/.test(head) && head.includes(CATALOG_NS);
}

async function readChain(file: string, visited: Set<string>): Promise<Catalog> {
  visited.add(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OntomeshError('FILE_NOT_FOUND', `Cannot read catalog: ${(error as Error).message}`, { file }, {}, { cause: error });
  }
  const parsed = parseCatalog(text, file);
  const next: Catalog[] = [];
  for (const url of parsed.next) {
    if (url.protocol !== 'file:') continue; // resolving imports never reaches the network for a catalog
    const nextFile = fileURLToPath(url);
    if (visited.has(nextFile) || !(await isFile(nextFile))) continue;
    next.push(await readChain(nextFile, visited));
  }
  return new XmlCatalog(file, parsed.entries, parsed.rewrites, next);
}

class XmlCatalog implements Catalog {
  readonly file: string;
  readonly entries: readonly CatalogEntry[];
  readonly #byName = new Map<string, CatalogEntry>();
  readonly #rewrites: readonly RewriteEntry[];
  readonly #next: readonly Catalog[];

  constructor(file: string, entries: CatalogEntry[], rewrites: RewriteEntry[], next: Catalog[]) {
    this.file = file;
    this.entries = entries;
    for (const entry of entries) if (!this.#byName.has(entry.name)) this.#byName.set(entry.name, entry);
    this.#rewrites = [...rewrites].sort((a, b) => b.prefix.length - a.prefix.length);
    this.#next = next;
  }

  resolve(iri: string): string | undefined {
    return this.match(iri)?.target;
  }

  match(iri: string): CatalogMatch | undefined {
    const key = normalizeIri(iri);
    const exact = this.#byName.get(key);
    if (exact !== undefined) return { target: exact.target, file: this.file, line: exact.line };
    const rewrite = this.#rewrites.find((entry) => key.startsWith(entry.prefix));
    if (rewrite) return { target: toLocation(new URL(rewrite.replacement + key.slice(rewrite.prefix.length))), file: this.file, line: rewrite.line };
    for (const catalog of this.#next) {
      const found = catalog.match(iri);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

function parseCatalog(text: string, file: string): CatalogFile {
  const result: CatalogFile = { entries: [], rewrites: [], next: [] };
  const parser = new SaxesParser<{ xmlns: true; position: true }>({ xmlns: true, position: true });
  const fail = (message: string): never => {
    throw new OntomeshError('CATALOG_INVALID', message, { file, line: parser.line, column: parser.column });
  };
  // One base per open element; foreign elements and their content are skipped.
  const bases: string[] = [];
  let foreignDepth = 0;
  let rootSeen = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const parentBase = bases.at(-1) ?? pathToFileURL(file).href;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.uri !== CATALOG_NS || tag.local !== 'catalog') fail(`Root element <${tag.name}> is not an OASIS XML catalog <catalog> (namespace ${CATALOG_NS})`);
    }
    if (foreignDepth > 0 || tag.uri !== CATALOG_NS) {
      foreignDepth++;
      return;
    }
    const xmlBase = tag.attributes['xml:base'];
    const base = xmlBase?.uri === XML_NS ? resolveUrl(xmlBase.value, parentBase, fail).href : parentBase;
    bases.push(base);
    const attribute = (name: string): string => {
      const value = plainAttribute(tag, name);
      return value ?? fail(`<${tag.name}> needs a "${name}" attribute`);
    };
    switch (tag.local) {
      case 'uri':
        result.entries.push({
          name: normalizeIri(resolveUrl(attribute('name'), base, fail).href),
          target: toLocation(resolveUrl(attribute('uri'), base, fail)),
          line: parser.line,
        });
        break;
      case 'rewriteURI':
        result.rewrites.push({
          prefix: normalizeIri(resolveUrl(attribute('uriStartString'), base, fail).href),
          replacement: resolveUrl(attribute('rewritePrefix'), base, fail).href,
          line: parser.line,
        });
        break;
      case 'nextCatalog':
        result.next.push(resolveUrl(attribute('catalog'), base, fail));
        break;
    }
  });
  parser.on('closetag', () => {
    if (foreignDepth > 0) foreignDepth--;
    else bases.pop();
  });

  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof OntomeshError) throw error;
    const message = (error as Error).message.replace(/^\d+:\d+: /, '');
    throw new OntomeshError('CATALOG_INVALID', `Malformed XML: ${message}`, { file, line: parser.line, column: parser.column }, {}, { cause: error });
  }
  if (!rootSeen) fail('The file has no root element');
  return result;
}

/** An attribute without a namespace prefix, as catalog attributes are. */
function plainAttribute(tag: SaxesTagNS, name: string): string | undefined {
  const attribute = tag.attributes[name];
  return attribute?.uri === '' ? attribute.value : undefined;
}

function resolveUrl(reference: string, base: string, fail: (message: string) => never): URL {
  try {
    return new URL(reference.trim(), base);
  } catch {
    return fail(`"${reference}" is not a valid URI reference`);
  }
}

/** A `file:` URL becomes an absolute path; any other URL (or a `file:` URL naming another host) stays a URL. */
function toLocation(url: URL): string {
  if (url.protocol !== 'file:') return url.href;
  try {
    return fileURLToPath(url);
  } catch {
    return url.href;
  }
}

/** The same IRI written two ways (host case, default port, percent-encoding) compares equal. */
function normalizeIri(iri: string): string {
  try {
    return new URL(iri).href;
  } catch {
    return iri;
  }
}
