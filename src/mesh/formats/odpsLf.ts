/**
 * Linux Foundation Open Data Product Specification (ODPS 3.x/4.x, opendataproducts.org) -> mesh
 * model. Texts come in language blocks (`details.en`, `name.en`): English is preferred, else the
 * first language given. Each `dataAccess` entry is an output port, the `contract` block the data
 * contract, `SLA` dimensions the service-level objectives, `dataHolder` the owner.
 */
import { contractIri, portIri, productIri, sloIri } from '../iris.ts';
import type { DataProductModel, Port, ServiceLevelObjective } from '../model.ts';
import { lifecycleStatusIri } from '../vocabulary.ts';
import { addTags, noAnnotations } from './annotations.ts';
import { list, object, optional, scalar, text, type Json } from './json.ts';
import { owner } from './owners.ts';

/** The product of a (schema-valid) LF ODPS document. */
export function odpsLfToModel(data: Json, file: string): DataProductModel {
  const product = object(data['product']) ?? {};
  const details = localized(product['details']) ?? {};
  const id = String(details['productID']);
  const iri = productIri(undefined, id);
  const status = text(details['status']);
  const annotations = addTags(addTags(noAnnotations(), details['tags']), details['categories']);
  const contract = object(product['contract']);
  const contractId = text(contract?.['id']);
  const contractUrl = text(contract?.['contractURL']);
  if (contractUrl) annotations.links.push(contractUrl);
  const holder = localized(product['dataHolder']);
  const holderName = text(holder?.['legalName']);
  const contracts = contractId === undefined ? [] : [contractIri(contractId)];
  return {
    iri,
    id,
    ...optional('name', text(details['name'])),
    ...optional('description', text(details['description'])),
    ...optional('purpose', text(details['valueProposition'])),
    ...optional('version', text(details['productVersion'])),
    ...optional('status', status),
    ...optional('lifecycleStatus', status === undefined ? undefined : lifecycleStatusIri(status)),
    ...optional('owner', holderName === undefined ? undefined : { ...owner(holderName, 'organization'), ...optional('email', text(holder?.['email'])) }),
    ...annotations,
    inputPorts: [],
    outputPorts: Object.entries(object(product['dataAccess']) ?? {}).map(([key, entry]) => accessPort(iri, key, object(entry) ?? {}, contracts)),
    contracts,
    slos: slaDimensions(iri, object(product['SLA']) ?? {}),
    derivedFrom: [],
    source: { format: 'odps-lf', file },
  };
}

function accessPort(product: string, key: string, entry: Json, contracts: string[]): Port {
  return {
    iri: portIri(product, 'output', key),
    kind: 'output',
    id: key,
    name: languageText(entry['name']) ?? key,
    ...optional('description', languageText(entry['description'])),
    ...optional('protocol', text(entry['outputPorttype'])),
    ...optional('endpointUrl', text(entry['accessURL'])),
    ...optional('endpointDescription', text(entry['documentationURL']) ?? text(entry['specsURL'])),
    ...optional('format', text(entry['format'])),
    tags: [],
    contracts,
    conformsTo: [text(entry['specification'])].filter((value): value is string => value !== undefined),
    distributions: [],
    slos: [],
  };
}

/** SLA packages (`SLA.<name>.dimensions`, in 4.x under `SLA.declarative`), one SLO per dimension. */
function slaDimensions(product: string, sla: Json): ServiceLevelObjective[] {
  const packages = Object.values(object(sla['declarative']) ?? sla).map(object).filter((entry): entry is Json => entry !== undefined);
  const seen = new Map<string, number>();
  return packages.flatMap((block) => list(block['dimensions']).map((dimension) => {
    const property = String(dimension['dimension']);
    const index = seen.get(property) ?? 0;
    seen.set(property, index + 1);
    return {
      iri: sloIri(product, property, index),
      property,
      ...optional('value', scalar(dimension['objective'])),
      ...optional('unit', text(dimension['unit'])),
      ...optional('description', languageText(dimension['description']) ?? languageText(dimension['displaytitle'])),
    };
  }));
}

/** The English block of a multilingual object, else its first language. */
function localized(value: unknown): Json | undefined {
  const languages = object(value);
  if (!languages) return undefined;
  return object(languages['en']) ?? Object.values(languages).map(object).find((entry) => entry !== undefined);
}

/** A text given as a string or as `{ en: '…', fi: '…' }`. */
function languageText(value: unknown): string | undefined {
  const plain = text(value);
  if (plain !== undefined) return plain;
  const languages = object(value);
  return languages ? text(languages['en']) ?? Object.values(languages).map(text).find((entry) => entry !== undefined) : undefined;
}
