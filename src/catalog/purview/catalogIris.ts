/**
 * IRIs of what a sync writes, minted from Atlas qualifiedNames (never guids, which differ between
 * accounts and after a re-scan), so a re-sync writes the same triples:
 *
 *   dataset   {base}purview/dataset/{qualifiedName}
 *   field     {dataset}/field/{column name}              (as every mesh field)
 *   process   {base}purview/process/{qualifiedName}
 *   term      {base}purview/term/{qualifiedName}         (unless the term names its own IRI: conceptOf)
 *   domain    {base}domain/{collection}                  (as every mesh domain)
 */
import { fieldIri, MESH_BASE, segment } from '../../mesh/index.ts';

export function purviewDatasetIri(qualifiedName: string): string {
  return `${MESH_BASE}purview/dataset/${segment(qualifiedName)}`;
}

export function purviewFieldIri(datasetQualifiedName: string, column: string): string {
  return fieldIri(purviewDatasetIri(datasetQualifiedName), column);
}

export function purviewProcessIri(qualifiedName: string): string {
  return `${MESH_BASE}purview/process/${segment(qualifiedName)}`;
}

export function purviewTermIri(qualifiedName: string): string {
  return `${MESH_BASE}purview/term/${segment(qualifiedName)}`;
}
