/**
 * Registering data-product and data-contract descriptors (`ontomesh mesh register`, `PUT /products/{id}`).
 *
 * Every descriptor is imported and validated first (src/mesh); nothing is written unless all are valid.
 * Each becomes one registration, keyed by its kind and id (productRegistry.ts), in the graph of its
 * domain, replacing the registration of the same kind and id wherever it was. Writing, lineage, the
 * atomic commit and the retries are changeRegistrations.ts's, shared with unregistering.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { importDescriptor, type DescriptorInput, type ImportResult, type ReferenceReader } from '../mesh/index.ts';
import {
  changeRegistrations, registrationKey, registrationReporter, type ChangedRegistration, type ChangeOutcome, type IncomingRegistration as Incoming,
} from './changeRegistrations.ts';
import { productGraphId, registrationGraph, registrationId, type RegistrationKind, type RegistrationRecord } from './productRegistry.ts';

export interface RegisterOptions {
  /** When set, the (single) descriptor must register as this kind and id (`PUT /products/{id}`). */
  expect?: { kind: RegistrationKind; id: string };
  /** Stops the registration (everything written is aborted) when it fires. */
  signal?: AbortSignal;
}

/** What one descriptor was registered as. */
export interface RegisteredDescriptor extends ChangedRegistration {
  format: RegistrationRecord['format'];
  /** True when it replaced an earlier registration of the same kind and id. */
  replaced: boolean;
  warnings: string[];
}

export interface RegisterSummary {
  registrations: RegisteredDescriptor[];
  /** Every graph given a new version (the domains registered into, and those whose lineage changed). */
  graphs: ChangeOutcome['graphs'];
  durationMs: number;
}

/**
 * Registers descriptors into the store: validates all, then writes the new versions of the domain
 * graphs they touch and activates them.
 *
 * @throws OntomeshError DESCRIPTOR_INVALID, SHACL_VIOLATION, RDF_SYNTAX, UNSUPPORTED_FORMAT (naming the file
 *   and field), BAD_REQUEST (two descriptors with one id, an id other than `expect`, a domain graph that
 *   holds ontologies); the store's errors. Nothing is activated when it throws before committing.
 * @example
 * const summary = await registerProducts(store, [{ file: 'orders.odps.yaml', content }]);
 * console.log(summary.registrations[0].id, summary.graphs);
 */
export async function registerProducts(store: GraphStore, descriptors: readonly DescriptorInput[], options: RegisterOptions = {}): Promise<RegisterSummary> {
  if (descriptors.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to register: no descriptor given');
  const started = performance.now();
  const incoming = await importAll(descriptors, options.signal);
  checkIds(incoming, options.expect);
  const outcome = await changeRegistrations(store, { incoming, removing: [] }, options.signal);
  const report = registrationReporter(outcome);
  const previous = new Set(outcome.before.flatMap((g) => g.registrations.map(registrationKey)));
  const registrations = incoming.map(({ record, graphId, warnings }) => ({
    ...report(record, graphId), format: record.format, replaced: previous.has(registrationKey(record)), warnings,
  }));
  return { registrations, graphs: outcome.graphs, durationMs: performance.now() - started };
}

/**
 * Imports every descriptor. A file another descriptor read through `$ref` (a DPDS API definition in the
 * same folder) is a part of that one, not a descriptor: it is left out, whether it imports or not.
 * Otherwise the first failure, in the order given, is thrown.
 */
async function importAll(descriptors: readonly DescriptorInput[], signal: AbortSignal | undefined): Promise<Incoming[]> {
  const referenced = new Set<string>();
  const outcomes: { file: string; incoming?: Incoming; error?: unknown }[] = [];
  for (const descriptor of descriptors) {
    signal?.throwIfAborted();
    const readReference = descriptor.readReference ?? folderReader(descriptor.file, referenced);
    try {
      outcomes.push({ file: descriptor.file, incoming: place(descriptor.file, await importDescriptor({ ...descriptor, readReference })) });
    } catch (error) {
      outcomes.push({ file: descriptor.file, error });
    }
  }
  const kept = outcomes.filter(({ file }) => !referenced.has(resolve(file)));
  const failed = kept.find((outcome) => outcome.incoming === undefined);
  if (failed) throw failed.error;
  return kept.map((outcome) => outcome.incoming!);
}

/** Reads the files a descriptor references, only inside its folder (as src/mesh does), noting each. */
function folderReader(file: string, referenced: Set<string>): ReferenceReader {
  const folder = dirname(resolve(file));
  return async (path) => {
    if (!path.startsWith(`${folder}${sep}`)) throw new OntomeshError('FORBIDDEN', 'the file is outside the descriptor\'s folder', { file: path });
    referenced.add(path);
    return readFile(path, 'utf8');
  };
}

/** Where an imported descriptor goes: its kind, id, named graph and domain graph. */
function place(file: string, imported: ImportResult): Incoming {
  const primary = imported.products[0] ?? imported.contracts[0];
  if (primary === undefined) {
    throw new OntomeshError('DESCRIPTOR_INVALID', 'the descriptor describes no data product and no data contract: there is nothing to register', { file });
  }
  const kind: RegistrationKind = imported.products.length > 0 ? 'product' : 'contract';
  const id = registrationId(primary.iri);
  const record: RegistrationRecord = {
    kind,
    id,
    graph: registrationGraph(kind, id),
    source: file,
    format: imported.format,
    registeredAt: new Date().toISOString(),
    products: imported.products.map((p) => ({
      iri: p.iri,
      inputPorts: p.inputPorts.map((port) => ({ iri: port.iri, contracts: port.contracts })),
      outputPorts: p.outputPorts.map((port) => ({ iri: port.iri, contracts: port.contracts })),
    })),
    contracts: imported.contracts.map((c) => c.iri),
    lineage: [],
  };
  return { record, graphId: productGraphId(primary.domain?.id), quads: imported.quads, warnings: imported.warnings };
}

function checkIds(incoming: readonly Incoming[], expect: RegisterOptions['expect']): void {
  const seen = new Map<string, string>();
  for (const { record } of incoming) {
    const key = registrationKey(record);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new OntomeshError('BAD_REQUEST', `${other} and ${record.source} both register the ${record.kind} "${record.id}"`, { file: record.source, term: record.id });
    }
    seen.set(key, record.source);
    if (expect !== undefined && (expect.kind !== record.kind || expect.id !== record.id)) {
      throw new OntomeshError('BAD_REQUEST',
        `the descriptor registers the ${record.kind} "${record.id}", not the ${expect.kind} "${expect.id}" (the id is the last segment of its IRI)`,
        { file: record.source, term: record.id });
    }
  }
}
