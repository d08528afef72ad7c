/**
 * The JSON-LD contexts ontomesh can use offline. Remote contexts are never fetched (the core does
 * no network I/O): a document whose `@context` names a URL loads only if a context for that URL
 * was bundled here, otherwise it fails with an error naming the URL. Vocabulary modules register
 * their contexts with {@link registerJsonLdContext}.
 */
import type { IDocumentLoader, IJsonLdContext } from 'jsonld-context-parser';

/** A remote context document as served at its URL: a JSON object with an `@context` entry. */
export interface JsonLdContextDocument {
  '@context': unknown;
}

const bundled = new Map<string, JsonLdContextDocument>();

/**
 * Bundles the context document served at `url` (and at its `http`/`https` twin) so documents
 * referring to it load offline.
 *
 * @example registerJsonLdContext('https://ekgf.github.io/dprod/dprod.jsonld', dprodContext);
 */
export function registerJsonLdContext(url: string, document: JsonLdContextDocument): void {
  for (const variant of urlVariants(url)) bundled.set(variant, document);
}

/** The URLs of all bundled contexts, sorted. */
export function bundledJsonLdContexts(): string[] {
  return [...bundled.keys()].sort();
}

/**
 * A document loader for jsonld-streaming-parser that serves bundled contexts and rejects every
 * other URL, remembering which one so the parse error can name it.
 */
export class OfflineDocumentLoader implements IDocumentLoader {
  /** The last URL that had no bundled context. */
  unavailable: string | undefined;

  async load(url: string): Promise<IJsonLdContext> {
    const document = bundled.get(url);
    if (document) return structuredClone(document) as IJsonLdContext;
    this.unavailable = url;
    throw new Error('remote JSON-LD contexts are never fetched and no bundled context is registered for this URL');
  }
}

function urlVariants(url: string): string[] {
  if (url.startsWith('https://')) return [url, `http://${url.slice(8)}`];
  if (url.startsWith('http://')) return [url, `https://${url.slice(7)}`];
  return [url];
}
