/**
 * The read model of one snapshot: the concepts of the loaded ontologies and the mesh, in memory and
 * linked by reference, with the lookups GraphQL needs (by id, by concept with or without
 * sub-concepts, by domain, owner, tag or status). Versions are immutable, so a model never changes;
 * it holds indexes (each concept's own annotations and its products with those of every sub-concept,
 * in name order; the same for every concept, built with the model), never answers: every request
 * computes its list from them, so a repeated query costs what the first one did.
 */
import { lifecycleStatusIri } from '../../mesh/index.ts';
import type { Snapshot } from '../../graph/GraphStore.ts';
import type { ConceptNode, DatasetNode, DomainNode, FieldNode, ProductNode, PropertyNode, SearchableNode } from './entities.ts';
import { byName, iriOrder, reachable } from './hierarchy.ts';
import type { TextIndex } from './TextIndex.ts';

export interface ReadModelParts {
  snapshot: Snapshot;
  concepts: ReadonlyMap<string, ConceptNode>;
  properties: ReadonlyMap<string, PropertyNode>;
  /** In name order. */
  products: readonly ProductNode[];
  /** In name order. */
  domains: readonly DomainNode[];
  datasets: ReadonlyMap<string, DatasetNode>;
  fields: ReadonlyMap<string, FieldNode>;
  /** The full-text index of the products', datasets', fields' and concepts' literals. */
  text: TextIndex;
}

/** Which products to list; every given condition must hold. */
export interface ProductFilter {
  domain?: string | null;
  owner?: string | null;
  /** A dcat:keyword, compared case-insensitively. */
  tag?: string | null;
  /** A lifecycle stage (`Consume`), its IRI, or a descriptor status that maps to it (`active`). */
  status?: string | null;
  /** Products annotated with this concept (dct:subject, dcat:theme)... */
  concept?: string | null;
  /** ...or with any of its sub-concepts (default true). */
  includeSubConcepts?: boolean | null;
}

export class ReadModel {
  readonly snapshot: Snapshot;
  readonly products: readonly ProductNode[];
  readonly domains: readonly DomainNode[];
  /** Full-text search over the model's products, datasets, fields and concepts. */
  readonly text: TextIndex;
  readonly #concepts: ReadonlyMap<string, ConceptNode>;
  readonly #properties: ReadonlyMap<string, PropertyNode>;
  readonly #datasets: ReadonlyMap<string, DatasetNode>;
  readonly #fields: ReadonlyMap<string, FieldNode>;
  readonly #productsById: ReadonlyMap<string, ProductNode>;
  readonly #domainsById: ReadonlyMap<string, DomainNode>;

  constructor(parts: ReadModelParts) {
    this.snapshot = parts.snapshot;
    this.products = parts.products;
    this.domains = parts.domains;
    this.text = parts.text;
    this.#concepts = parts.concepts;
    this.#properties = parts.properties;
    this.#datasets = parts.datasets;
    this.#fields = parts.fields;
    this.#productsById = new Map(parts.products.map((product) => [product.id, product]));
    this.#domainsById = new Map(parts.domains.map((domain) => [domain.id, domain]));
  }

  /** Sizes, for logs and tests. */
  get counts(): Record<'concepts' | 'properties' | 'products' | 'domains' | 'datasets' | 'fields', number> {
    return {
      concepts: this.#concepts.size, properties: this.#properties.size, products: this.products.length,
      domains: this.domains.length, datasets: this.#datasets.size, fields: this.#fields.size,
    };
  }

  concept(iri: string): ConceptNode | undefined {
    return this.#concepts.get(iri);
  }

  property(iri: string): PropertyNode | undefined {
    return this.#properties.get(iri);
  }

  product(id: string): ProductNode | undefined {
    return this.#productsById.get(id);
  }

  domain(id: string): DomainNode | undefined {
    return this.#domainsById.get(id);
  }

  dataset(id: string): DatasetNode | undefined {
    return this.#datasets.get(id);
  }

  field(id: string): FieldNode | undefined {
    return this.#fields.get(id);
  }

  /** Every dataset, of a product or not (a Purview table). */
  allDatasets(): Iterable<DatasetNode> {
    return this.#datasets.values();
  }

  /** Every field, nested ones included. */
  allFields(): Iterable<FieldNode> {
    return this.#fields.values();
  }

  /** A product, dataset, field or concept by IRI, in that order of precedence. */
  node(id: string): SearchableNode | undefined {
    return this.#productsById.get(id) ?? this.#datasets.get(id) ?? this.#fields.get(id) ?? this.#concepts.get(id);
  }

  /** Named super-concepts: direct ones, or (transitive) all ancestors through the closure; in IRI order. */
  superConcepts(concept: ConceptNode, transitive: boolean): readonly ConceptNode[] {
    return byIri(transitive ? reachable(concept, (c) => c.up) : concept.parents);
  }

  /** Named sub-concepts: direct ones, or (transitive) all descendants through the closure; in IRI order. */
  subConcepts(concept: ConceptNode, transitive: boolean): readonly ConceptNode[] {
    return byIri(transitive ? reachable(concept, (c) => c.down) : concept.children);
  }

  /** Named super-properties: direct ones (asserted rdfs:subPropertyOf), or (transitive) all through the closure; in IRI order. */
  superProperties(property: PropertyNode, transitive: boolean): readonly PropertyNode[] {
    return byIri(transitive ? reachable(property, (q) => q.up) : property.parents);
  }

  /** Named sub-properties: direct ones, or (transitive) all through the closure; in IRI order. */
  subProperties(property: PropertyNode, transitive: boolean): readonly PropertyNode[] {
    return byIri(transitive ? reachable(property, (q) => q.down) : property.children);
  }

  /** The concept and, with `includeSubConcepts`, all its descendants. */
  conceptsUnder(iri: string, includeSubConcepts: boolean): readonly ConceptNode[] {
    const concept = this.#concepts.get(iri);
    if (concept === undefined) return [];
    return includeSubConcepts ? [concept, ...reachable(concept, (c) => c.down)] : [concept];
  }

  /** Products annotated with the concept (or, with `includeSubConcepts`, any sub-concept), in name order. */
  productsAbout(iri: string, includeSubConcepts: boolean): readonly ProductNode[] {
    const concept = this.#concepts.get(iri);
    if (concept === undefined) return [];
    return includeSubConcepts ? concept.productsUnder : concept.annotates.products;
  }

  /** Datasets annotated with the concept (or a sub-concept), in name order. */
  datasetsAbout(iri: string, includeSubConcepts: boolean): readonly DatasetNode[] {
    const lists = this.conceptsUnder(iri, includeSubConcepts).map((c) => c.annotates.datasets);
    return lists.length === 1 ? lists[0]! : byName(lists.flat());
  }

  /** Fields annotated with the concept (or a sub-concept), in name order. */
  fieldsAbout(iri: string, includeSubConcepts: boolean): readonly FieldNode[] {
    const lists = this.conceptsUnder(iri, includeSubConcepts).map((c) => c.annotates.fields);
    return lists.length === 1 ? lists[0]! : byName(lists.flat());
  }

  /** Properties whose domain is the concept or (inherited) one of its ancestors, in IRI order. */
  propertiesOf(concept: ConceptNode, inherited: boolean): readonly PropertyNode[] {
    if (!inherited) return concept.properties;
    const all = new Set([concept, ...this.superConcepts(concept, true)].flatMap((c) => c.properties));
    return byIri(all);
  }

  /**
   * The products that pass `filter`, in name order. Starts from the narrowest indexed list (a
   * domain's products, a concept's) and checks the other conditions on it; `only`, when given,
   * restricts the result to those ids (a text match).
   */
  filterProducts(filter: ProductFilter, only?: ReadonlySet<string>): readonly ProductNode[] {
    const { domain, owner, tag, status, concept } = filter;
    const about = concept == null ? undefined : this.productsAbout(concept, filter.includeSubConcepts ?? true);
    const inDomain = domain == null ? undefined : (this.#domainsById.get(domain)?.products ?? []);
    const base = about !== undefined && (inDomain === undefined || about.length <= inDomain.length) ? about : (inDomain ?? this.products);
    const checks: ((product: ProductNode) => boolean)[] = [];
    if (inDomain !== undefined && base !== inDomain) checks.push((product) => product.domain?.id === domain);
    if (about !== undefined && base !== about) {
      const set = new Set(about);
      checks.push((product) => set.has(product));
    }
    if (owner != null) checks.push((product) => product.owners.some((o) => o.id === owner));
    if (tag != null) {
      const key = tag.toLowerCase();
      checks.push((product) => product.tags.some((t) => t.toLowerCase() === key));
    }
    if (status != null) {
      const [iri, key] = [lifecycleStatusIri(status) ?? status, status.toLowerCase()];
      checks.push((product) => product.lifecycleStatus === iri || product.status?.toLowerCase() === key);
    }
    if (only !== undefined) checks.push((product) => only.has(product.id));
    return checks.length === 0 ? base : base.filter((product) => checks.every((check) => check(product)));
  }
}

function byIri<T extends { iri: string }>(nodes: Iterable<T>): T[] {
  return [...nodes].sort(iriOrder);
}
