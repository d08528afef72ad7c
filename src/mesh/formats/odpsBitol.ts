/**
 * Bitol Open Data Product Standard (ODPS v0.9–v1.0) -> mesh model. Input and output ports name the
 * data contracts they consume and provide (`contractId`); those contracts (ODCS) carry the schema,
 * and lineage between products follows them (lineage.ts).
 */
import { contractIri, portIri, productIri } from '../iris.ts';
import type { DataProductModel, Port } from '../model.ts';
import { lifecycleStatusIri } from '../vocabulary.ts';
import { addAuthoritativeDefinitions, addTags, noAnnotations } from './annotations.ts';
import { list, object, optional, text, type Json } from './json.ts';
import { domain, ownerOfTeam } from './owners.ts';

/** The product of a (schema-valid) ODPS document. */
export function odpsBitolToModel(data: Json, file: string): DataProductModel {
  const id = String(data['id']);
  const domainName = text(data['domain']);
  const iri = productIri(domainName, id);
  const description = object(data['description']) ?? {};
  const status = text(data['status']);
  const annotations = addAuthoritativeDefinitions(addTags(noAnnotations(), data['tags']), data['authoritativeDefinitions']);
  addAuthoritativeDefinitions(annotations, description['authoritativeDefinitions']);
  const inputPorts = ports(iri, 'input', list(data['inputPorts']));
  const outputPorts = ports(iri, 'output', list(data['outputPorts']));
  const descriptionText = [text(description['usage']), text(description['limitations']) && `Limitations: ${text(description['limitations'])}`].filter(Boolean).join('\n');
  return {
    iri,
    id,
    ...optional('name', text(data['name'])),
    ...optional('description', descriptionText || undefined),
    ...optional('purpose', text(description['purpose'])),
    ...optional('version', text(data['version'])),
    ...optional('status', status),
    ...optional('lifecycleStatus', status === undefined ? undefined : lifecycleStatusIri(status)),
    ...optional('domain', domainName === undefined ? undefined : domain(domainName)),
    ...optional('owner', ownerOfTeam(data['team'])),
    ...annotations,
    inputPorts,
    outputPorts,
    contracts: [...new Set(outputPorts.flatMap((port) => port.contracts))],
    slos: [],
    derivedFrom: [],
    source: { format: 'odps-bitol', file },
  };
}

/** Ports keyed by name; a name used by several versions of a port gets `name:version`. */
function ports(product: string, kind: 'input' | 'output', entries: Json[]): Port[] {
  const names = entries.map((entry) => String(entry['name']));
  return entries.map((entry) => {
    const name = String(entry['name']);
    const version = text(entry['version']);
    const id = names.indexOf(name) !== names.lastIndexOf(name) && version ? `${name}:${version}` : name;
    const contract = text(entry['contractId']);
    return {
      iri: portIri(product, kind, id),
      kind,
      id,
      name,
      ...optional('description', text(entry['description'])),
      ...optional('version', version),
      ...optional('protocol', text(entry['type'])),
      tags: addTags(noAnnotations(), entry['tags']).tags,
      contracts: contract === undefined ? [] : [contractIri(contract)],
      conformsTo: [],
      distributions: [],
      slos: [],
    };
  });
}
