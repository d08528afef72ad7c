/**
 * The data of a descriptor together with the way back from any JSON Pointer in it to the file,
 * field and line:column it came from. A one-file descriptor maps pointers to itself; a multi-file
 * descriptor (DPDS `$ref`) maps each part to the file it was read from.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { DescriptorFormat } from '../model.ts';
import type { DescriptorSource } from './DescriptorSource.ts';

/** Where a value of the descriptor was written. */
export interface Located {
  file: string;
  /** The JSON Pointer of the value within that file. */
  field: string;
  line?: number;
  column?: number;
}

/** Descriptor data with its source map. */
export interface DescriptorTree {
  /** The root file. */
  readonly file: string;
  readonly data: unknown;
  locate(pointer: string): Located;
}

/** The tree of a one-file descriptor. */
export function singleFileTree(source: DescriptorSource): DescriptorTree {
  return {
    file: source.file,
    data: source.data,
    locate: (pointer) => ({ file: source.file, field: pointer, ...source.locate(pointer) }),
  };
}

/**
 * An OntomeshError DESCRIPTOR_INVALID about the value at `pointer`: the message starts with the
 * field, the location names the file and line:column, `details.field` holds the pointer.
 *
 * @example throw descriptorError(tree, '/info/entityType', 'must be "dataproduct"', 'dpds');
 */
export function descriptorError(tree: DescriptorTree, pointer: string, message: string, format: DescriptorFormat, details: Record<string, unknown> = {}, cause?: unknown): OntomeshError {
  const at = tree.locate(pointer);
  const location = { file: at.file, ...(at.line === undefined ? {} : { line: at.line, column: at.column }) };
  return new OntomeshError('DESCRIPTOR_INVALID', `${at.field || '/'}: ${message}`, location, { field: at.field, format, ...details }, cause === undefined ? undefined : { cause });
}
