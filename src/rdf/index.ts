/** The public surface of src/rdf: parsing, serializing, formats, JSON-LD contexts. */
export { formatFromMediaType, formatFromPath, formatMediaTypes, sniffFormat, type RdfFormat } from './formats.ts';
export { parseFile, parseStream, registerParser, type ParseOptions, type ParseResult, type QuadSink, type RdfParser } from './parse.ts';
export { bundledJsonLdContexts, registerJsonLdContext, type JsonLdContextDocument } from './jsonLdContexts.ts';
export { exportMediaTypes, serialize, type ExportFormat, type SerializeOptions } from './serialize.ts';
