/** The public surface of src/catalog/purview: the Purview / Atlas v2 REST client, the catalog read and its mapping to the mesh. */
export { PurviewClient, type AssetQuery, type CatalogFlavour, type PurviewClientOptions } from './PurviewClient.ts';
export { basicAuthorization, entraAuthorization, PURVIEW_SCOPE, type AuthorizationProvider } from './catalogAuth.ts';
export { readCatalog, type CatalogSnapshot, type ReadCatalogOptions, type ReadProgress } from './readCatalog.ts';
export { catalogToQuads, conceptOf, type CatalogGraph } from './catalogToQuads.ts';
export { purviewDatasetIri, purviewFieldIri, purviewProcessIri, purviewTermIri } from './catalogIris.ts';
export { parseColumnMapping, type ColumnLink } from './columnMapping.ts';
