/**
 * Bitol Open Data Contract Standard (ODCS v2.2–v3.1) -> mesh model: the contract, its schema
 * objects as datasets, their properties as fields (nested objects and array items as nested
 * fields), its SLA properties as service-level objectives.
 */
import { contractIri, datasetIri, fieldIri, nestedFieldIri, sloIri } from '../iris.ts';
import type { DataContractModel, Dataset, Field, ServiceLevelObjective, SourceRef } from '../model.ts';
import { xsdDatatypeOf } from '../vocabulary.ts';
import { addAuthoritativeDefinitions, addTags, noAnnotations } from './annotations.ts';
import { list, object, optional, scalar, stringList, text, type Json } from './json.ts';
import { domain, ownerOfTeam } from './owners.ts';
import { resolveUpstreams } from './upstreamNames.ts';

/** The contract of a (schema-valid) ODCS document. */
export function odcsToModel(data: Json, file: string): DataContractModel {
  const id = String(data['id']);
  const iri = contractIri(id);
  const annotations = addAuthoritativeDefinitions(addTags(noAnnotations(), data['tags']), data['authoritativeDefinitions']);
  const purpose = text(object(data['description'])?.['purpose'] ?? data['description']);
  const domainName = text(data['domain']);
  const owner = ownerOfTeam(data['team']);
  const source: SourceRef = { format: 'odcs', file };
  return {
    iri,
    id,
    ...optional('name', text(data['name'])),
    ...optional('description', purpose),
    ...optional('version', text(data['version'])),
    ...optional('status', text(data['status'])),
    ...optional('domain', domainName === undefined ? undefined : domain(domainName)),
    ...optional('owner', owner),
    ...optional('product', text(data['dataProduct'])),
    ...annotations,
    datasets: resolveUpstreams(list(data['schema']).map((object) => schemaObject(iri, object))),
    slos: slaProperties(iri, data['slaProperties']),
    source,
  };
}

function schemaObject(contract: string, element: Json): Dataset {
  const id = String(element['name'] ?? element['physicalName'] ?? '');
  const iri = datasetIri(contract, id);
  return {
    iri,
    id,
    ...optional('title', text(element['businessName'])),
    ...optional('description', text(element['description'])),
    conformsTo: [],
    ...addAuthoritativeDefinitions(addTags(noAnnotations(), element['tags']), element['authoritativeDefinitions']),
    fields: list(element['properties']).map((property) => schemaProperty(fieldIri(iri, String(property['name'])), property)),
  };
}

function schemaProperty(iri: string, property: Json): Field {
  const name = String(property['name'] ?? 'items');
  const logicalType = text(property['logicalType']);
  const physicalType = text(property['physicalType']);
  const xsd = xsdDatatypeOf(logicalType ?? physicalType ?? '');
  const nested = list(property['properties']).map((child) => schemaProperty(nestedFieldIri(iri, String(child['name'])), child));
  const items = object(property['items']);
  if (items) nested.push(schemaProperty(nestedFieldIri(iri, 'items'), { ...items, name: 'items' }));
  return {
    iri,
    name,
    ...optional('title', text(property['businessName'])),
    ...optional('description', text(property['description'])),
    ...optional('datatype', logicalType),
    ...optional('xsdDatatype', xsd),
    ...optional('physicalType', physicalType),
    ...optional('nullable', typeof property['required'] === 'boolean' ? !property['required'] : undefined),
    ...optional('primaryKey', typeof property['primaryKey'] === 'boolean' ? property['primaryKey'] : undefined),
    ...optional('classification', text(property['classification'])),
    ...addAuthoritativeDefinitions(addTags(noAnnotations(), property['tags']), property['authoritativeDefinitions']),
    fields: nested,
    ...sourceObjects(property),
  };
}

/** A property's `transformSourceObjects` as written (resolveUpstreams turns them into IRIs); ODCS defines none for schema objects. */
function sourceObjects(element: Json): { derivedFrom?: string[] } {
  const names = stringList(element['transformSourceObjects']);
  return names.length > 0 ? { derivedFrom: names } : {};
}

function slaProperties(owner: string, properties: unknown): ServiceLevelObjective[] {
  const seen = new Map<string, number>();
  return list(properties).map((entry) => {
    const property = String(entry['property']);
    const index = seen.get(property) ?? 0;
    seen.set(property, index + 1);
    return {
      iri: sloIri(owner, property, index),
      property,
      ...optional('value', scalar(entry['value'])),
      ...optional('unit', text(entry['unit'])),
      ...optional('description', text(entry['description'])),
    };
  });
}
