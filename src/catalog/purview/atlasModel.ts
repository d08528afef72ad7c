/**
 * The Apache Atlas v2 JSON that Microsoft Purview's Data Map API (2023-09-01) answers with, as far as
 * the sync reads it: entities with their attributes and relationship attributes, object ids, lineage
 * graphs, glossary terms and discovery-query results. Shapes from the DataMap TypeSpec's output models
 * and examples (../shared/docs/FACTS.md §4); every field is optional where the service may leave it out.
 */

/** A reference to an entity: by guid, or by type and unique attributes (AtlasObjectId / AtlasRelatedObjectId). */
export interface AtlasObjectId {
  guid?: string;
  typeName?: string;
  uniqueAttributes?: { qualifiedName?: string };
  displayText?: string;
}

/** An entity as GET /atlas/v2/entity/bulk returns it (AtlasEntity). */
export interface AtlasEntity {
  guid: string;
  typeName: string;
  status?: string;
  attributes: Record<string, unknown> & { qualifiedName?: string; name?: string; description?: string | null };
  relationshipAttributes?: Record<string, unknown>;
  /** Purview: the collection the asset belongs to. */
  collectionId?: string;
}

/** GET /atlas/v2/entity/bulk (AtlasEntitiesWithExtInfo). */
export interface AtlasEntities {
  entities?: AtlasEntity[];
  referredEntities?: Record<string, AtlasEntity>;
}

/** GET /atlas/v2/lineage/{guid} (AtlasLineageInfo). */
export interface AtlasLineage {
  baseEntityGuid?: string;
  guidEntityMap?: Record<string, { guid?: string; typeName?: string; attributes?: Record<string, unknown> }>;
  relations?: { fromEntityId?: string; toEntityId?: string; relationshipId?: string }[];
}

/** A glossary (GET /atlas/v2/glossary). */
export interface AtlasGlossary {
  guid: string;
  name?: string;
  qualifiedName?: string;
}

/** A glossary term (GET /atlas/v2/glossary/{guid}/terms). */
export interface AtlasGlossaryTerm {
  guid: string;
  name?: string;
  qualifiedName?: string;
  shortDescription?: string | null;
  longDescription?: string | null;
  abbreviation?: string;
  status?: string;
  resources?: { displayName?: string; url?: string }[];
  /** The entities the term is assigned to (AtlasRelatedObjectId). */
  assignedEntities?: AtlasObjectId[];
}

/** One hit of POST /search/query. */
export interface SearchHit {
  id: string;
  qualifiedName?: string;
  entityType?: string;
  collectionId?: string;
}

/** POST /search/query's answer (QueryResult). */
export interface SearchPage {
  '@search.count'?: number;
  continuationToken?: string;
  value?: SearchHit[];
}
