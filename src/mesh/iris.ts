/**
 * Deterministic IRIs for mesh entities, minted from the identifiers descriptors give them, so that
 * registering the same descriptor again yields the same triples (idempotent), and a product's ports,
 * datasets and fields stay put when other parts of the descriptor change.
 *
 *   product     {base}product/{domain}/{id}            (domain `_` when the descriptor names none)
 *   port        {product}/port/{input|output}/{id}
 *   dataset     {product or contract}/dataset/{id} (a DPROD blank node: {port}/dataset/{id})
 *   distribution {port}/distribution/{dataset id}
 *   field       {dataset}/field/{name}, nested: {field}/{name}
 *   contract    {base}contract/{id}
 *   SLO         {product, port or contract}/slo/{property}[-{n}]
 *   domain      {base}domain/{id}
 *   agent       {base}agent/{id}
 *
 * {base} is https://w3id.org/ontomesh/mesh/. Each segment is percent-encoded (RFC 3986 unreserved
 * characters stay as they are), so any identifier (an email, a URN, a UUID) is a valid segment.
 * DPROD descriptors name their resources with IRIs already; those IRIs are kept.
 */
import { MESH_BASE } from './vocabulary.ts';

/** Percent-encodes one path segment; `_` stands for an empty one. */
export function segment(id: string): string {
  return id === '' ? '_' : encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** @example productIri('sales', 'orders') // 'https://w3id.org/ontomesh/mesh/product/sales/orders' */
export function productIri(domain: string | undefined, id: string): string {
  return `${MESH_BASE}product/${domain === undefined ? '_' : segment(domain)}/${segment(id)}`;
}

/** @example portIri(product, 'output', 'orders-api') */
export function portIri(product: string, kind: 'input' | 'output', id: string): string {
  return `${product}/port/${kind}/${segment(id)}`;
}

/** A dataset of a product or of a contract. */
export function datasetIri(owner: string, id: string): string {
  return `${owner}/dataset/${segment(id)}`;
}

/** The distribution of a dataset through a port. */
export function distributionIri(port: string, datasetId: string): string {
  return `${port}/distribution/${segment(datasetId)}`;
}

/** A field of a dataset. */
export function fieldIri(dataset: string, name: string): string {
  return `${dataset}/field/${segment(name)}`;
}

/** A field nested in a field (a struct member, an array's items). */
export function nestedFieldIri(field: string, name: string): string {
  return `${field}/${segment(name)}`;
}

export function contractIri(id: string): string {
  return `${MESH_BASE}contract/${segment(id)}`;
}

/** An SLO of a product, port or contract; `index` tells apart repeated properties. */
export function sloIri(owner: string, property: string, index = 0): string {
  return `${owner}/slo/${segment(property)}${index > 0 ? `-${index + 1}` : ''}`;
}

export function domainIri(id: string): string {
  return `${MESH_BASE}domain/${segment(id)}`;
}

export function agentIri(id: string): string {
  return `${MESH_BASE}agent/${segment(id)}`;
}
