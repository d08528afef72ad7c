/**
 * Descriptor import: one data-product or data-contract descriptor in, the mesh model and its RDF
 * out. The format is recognised from the content (and media type / extension), the descriptor is
 * validated (DPROD: SHACL shapes; every other format: its own JSON Schema), mapped onto the model,
 * linked for lineage within the descriptor, and written as DPROD / DCAT / PROV-O triples.
 * Pure apart from reading the files a DPDS descriptor references with `$ref`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { OntomeshError } from '../errors/index.ts';
import { parseStream, type RdfFormat } from '../rdf/index.ts';
import { detectSyntax, formatOfData, guessFormat } from './detectFormat.ts';
import { dcsToModel } from './formats/dcs.ts';
import { dpdsToModel } from './formats/dpds.ts';
import { dprodToModel } from './formats/dprod.ts';
import { prepareDprodJsonLd, type PreparedJsonLd } from './formats/dprodJsonLd.ts';
import type { Json } from './formats/json.ts';
import { odcsToModel } from './formats/odcs.ts';
import { odpsBitolToModel } from './formats/odpsBitol.ts';
import { odpsLfToModel } from './formats/odpsLf.ts';
import { linkProducts } from './lineage.ts';
import type { DataContractModel, DataProductModel, ImportResult } from './model.ts';
import { contractToQuads, productToQuads } from './productToQuads.ts';
import { DescriptorSource } from './source/DescriptorSource.ts';
import { singleFileTree } from './source/DescriptorTree.ts';
import { resolveReferences, type ReferenceReader } from './source/resolveReferences.ts';
import { TripleWriter } from './TripleWriter.ts';
import { validateDprodShapes, type FieldLocator } from './validation/dprodShapes.ts';
import { validateDescriptor } from './validation/jsonSchemas.ts';
import { MESH_BASE } from './vocabulary.ts';

/** A descriptor to import. */
export interface DescriptorInput {
  /** The descriptor's file name or path: named in errors, and the folder `$ref`s are resolved from. */
  file: string;
  content: string;
  /** The media type, when known (e.g. the HTTP Content-Type of an upload). */
  mediaType?: string;
  /**
   * Reads a file a DPDS `$ref` points to (an absolute path). By default files are read from disk,
   * only inside the folder of `file`; a server importing uploads passes its own reader.
   */
  readReference?: ReferenceReader;
  /** The base IRI for relative IRIs in DPROD descriptors; by default {@link DESCRIPTOR_BASE}. */
  baseIRI?: string;
}

/**
 * The base IRI relative references in DPROD descriptors resolve against, the same wherever the
 * file lies, so that importing it again gives the same IRIs.
 */
export const DESCRIPTOR_BASE = `${MESH_BASE}descriptor/`;

/**
 * Imports one descriptor. Rejects with OntomeshError DESCRIPTOR_INVALID (malformed or not
 * conforming to its JSON Schema), SHACL_VIOLATION (DPROD shapes), RDF_SYNTAX (DPROD Turtle or
 * JSON-LD) or UNSUPPORTED_FORMAT, each naming the file and, where it has one, the field and
 * line:column.
 *
 * @example
 * const { format, products, quads } = await importDescriptor({ file: 'orders.odps.yaml', content });
 */
export async function importDescriptor(input: DescriptorInput): Promise<ImportResult> {
  const syntax = detectSyntax(input.file, input.content, input.mediaType);
  if (syntax.kind === 'rdf') {
    return syntax.format === 'jsonld' ? importJsonLd(input) : importDprod(input, syntax.format, input.content);
  }
  let source: DescriptorSource;
  try {
    source = DescriptorSource.parse(input.file, input.content, syntax.kind);
  } catch (error) {
    const format = guessFormat(input.content);
    if (error instanceof OntomeshError && format) Object.assign(error.details, { format });
    throw error;
  }
  const format = formatOfData(source.data);
  if (format === 'dprod') return importJsonLd(input, source);
  const tree = singleFileTree(source);
  const data = source.data as Json;
  switch (format) {
    case 'dpds': {
      const resolved = await resolveReferences(source, 'dpds', input.readReference ?? localReader(input.file));
      validateDescriptor('dpds', resolved);
      return finish('dpds', [dpdsToModel(resolved)], [], [], resolved.warnings);
    }
    case 'odps-bitol':
      validateDescriptor('odps-bitol', tree);
      return finish('odps-bitol', [odpsBitolToModel(data, input.file)], []);
    case 'odps-lf':
      validateDescriptor('odps-lf', tree);
      return finish('odps-lf', [odpsLfToModel(data, input.file)], []);
    case 'odcs':
      validateDescriptor('odcs', tree);
      return finish('odcs', [], [odcsToModel(data, input.file)]);
    case 'dcs':
      validateDescriptor('dcs', tree);
      return finish('dcs', [], [dcsToModel(data, input.file)]);
    default:
      throw new OntomeshError('UNSUPPORTED_FORMAT',
        'Not a descriptor format ontomesh reads (DPROD, ODPS, Open Data Mesh DPDS, Data Contract Specification, ODCS)', { file: input.file });
  }
}

/** DPROD JSON-LD: JSON syntax checked with positions, prepared (dprodJsonLd.ts), then parsed. */
async function importJsonLd(input: DescriptorInput, parsed?: DescriptorSource): Promise<ImportResult> {
  const source = parsed ?? DescriptorSource.parse(input.file, input.content, 'json');
  const prepared = prepareDprodJsonLd(source, input.content);
  const locate: FieldLocator = (node, predicate) => {
    const field = prepared.fieldOf(node, predicate);
    return field === undefined ? undefined : { field, ...source.locate(field) };
  };
  return importDprod(input, 'jsonld', prepared.text, prepared, locate);
}

async function importDprod(input: DescriptorInput, format: RdfFormat, text: string, prepared?: PreparedJsonLd, locate: FieldLocator = () => undefined): Promise<ImportResult> {
  const quads: Quad[] = [];
  try {
    await parseStream(once(text), { format, file: input.file, baseIRI: input.baseIRI ?? DESCRIPTOR_BASE }, { quads: (batch) => void quads.push(...batch) });
  } catch (error) {
    // Positions in a re-serialized JSON-LD text do not apply to the file.
    if (prepared?.rewritten && error instanceof OntomeshError) throw new OntomeshError(error.code, error.message, { file: input.file, ...(error.location.term ? { term: error.location.term } : {}) }, error.details, { cause: error });
    throw error;
  }
  await validateDprodShapes(quads, input.file, locate);
  const model = dprodToModel(quads, input.file, input.baseIRI ?? DESCRIPTOR_BASE);
  const warnings = [...(prepared?.warnings ?? [])];
  if (model.products.length === 0) warnings.push(`${input.file}: no dprod:DataProduct is described; only its triples are imported`);
  return finish('dprod', model.products, [], model.quads, warnings);
}

function finish(format: ImportResult['format'], products: DataProductModel[], contracts: DataContractModel[], descriptorQuads: Quad[] = [], warnings: string[] = []): ImportResult {
  const linked = linkProducts(products).products;
  const writer = new TripleWriter();
  for (const q of descriptorQuads) writer.addQuad(q);
  for (const product of linked) productToQuads(product, writer);
  for (const contract of contracts) contractToQuads(contract, writer);
  return { format, products: linked, contracts, quads: writer.quads, warnings };
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Reads referenced files from disk, only inside the folder of the root descriptor. */
function localReader(file: string): ReferenceReader {
  const folder = dirname(resolve(file));
  return async (path) => {
    if (!path.startsWith(`${folder}${sep}`)) throw new OntomeshError('FORBIDDEN', 'the file is outside the descriptor\'s folder', { file: path });
    return readFile(path, 'utf8');
  };
}
