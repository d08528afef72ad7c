/**
 * Open Data Mesh Data Product Descriptor Specification (DPDS 1.0) -> mesh model, after `$ref`
 * resolution (../source/resolveReferences.ts). Like the ODM registry, the reader completes what
 * the registry derives: the product's `name` from its fully qualified name
 * (`urn:…:dataproducts:{name}[:{major}]`) or the fully qualified name from the name
 * (`urn:org.opendatamesh:dataproducts:{name}`), and it rejects read-only `entityType` values other
 * than the ones the specification fixes.
 */
import { datasetIri, distributionIri, fieldIri, portIri, productIri, sloIri } from '../iris.ts';
import type { DataProductModel, Dataset, Field, Port, ServiceLevelObjective } from '../model.ts';
import { xsdDatatypeOf } from '../vocabulary.ts';
import { descriptorError, type DescriptorTree } from '../source/DescriptorTree.ts';
import { toPointer } from '../source/jsonPointer.ts';
import { addLinks, addTags, noAnnotations } from './annotations.ts';
import { list, object, optional, text, type Json } from './json.ts';
import { domain, owner } from './owners.ts';

/** The fixed `entityType` of each DPDS entity, by where it sits in the descriptor. */
const ENTITY_TYPES: Record<string, string> = {
  info: 'dataproduct',
  inputPorts: 'inputport',
  outputPorts: 'outputport',
  discoveryPorts: 'discoveryport',
  observabilityPorts: 'observabilityport',
  controlPorts: 'controlport',
  applicationComponents: 'application',
  infrastructuralComponents: 'infrastructure',
};
/** Port promises and obligations read as service-level objectives (`contracts` is the draft name of `obligations`). */
const SLO_BLOCKS: [string, string][] = [['promises', 'slo'], ['obligations', 'sla'], ['contracts', 'sla']];

/** The product of a (schema-valid, reference-resolved) DPDS descriptor. */
export function dpdsToModel(tree: DescriptorTree): DataProductModel {
  checkEntityTypes(tree);
  const data = tree.data as Json;
  const info = object(data['info']) ?? {};
  const fqn = text(info['fullyQualifiedName']);
  const name = text(info['name']) ?? nameFromFqn(fqn ?? '');
  const id = fqn ?? `urn:org.opendatamesh:dataproducts:${name}`;
  const domainName = text(info['domain']);
  const iri = productIri(domainName, name);
  const infoOwner = object(info['owner']);
  const ownerId = text(infoOwner?.['id']);
  const interfaces = object(data['interfaceComponents']) ?? {};
  const annotations = addLinks(addTags(noAnnotations(), info['tags']), list(info['contactPoints']).map((point) => point['address']));
  return {
    iri,
    id,
    name,
    ...optional('title', text(info['displayName'])),
    ...optional('description', text(info['description'])),
    ...optional('version', text(info['version'])),
    ...optional('domain', domainName === undefined ? undefined : domain(domainName)),
    ...optional('owner', ownerId === undefined ? undefined : owner(ownerId, 'person', text(infoOwner?.['name']))),
    ...annotations,
    inputPorts: list(interfaces['inputPorts']).map((port) => toPort(iri, 'input', port)),
    outputPorts: list(interfaces['outputPorts']).map((port) => toPort(iri, 'output', port)),
    contracts: [],
    slos: [],
    derivedFrom: [],
    source: { format: 'dpds', file: tree.file },
  };
}

/** `urn:dpds:com.company-xyz:dataproducts:tripExecution:1` -> `tripExecution`; else the last segment. */
function nameFromFqn(fqn: string): string {
  const parts = fqn.split(':');
  const at = parts.indexOf('dataproducts');
  return (at >= 0 ? parts[at + 1] : parts.at(-1)) ?? fqn;
}

function toPort(product: string, kind: 'input' | 'output', port: Json): Port {
  const id = String(port['name'] ?? port['fullyQualifiedName']);
  const iri = portIri(product, kind, id);
  const promises = object(port['promises']) ?? {};
  const api = object(promises['api']);
  const slos: ServiceLevelObjective[] = [];
  for (const [block, member] of SLO_BLOCKS) {
    const objective = object(object(port[block])?.[member]);
    const description = text(objective?.['description']);
    if (objective) slos.push({ iri: sloIri(iri, member), property: member, ...optional('description', description) });
  }
  const specification = [text(api?.['specification']), text(api?.['specificationVersion'])].filter(Boolean).join(' ');
  return {
    iri,
    kind,
    id,
    name: text(port['displayName']) ?? id,
    ...optional('description', text(port['description'])),
    ...optional('version', text(port['version'])),
    ...optional('protocol', text(promises['servicesType']) ?? text(promises['serviceType'])),
    ...optional('endpointDescription', text(object(port['externalDocs'])?.['$href'])),
    tags: addTags(noAnnotations(), port['tags']).tags,
    contracts: [],
    conformsTo: specification ? [specification] : [],
    distributions: datastoreTables(product, api).map((dataset) => ({ iri: distributionIri(iri, dataset.id), dataset, conformsTo: [] })),
    slos,
  };
}

/**
 * The tables of a `datastoreapi` API definition as datasets: each table's definition lists its
 * columns either as `columns` (name, displayName, dataType, columnConstraint) or as JSON-Schema-like
 * `properties`. A definition left as an unresolved reference yields a dataset without fields.
 */
function datastoreTables(product: string, api: Json | undefined): Dataset[] {
  const definition = object(api?.['definition']);
  if (!definition || !(/datastoreapi/i.test(text(api?.['specification']) ?? '') || 'datastoreapi' in definition)) return [];
  return list(object(definition['schema'])?.['tables']).map((table, index) => {
    const id = text(table['name']) ?? String(index + 1);
    const iri = datasetIri(product, id);
    const body = object(table['definition']) ?? {};
    const columns = list(body['columns']).map((column) => ({ name: String(column['name']), ...column }));
    const properties = Object.entries(object(body['properties']) ?? {}).map(([name, property]) => ({ name, ...object(property) }));
    return {
      iri,
      id,
      ...optional('title', text(body['displayName'])),
      ...optional('description', text(body['description'])),
      conformsTo: [],
      ...addTags(noAnnotations(), body['tags']),
      fields: [...columns, ...properties].map((column) => datastoreColumn(fieldIri(iri, String(column['name'])), column)),
    };
  });
}

function datastoreColumn(iri: string, column: Json): Field {
  const type = text(column['dataType']) ?? text(column['type']);
  const constraint = text(column['columnConstraint']);
  const nullable = typeof column['isNullable'] === 'boolean' ? column['isNullable']
    : constraint === 'NOT_NULL' || constraint === 'PRIMARY_KEY' || column['required'] === true ? false : undefined;
  return {
    iri,
    name: String(column['name']),
    ...optional('title', text(column['displayName'])),
    ...optional('description', text(column['description'])),
    ...optional('datatype', type),
    ...optional('xsdDatatype', type === undefined ? undefined : xsdDatatypeOf(type)),
    ...optional('physicalType', text(column['physicalType'])),
    ...optional('nullable', nullable),
    ...optional('primaryKey', constraint === undefined ? undefined : constraint === 'PRIMARY_KEY'),
    ...addTags(noAnnotations(), column['tags']),
    fields: [],
  };
}

/** Read-only `entityType` members must hold the value the specification fixes for their entity. */
function checkEntityTypes(tree: DescriptorTree): void {
  const data = tree.data as Json;
  const entities: [string, unknown, string][] = [['/info', data['info'], 'info']];
  for (const group of ['interfaceComponents', 'internalComponents']) {
    for (const [member, items] of Object.entries(object(data[group]) ?? {})) {
      if (Array.isArray(items)) items.forEach((item, index) => entities.push([toPointer([group, member, index]), item, member]));
    }
  }
  for (const [pointer, entity, member] of entities) {
    const expected = ENTITY_TYPES[member];
    const actual = object(entity)?.['entityType'];
    if (expected !== undefined && actual !== undefined && actual !== expected) {
      throw descriptorError(tree, `${pointer}/entityType`, `read-only entityType is ${JSON.stringify(actual)}, expected "${expected}"`, 'dpds');
    }
  }
}
