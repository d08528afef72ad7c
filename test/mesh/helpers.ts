/**
 * Shared helpers of the mesh tests: fixture paths, reading fixtures independently of the importer
 * (so assertions compare against what the file says), importing a fixture, catching errors.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { OntomeshError } from '../../src/errors/index.ts';
import { importDescriptor, type ImportResult } from '../../src/mesh/index.ts';

export const products = 'test/fixtures/shared/data-products';
export const dprodExamples = 'test/fixtures/shared/dprod/examples';

/** The text of a file. */
export function text(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A JSON or YAML fixture parsed by the test itself. */
export function read<T = Record<string, any>>(path: string): T {
  return (path.endsWith('.json') || path.endsWith('.jsonld') ? JSON.parse(text(path)) : parse(text(path))) as T;
}

/** Imports a fixture file (its path is its name). */
export function importFile(path: string, content = text(path)): Promise<ImportResult> {
  return importDescriptor({ file: path, content });
}

/** The OntomeshError a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<OntomeshError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

/** The 1-based line of the first line of `content` containing `needle`. */
export function lineOf(content: string, needle: string): number {
  const index = content.split('\n').findIndex((line) => line.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}
