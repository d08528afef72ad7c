/**
 * The mesh view of a catalog read (pure; no I/O): every DataSet asset — those the query selected and
 * those lineage reached — as a dcat:Dataset with its columns as mesh:field, lineage as
 * `downstream prov:wasDerivedFrom upstream` between datasets and between fields, each Process as a
 * prov:Activity (prov:used its inputs, prov:generated its outputs), glossary terms assigned to an asset
 * or column as its concepts (dct:subject, the term a skos:Concept), and the Atlas guid, type name and
 * Purview collection kept beside the qualifiedName (dct:identifier). src/catalog/purview/README.md lists
 * every triple.
 */
import type { Quad } from '@rdfjs/types';
import { datasetToQuads, domainIri, domainToQuads, meshNamespaces as ns, TripleWriter, xsdDatatypeOf, type Dataset, type Field } from '../../mesh/index.ts';
import type { AtlasEntity, AtlasGlossaryTerm, AtlasObjectId } from './atlasModel.ts';
import { purviewDatasetIri, purviewFieldIri, purviewProcessIri, purviewTermIri } from './catalogIris.ts';
import { parseColumnMapping } from './columnMapping.ts';
import { isProcess, refsOf, SCHEMA_ATTRIBUTES, type CatalogSnapshot } from './readCatalog.ts';

const skos = 'http://www.w3.org/2004/02/skos/core#';
const { dct, prov, rdfs, mesh } = ns;

export interface CatalogGraph {
  quads: Quad[];
  counts: { datasets: number; fields: number; processes: number; concepts: number; datasetLineage: number; fieldLineage: number };
  /** What was read but could not be mapped (a term no glossary lists, a columnMapping that is no JSON). */
  warnings: string[];
}

interface Column {
  entity: AtlasEntity;
  dataset: string;
  name: string;
}

/**
 * Maps a catalog snapshot to RDF.
 *
 * @example
 * const { quads, counts } = catalogToQuads(await readCatalog(client, query));
 */
export function catalogToQuads(snapshot: CatalogSnapshot): CatalogGraph {
  const { entities } = snapshot;
  const warnings: string[] = [];
  const qualifiedName = (ref: AtlasObjectId): string | undefined =>
    (ref.guid !== undefined ? entities.get(ref.guid)?.attributes.qualifiedName : undefined) ?? ref.uniqueAttributes?.qualifiedName;

  const columns = columnsByGuid(entities);
  const schemas = schemaGuids(entities);
  const isDataset = (entity: AtlasEntity | undefined): entity is AtlasEntity & { attributes: { qualifiedName: string } } =>
    entity !== undefined && typeof entity.attributes.qualifiedName === 'string' && !isProcess(entity) && !columns.has(entity.guid) && !schemas.has(entity.guid);

  const datasets = new Map<string, AtlasEntity>();
  for (const guid of snapshot.assets) {
    const entity = entities.get(guid);
    if (isDataset(entity)) datasets.set(entity.attributes.qualifiedName!, entity);
  }

  const writer = new TripleWriter();
  const datasetUpstream = new Map<string, Set<string>>();
  const fieldUpstream = new Map<string, Set<string>>();
  const link = (into: Map<string, Set<string>>, downstream: string, upstream: string) => {
    if (downstream !== upstream) addTo(into, downstream, upstream);
  };
  let processes = 0;
  for (const process of entities.values()) {
    const processName = process.attributes.qualifiedName;
    if (!isProcess(process) || typeof processName !== 'string') continue;
    const inputs = refsOf(process, 'inputs');
    const outputs = refsOf(process, 'outputs');
    const activity = purviewProcessIri(processName);
    const columnIri = (ref: AtlasObjectId) => {
      const column = ref.guid !== undefined ? columns.get(ref.guid) : undefined;
      return column ? purviewFieldIri(column.dataset, column.name) : undefined;
    };
    const datasetIri = (ref: AtlasObjectId) => {
      const name = qualifiedName(ref);
      if (name === undefined) return undefined;
      const entity = ref.guid !== undefined ? entities.get(ref.guid) : undefined;
      if (entity !== undefined && isDataset(entity)) datasets.set(name, entity);
      return purviewDatasetIri(name);
    };
    // Atlas column-lineage processes (hive_column_lineage, …) have columns on both ends.
    const onColumns = outputs.length > 0 && outputs.every((ref) => columnIri(ref) !== undefined);
    const resolve = onColumns ? columnIri : datasetIri;
    const used = inputs.map(resolve).filter((iri) => iri !== undefined);
    const generated = outputs.map(resolve).filter((iri) => iri !== undefined);
    for (const output of generated) for (const input of used) link(onColumns ? fieldUpstream : datasetUpstream, output, input);
    if (!onColumns) {
      const mapping = parseColumnMapping(process.attributes.columnMapping, processName);
      warnings.push(...mapping.warnings);
      for (const l of mapping.links) link(fieldUpstream, purviewFieldIri(l.sinkDataset, l.sinkColumn), purviewFieldIri(l.sourceDataset, l.sourceColumn));
    }
    writer.type(activity, `${prov}Activity`);
    writer.value(activity, `${rdfs}label`, stringAttribute(process, 'name') ?? processName);
    writer.value(activity, `${dct}identifier`, processName);
    writeAtlasIdentity(writer, activity, process);
    for (const input of used) writer.link(activity, `${prov}used`, input);
    for (const output of generated) writer.link(activity, `${prov}generated`, output);
    processes++;
  }

  const concepts = conceptsByAssignee(snapshot, warnings);
  const columnsOf = Map.groupBy(columns.values(), (column) => column.dataset);
  let fields = 0;
  let fieldLineage = 0;
  for (const [name, entity] of datasets) {
    const iri = purviewDatasetIri(name);
    const datasetFields: (Field & { column: AtlasEntity })[] = [];
    for (const column of columnsOf.get(name) ?? []) {
      const fieldIri = purviewFieldIri(name, column.name);
      const type = stringAttribute(column.entity, 'type') ?? stringAttribute(column.entity, 'data_type') ?? stringAttribute(column.entity, 'dataType');
      const derivedFrom = [...(fieldUpstream.get(fieldIri) ?? [])];
      fieldLineage += derivedFrom.length;
      datasetFields.push({
        iri: fieldIri, name: column.name, description: stringAttribute(column.entity, 'description') ?? stringAttribute(column.entity, 'comment'),
        datatype: type, xsdDatatype: type === undefined ? undefined : xsdDatatypeOf(type),
        tags: [], concepts: concepts.get(column.entity.guid) ?? [], links: [], fields: [], derivedFrom, column: column.entity,
      });
    }
    datasetFields.sort((a, b) => a.name.localeCompare(b.name));
    const dataset: Dataset = {
      iri, id: name, title: stringAttribute(entity, 'name') ?? name, description: stringAttribute(entity, 'description'),
      conformsTo: [], tags: [], concepts: concepts.get(entity.guid) ?? [], links: [], fields: datasetFields,
      derivedFrom: [...(datasetUpstream.get(iri) ?? [])],
    };
    datasetToQuads(dataset, writer);
    writeAtlasIdentity(writer, iri, entity);
    for (const field of datasetFields) writeAtlasIdentity(writer, field.iri, field.column);
    if (entity.collectionId) {
      const domain = { iri: domainIri(entity.collectionId), id: entity.collectionId };
      writer.link(iri, `${mesh}domain`, domain.iri);
      domainToQuads(domain, writer);
    }
    fields += datasetFields.length;
  }
  const written = writeConcepts(writer, snapshot, concepts);
  const datasetLineage = [...datasets.keys()].reduce((sum, name) => sum + (datasetUpstream.get(purviewDatasetIri(name))?.size ?? 0), 0);
  return { quads: writer.quads, counts: { datasets: datasets.size, fields, processes, concepts: written, datasetLineage, fieldLineage }, warnings };
}

/** Every column of every entity that has some, directly (`columns`) or through a schema entity. */
function columnsByGuid(entities: ReadonlyMap<string, AtlasEntity>): Map<string, Column> {
  const columns = new Map<string, Column>();
  for (const entity of entities.values()) {
    const dataset = entity.attributes.qualifiedName;
    if (typeof dataset !== 'string' || isProcess(entity)) continue;
    const refs = [...refsOf(entity, 'columns'), ...SCHEMA_ATTRIBUTES.flatMap((name) => refsOf(entity, name))
      .flatMap((ref) => (ref.guid !== undefined && entities.has(ref.guid) ? refsOf(entities.get(ref.guid)!, 'columns') : []))];
    for (const ref of refs) {
      const column = ref.guid !== undefined ? entities.get(ref.guid) : undefined;
      const name = column ? stringAttribute(column, 'name') : undefined;
      if (column && name !== undefined && !columns.has(column.guid)) columns.set(column.guid, { entity: column, dataset, name });
    }
  }
  return columns;
}

/** The schema entities (tabular_schema, …): the targets of datasets' schema relationships. */
function schemaGuids(entities: ReadonlyMap<string, AtlasEntity>): Set<string> {
  const guids = new Set<string>();
  for (const entity of entities.values()) for (const name of SCHEMA_ATTRIBUTES) for (const ref of refsOf(entity, name)) if (ref.guid !== undefined) guids.add(ref.guid);
  return guids;
}

/** Entity guid → the concept IRIs of the glossary terms assigned to it (its `meanings`, the terms' `assignedEntities`). */
function conceptsByAssignee(snapshot: CatalogSnapshot, warnings: string[]): Map<string, string[]> {
  const assigned = new Map<string, Set<string>>();
  const assign = (entityGuid: string, term: AtlasGlossaryTerm) => addTo(assigned, entityGuid, conceptOf(term));
  for (const entity of snapshot.entities.values()) {
    for (const meaning of refsOf(entity, 'meanings')) {
      const term = meaning.guid !== undefined ? snapshot.terms.get(meaning.guid) : undefined;
      if (term) assign(entity.guid, term);
      else warnings.push(`the term "${meaning.displayText ?? meaning.guid}" assigned to ${entity.attributes.qualifiedName} is in no glossary the identity can read; the assignment is left out`);
    }
  }
  for (const term of snapshot.terms.values()) for (const ref of term.assignedEntities ?? []) if (ref.guid !== undefined && snapshot.entities.has(ref.guid)) assign(ref.guid, term);
  return new Map([...assigned].map(([guid, set]) => [guid, [...set].sort()]));
}

/**
 * The concept a term stands for: the IRI a term resource names when its display name says it is one
 * ("IRI", "URI", "Concept", "Ontology class"), so a term can point at an ontology class; else a stable
 * IRI minted from the term's qualifiedName.
 */
export function conceptOf(term: AtlasGlossaryTerm): string {
  const named = term.resources?.find((r) => /^(iri|uri|concept|ontology class)$/i.test(r.displayName?.trim() ?? '') && /^[a-z][a-z0-9+.-]*:\S+$/i.test(r.url ?? ''));
  return named?.url ?? purviewTermIri(term.qualifiedName ?? term.guid);
}

/** The terms assigned to something read, as skos:Concepts; returns how many. */
function writeConcepts(writer: TripleWriter, snapshot: CatalogSnapshot, concepts: ReadonlyMap<string, string[]>): number {
  const used = new Set([...concepts.values()].flat());
  let count = 0;
  for (const term of snapshot.terms.values()) {
    const iri = conceptOf(term);
    if (!used.has(iri)) continue;
    used.delete(iri);
    count++;
    writer.type(iri, `${skos}Concept`);
    writer.value(iri, `${skos}prefLabel`, term.name || term.qualifiedName);
    writer.value(iri, `${skos}altLabel`, term.abbreviation || undefined);
    writer.value(iri, `${skos}definition`, term.longDescription || term.shortDescription || undefined);
    writer.value(iri, `${dct}identifier`, term.qualifiedName);
    writer.value(iri, `${mesh}atlasGuid`, term.guid);
  }
  return count;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function writeAtlasIdentity(writer: TripleWriter, iri: string, entity: AtlasEntity): void {
  writer.value(iri, `${mesh}atlasGuid`, entity.guid);
  writer.value(iri, `${mesh}atlasTypeName`, entity.typeName);
}

function stringAttribute(entity: AtlasEntity, name: string): string | undefined {
  const value = entity.attributes[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
