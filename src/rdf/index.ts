/** The public surface of src/rdf: parsing, serializing, formats, JSON-LD contexts, catalogs and owl:imports loading. */
export { formatFromMediaType, formatFromPath, formatMediaTypes, sniffFormat, type RdfFormat } from './formats.ts';
export { parseFile, parseStream, registerParser, type ParseOptions, type ParseResult, type QuadSink, type RdfParser } from './parse.ts';
export { bundledJsonLdContexts, registerJsonLdContext, type JsonLdContextDocument } from './jsonLdContexts.ts';
export { exportMediaTypes, serialize, type ExportFormat, type SerializeOptions } from './serialize.ts';
export { looksLikeCatalog, readCatalog, type Catalog, type CatalogEntry } from './catalog.ts';
export {
  loadDocuments,
  type DocumentSink,
  type LoadDocumentsOptions,
  type LoadDocumentsResult,
  type LoadProgress,
  type MissingImport,
  type SourceDocument,
} from './loadDocuments.ts';
export type { FetchFunction } from './imports/fetchRemoteDocument.ts';
export { describeSkipped, type SkippedFile, type SkipReason } from './imports/skippedFiles.ts';
