/**
 * Data Contract Specification (datacontract.com, 0.9.x–1.2.x) -> mesh model: the contract, its
 * models as datasets, their fields as fields (nested `fields`, array `items`, map `keys`/`values`),
 * its service levels as service-level objectives. A field's `$ref` to `#/definitions/…` inherits
 * the definition's properties (as the specification says); a `$ref` to an absolute IRI is the
 * field's semantic definition, i.e. a concept.
 */
import { contractIri, datasetIri, fieldIri, nestedFieldIri, sloIri } from '../iris.ts';
import type { DataContractModel, Dataset, Field, ServiceLevelObjective } from '../model.ts';
import { xsdDatatypeOf } from '../vocabulary.ts';
import { addLinks, addTags, isConceptIri, noAnnotations } from './annotations.ts';
import { list, object, optional, scalar, text, type Json } from './json.ts';
import { owner } from './owners.ts';
import { resolveUpstreams } from './upstreamNames.ts';

/** The members of a service level that carry its objective, in order of preference. */
const SLO_VALUES = ['percentage', 'threshold', 'period', 'interval', 'cron', 'time', 'retention', 'type'];

/** The contract of a (schema-valid) Data Contract Specification document. */
export function dcsToModel(data: Json, file: string): DataContractModel {
  const id = String(data['id']);
  const iri = contractIri(id);
  const info = object(data['info']) ?? {};
  const definitions = object(data['definitions']) ?? {};
  const annotations = addLinks(addTags(noAnnotations(), data['tags']), data['links']);
  const contactUrl = text(object(info['contact'])?.['url']);
  if (contactUrl && !annotations.links.includes(contactUrl)) annotations.links.push(contactUrl);
  const ownerName = text(info['owner']);
  return {
    iri,
    id,
    ...optional('name', text(info['title'])),
    ...optional('description', text(info['description'])?.trim()),
    ...optional('version', text(info['version'])),
    ...optional('status', text(info['status'])),
    ...optional('owner', ownerName === undefined ? undefined : owner(ownerName, 'team')),
    ...annotations,
    datasets: resolveUpstreams(Object.entries(object(data['models']) ?? {}).map(([name, model]) => modelToDataset(iri, name, object(model) ?? {}, definitions))),
    slos: serviceLevels(iri, object(data['servicelevels']) ?? {}),
    source: { format: 'dcs', file },
  };
}

function modelToDataset(contract: string, name: string, model: Json, definitions: Json): Dataset {
  const iri = datasetIri(contract, name);
  return {
    iri,
    id: name,
    ...optional('title', text(model['title'])),
    ...optional('description', text(model['description'])?.trim()),
    conformsTo: [],
    ...addTags(noAnnotations(), model['tags']),
    fields: fields(object(model['fields']) ?? {}, (field) => fieldIri(iri, field), definitions),
  };
}

function fields(members: Json, iriOf: (name: string) => string, definitions: Json): Field[] {
  return Object.entries(members).map(([name, member]) => field(iriOf(name), name, object(member) ?? {}, definitions));
}

function field(iri: string, name: string, declared: Json, definitions: Json): Field {
  const ref = text(declared['$ref']);
  const definition = ref?.startsWith('#/definitions/') ? object(definitions[ref.slice('#/definitions/'.length)]) : undefined;
  const merged: Json = { ...definition, ...declared };
  const type = text(merged['type']);
  const annotations = addLinks(addTags(noAnnotations(), merged['tags']), merged['links']);
  if (ref && isConceptIri(ref)) annotations.concepts.push(ref);
  const nested = fields(object(merged['fields']) ?? {}, (child) => nestedFieldIri(iri, child), definitions);
  for (const member of ['items', 'keys', 'values']) {
    const structure = object(merged[member]);
    if (structure) nested.push(field(nestedFieldIri(iri, member), member, structure, definitions));
  }
  const primaryKey = merged['primaryKey'] ?? merged['primary'];
  return {
    iri,
    name,
    ...optional('title', text(merged['title'])),
    ...optional('description', text(merged['description'])?.trim()),
    ...optional('datatype', type),
    ...optional('xsdDatatype', type === undefined ? undefined : xsdDatatypeOf(type)),
    ...optional('nullable', typeof merged['required'] === 'boolean' ? !merged['required'] : undefined),
    ...optional('primaryKey', typeof primaryKey === 'boolean' ? primaryKey : undefined),
    ...optional('classification', text(merged['classification'])),
    ...optional('pii', typeof merged['pii'] === 'boolean' ? merged['pii'] : undefined),
    ...annotations,
    fields: nested,
    ...inputFields(object(merged['lineage'])),
  };
}

/**
 * A field's `lineage.inputFields` (OpenLineage's column lineage: an input dataset `name` and `field`)
 * as names resolveUpstreams reads: `model.field`, or the field's IRI when the dataset name is an IRI.
 */
function inputFields(lineage: Json | undefined): { derivedFrom?: string[] } {
  const names = list(lineage?.['inputFields']).flatMap((input) => {
    const [dataset, field] = [text(input['name']), text(input['field'])];
    if (dataset === undefined || field === undefined) return [];
    return [isConceptIri(dataset) ? fieldIri(dataset, field) : `${dataset}.${field}`];
  });
  return names.length > 0 ? { derivedFrom: names } : {};
}

function serviceLevels(contract: string, levels: Json): ServiceLevelObjective[] {
  return Object.entries(levels).map(([property, level]) => {
    const block = object(level) ?? {};
    const value = SLO_VALUES.map((key) => scalar(block[key])).find((candidate) => candidate !== undefined);
    return {
      iri: sloIri(contract, property),
      property,
      ...optional('value', value),
      ...optional('unit', text(block['unit'])),
      ...optional('description', text(block['description'])),
    };
  });
}
