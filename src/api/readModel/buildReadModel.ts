/**
 * Builds the read model of a snapshot from its facts (see FactIndex): concepts with their hierarchy
 * (asserted parents, and the one-step hierarchy edges the load's closure stored, walked transitively
 * and through anonymous classes), properties (readProperties.ts), and the mesh —
 * products typed dprod:DataProduct or any sub-class of it (types are joined with the class closure,
 * so a product typed with a specialisation counts), their domains, owners, ports, datasets
 * (directly, through port distributions, or through contracts) and fields, each dataset's domain (its
 * own mesh:domain, else its provider's) and catalog source (mesh:atlasTypeName, mesh:atlasGuid), and every dct:subject /
 * dcat:theme annotation, and the lineage between products, datasets and fields (lineageLinks.ts); and the
 * full-text index of their literals (TextIndex). Pure: no store, no I/O;
 * it lets the event loop have a turn every few milliseconds on the way (TimeSlice).
 */
import { hasPersonalDataPredicates } from '../../governance/index.ts';
import { isSkolem } from '../../graph/skolem.ts';
import { textIndexPredicates } from '../../graph/textIndex.ts';
import type { Snapshot } from '../../graph/GraphStore.ts';
import type { ActivityNode, AgentNode, CatalogSource, ConceptNode, DatasetNode, DomainNode, FieldNode, PortNode, ProductNode, SearchableNode } from './entities.ts';
import type { FactIndex } from './FactIndex.ts';
import { linkBelow, reachable } from './hierarchy.ts';
import { noLineage, readLineage } from './lineageLinks.ts';
import { pickText } from './pickText.ts';
import { ReadModel } from './ReadModel.ts';
import { readProperties } from './readProperties.ts';
import { definitionsOf, isDeprecated, isTrue } from './termAnnotations.ts';
import { TextIndex } from './TextIndex.ts';
import { TimeSlice } from './TimeSlice.ts';
import { annotationPredicates, broader, conceptTypes, deprecatedTypes, labelPredicates, meshClasses, p, rdfType } from './terms.ts';

const prov = 'http://www.w3.org/ns/prov#';
const nameOrder = (a: { name: string; id: string }, b: { name: string; id: string }) => compare(a.name, b.name) || compare(a.id, b.id);

/** Builds the model of `snapshot` from the facts in `facts`. */
export function buildReadModel(snapshot: Snapshot, facts: FactIndex): Promise<ReadModel> {
  return new ModelBuilder(facts).build(snapshot);
}

class ModelBuilder {
  readonly #fx: FactIndex;
  readonly #concepts = new Map<string, ConceptNode>();
  readonly #datasets = new Map<string, DatasetNode>();
  readonly #fields = new Map<string, FieldNode>();
  readonly #domains = new Map<string, DomainNode>();
  #datasetClasses: Set<string> | undefined;

  constructor(facts: FactIndex) {
    this.#fx = facts;
  }

  /** Builds the model, letting the event loop have turns on the way (the two largest parts are sliced). */
  async build(snapshot: Snapshot): Promise<ReadModel> {
    const slice = new TimeSlice();
    await this.#readConcepts(slice);
    const properties = readProperties(this.#fx, this.#concepts);
    const products = this.#readProducts();
    for (const dataset of this.#instances(meshClasses.dataset)) this.#dataset(dataset);
    for (const field of this.#instances(meshClasses.field)) this.#field(field, null, null);
    readLineage(this.#fx, products, this.#datasets, this.#fields, (id) => this.#activity(id));
    this.#annotate(products);
    this.#placeDatasets(products);
    for (const id of this.#instances(meshClasses.domain)) this.#domain(id);
    const domains = [...this.#domains.values()].sort(nameOrder);
    const text = await this.#textIndex(products, slice);
    return new ReadModel({ snapshot, concepts: this.#concepts, properties, products, domains, datasets: this.#datasets, fields: this.#fields, text });
  }

  /** The literals of the full-text predicates of products, datasets, fields and concepts (an IRI as the first of these it is). */
  async #textIndex(products: readonly ProductNode[], slice: TimeSlice): Promise<TextIndex> {
    const text = new TextIndex();
    const seen = new Set<string>();
    const nodes: [string, SearchableNode][] = [
      ...products.map((node) => [node.id, node] as [string, SearchableNode]),
      ...[...this.#datasets.values()].map((node) => [node.id, node] as [string, SearchableNode]),
      ...[...this.#fields.values()].map((node) => [node.id, node] as [string, SearchableNode]),
      ...[...this.#concepts.values()].map((node) => [node.iri, node] as [string, SearchableNode]),
    ];
    for (const [id, node] of nodes) {
      if (slice.due) await slice.next();
      if (seen.has(id)) continue;
      seen.add(id);
      for (const predicate of textIndexPredicates) for (const literal of this.#fx.literals(id, predicate)) text.add(node, predicate, literal.value);
    }
    return text;
  }

  async #readConcepts(slice: TimeSlice): Promise<void> {
    for (const [subject, types] of this.#fx.edges(rdfType, true)) {
      if (slice.due) await slice.next();
      if (!isSkolem(subject) && types.some((type) => conceptTypes.has(type))) this.#concept(subject, true);
    }
    // rdfs:subClassOf and skos:broader relate concepts (their RDFS / SKOS domain and range) even untyped.
    for (const predicate of broader) {
      for (const [subject, objects] of this.#fx.edges(predicate)) {
        if (slice.due) await slice.next();
        if (isSkolem(subject)) continue;
        const node = this.#concept(subject, true);
        const asserted = this.#fx.objects(subject, predicate, true);
        for (const object of objects) {
          if (object === subject) continue;
          if (isSkolem(object)) {
            // An anonymous super class (asserted, or the closure's C ⊑ _:x of C ≡ _:x): the named classes
            // above it are the operands of the intersection it is (scm-int), direct super classes of C
            // (src/ontology/README.md); those of an equivalence's _:x ⊑ C are C itself.
            for (const named of this.#namedAbove(object, predicate)) linkBelow(node, this.#concept(named, true), true);
            continue;
          }
          const parent = this.#concept(object, true);
          linkBelow(node, parent, asserted.includes(object));
        }
      }
    }
  }

  /**
   * The named concepts above an anonymous class (an intersection, a restriction), through any further
   * anonymous ones: the store keeps hierarchies one step deep, so `C ≡ A ⊓ B` reaches A only this way.
   */
  #namedAbove(blank: string, predicate: string): string[] {
    const named: string[] = [];
    const seen = new Set([blank]);
    for (const queue = [blank]; queue.length > 0; ) {
      for (const object of this.#fx.objects(queue.pop()!, predicate)) {
        if (seen.has(object)) continue;
        seen.add(object);
        if (isSkolem(object)) queue.push(object);
        else named.push(object);
      }
    }
    return named;
  }

  #concept(iri: string, defined: boolean): ConceptNode {
    let node = this.#concepts.get(iri);
    if (node === undefined) {
      const fx = this.#fx;
      node = {
        kind: 'Concept', iri, defined, labels: fx.literalsOf(iri, labelPredicates), ...definitionsOf(fx, iri),
        deprecated: isDeprecated(fx, iri, deprecatedTypes.concept),
        parents: new Set(), children: new Set(), up: new Set(), down: new Set(), replacedBy: [...fx.objects(iri, p.isReplacedBy)], properties: [],
        annotates: { products: [], datasets: [], fields: [] }, productsUnder: [],
      };
      this.#concepts.set(iri, node);
    }
    return node;
  }

  /** IRIs of the classes below `cls` in the closure. */
  #below(cls: string): string[] {
    const node = this.#concepts.get(cls);
    return node === undefined ? [] : reachable(node, (c) => c.down).map((c) => c.iri);
  }

  /** Instances of a class or of any class below it in the closure. */
  #instances(cls: string): string[] {
    return [...new Set([cls, ...this.#below(cls)].flatMap((c) => this.#fx.subjects(rdfType, c)))];
  }

  #readProducts(): ProductNode[] {
    const fx = this.#fx;
    const ids = new Set([...this.#instances(meshClasses.product), ...[...fx.edges(p.meshDomain)].map(([subject]) => subject)]);
    const agents = new Map<string, AgentNode>();
    const ports = new Map<string, PortNode>();
    const products = [...ids].map((id): ProductNode => {
      const lifecycle = fx.objects(id, p.lifecycleStatus)[0] ?? null;
      const domainId = fx.objects(id, p.meshDomain)[0];
      const inputPorts = fx.objects(id, p.inputPort).map((port) => ports.get(port) ?? ports.set(port, this.#port(port)).get(port)!);
      const outputPorts = fx.objects(id, p.outputPort).map((port) => ports.get(port) ?? ports.set(port, this.#port(port)).get(port)!);
      const contracts = [...fx.objects(id, p.contract)];
      const contractDatasets = contracts.flatMap((contract) => this.#contractDatasets(contract));
      return {
        kind: 'DataProduct', id, name: this.#name(id, [...labelPredicates, p.title]), labels: fx.literalsOf(id, labelPredicates),
        identifier: this.#text(id, p.identifier), title: this.#text(id, p.title), description: this.#text(id, p.description),
        purpose: this.#text(id, p.purpose), version: this.#text(id, p.version),
        status: lifecycle === null ? this.#text(id, p.status) : (pickText(fx.literals(lifecycle, p.label), undefined) ?? localName(lifecycle)),
        lifecycleStatus: lifecycle, tags: this.#strings(id, p.keyword), links: fx.values(id, p.seeAlso),
        domain: domainId === undefined ? null : this.#domain(domainId),
        owners: fx.objects(id, p.owner).map((owner) => agents.get(owner) ?? agents.set(owner, this.#agent(owner)).get(owner)!),
        concepts: [], personalData: hasPersonalDataPredicates.flatMap((predicate) => fx.values(id, predicate)), inputPorts, outputPorts,
        inputDatasets: unique([...fx.objects(id, p.inputDataset).map((d) => this.#dataset(d)), ...inputPorts.flatMap((port) => port.datasets)]),
        outputDatasets: unique([...fx.objects(id, p.outputDataset).map((d) => this.#dataset(d)), ...outputPorts.flatMap((port) => port.datasets), ...contractDatasets]),
        contracts, lineage: noLineage(),
      };
    });
    products.sort(nameOrder);
    for (const product of products) {
      product.domain?.products.push(product);
      for (const dataset of unique([...product.outputDatasets, ...product.inputDatasets])) dataset.products.push(product);
    }
    return products;
  }

  #domain(id: string): DomainNode {
    let node = this.#domains.get(id);
    if (node === undefined) {
      node = {
        kind: 'Domain', id, name: this.#name(id, labelPredicates), labels: this.#fx.literalsOf(id, labelPredicates),
        description: this.#text(id, p.description, p.comment), products: [], datasets: [],
      };
      this.#domains.set(id, node);
    }
    return node;
  }

  /**
   * Puts each dataset in a domain: its own (mesh:domain, what a Purview collection gives), else that of
   * the first product in name order that outputs it (a dataset is its provider's, not its consumers');
   * and lists each domain's datasets in name order.
   */
  #placeDatasets(products: readonly ProductNode[]): void {
    for (const dataset of this.#datasets.values()) {
      const own = this.#fx.objects(dataset.id, p.datasetDomain)[0];
      if (own !== undefined) dataset.domain = this.#domain(own);
    }
    for (const product of products) for (const dataset of product.outputDatasets) dataset.domain ??= product.domain;
    for (const dataset of [...this.#datasets.values()].sort(nameOrder)) dataset.domain?.datasets.push(dataset);
  }

  /** The Atlas / Purview entity a node was imported from, when the sync recorded its type name and guid. */
  #catalogSource(id: string): CatalogSource | null {
    const typeName = this.#fx.values(id, p.atlasTypeName)[0];
    const guid = this.#fx.values(id, p.atlasGuid)[0];
    return typeName === undefined || guid === undefined ? null : { typeName, qualifiedName: this.#text(id, p.identifier), guid };
  }

  #agent(id: string): AgentNode {
    const types = this.#fx.objects(id, rdfType, true);
    const mbox = this.#fx.values(id, p.mbox)[0];
    return {
      id, name: this.#name(id, labelPredicates), labels: this.#fx.literalsOf(id, labelPredicates), email: mbox === undefined ? null : mbox.replace(/^mailto:/, ''),
      type: types.includes(`${prov}Person`) ? 'person' : types.includes(`${prov}Organization`) ? 'organization' : 'agent',
    };
  }

  #activity(id: string): ActivityNode {
    return {
      id, name: this.#name(id, [...labelPredicates, p.title]), labels: this.#fx.literalsOf(id, labelPredicates), description: this.#text(id, p.description, p.comment),
      source: this.#catalogSource(id),
    };
  }

  #port(id: string): PortNode {
    const fx = this.#fx;
    const distributions = new Set([...fx.objects(id, p.isAccessServiceOf), ...fx.subjects(p.accessService, id)]);
    const datasets = [
      ...[...distributions].flatMap((d) => [...fx.objects(d, p.isDistributionOf), ...fx.subjects(p.distribution, d)]).map((d) => this.#dataset(d)),
      ...fx.objects(id, p.conformsTo).flatMap((contract) => this.#contractDatasets(contract)),
    ];
    const protocol = fx.objects(id, p.protocol)[0];
    return {
      id, name: this.#name(id, [...labelPredicates, p.title]), labels: fx.literalsOf(id, labelPredicates), identifier: this.#text(id, p.identifier),
      description: this.#text(id, p.description), version: this.#text(id, p.version),
      protocol: protocol === undefined ? this.#text(id, p.protocol) : (pickText(fx.literals(protocol, p.label), undefined) ?? localName(protocol)),
      endpointUrl: fx.values(id, p.endpointURL)[0] ?? null, endpointDescription: fx.values(id, p.endpointDescription)[0] ?? null,
      format: fx.values(id, p.format)[0] ?? null, conformsTo: fx.values(id, p.conformsTo), tags: this.#strings(id, p.keyword),
      datasets: unique(datasets),
    };
  }

  /** The datasets of a data contract (datasets that dct:conformsTo it); [] for anything else a port or product conforms to. */
  #contractDatasets(contract: string): DatasetNode[] {
    this.#datasetClasses ??= new Set([meshClasses.dataset, ...this.#below(meshClasses.dataset)]);
    const classes = this.#datasetClasses;
    if (!this.#fx.objects(contract, rdfType, true).includes(meshClasses.contract)) return [];
    return this.#fx.subjects(p.conformsTo, contract)
      .filter((s) => this.#datasets.has(s) || this.#fx.objects(s, rdfType, true).some((type) => classes.has(type)))
      .map((d) => this.#dataset(d));
  }

  #dataset(id: string): DatasetNode {
    let node = this.#datasets.get(id);
    if (node !== undefined) return node;
    const fx = this.#fx;
    node = {
      kind: 'Dataset', id, name: this.#name(id, [...labelPredicates, p.title, p.identifier]), labels: fx.literalsOf(id, labelPredicates),
      identifier: this.#text(id, p.identifier), title: this.#text(id, p.title), description: this.#text(id, p.description),
      tags: this.#strings(id, p.keyword), links: fx.values(id, p.seeAlso), conformsTo: fx.values(id, p.conformsTo), concepts: [], fields: [], products: [],
      domain: null, source: this.#catalogSource(id), lineage: noLineage(),
    };
    this.#datasets.set(id, node);
    node.fields = fx.objects(id, p.field).map((f) => this.#field(f, node!, null)).sort(nameOrder);
    return node;
  }

  #field(id: string, dataset: DatasetNode | null, parent: FieldNode | null): FieldNode {
    let node = this.#fields.get(id);
    if (node !== undefined) return node;
    const fx = this.#fx;
    const flag = (predicate: string) => {
      const values = fx.literals(id, predicate);
      return values.length === 0 ? null : isTrue(values);
    };
    node = {
      kind: 'Field', id, name: this.#name(id, [p.name, ...labelPredicates]), labels: fx.literalsOf(id, labelPredicates),
      title: this.#text(id, p.title), description: this.#text(id, p.description), logicalType: this.#text(id, p.logicalType),
      datatype: fx.values(id, p.datatype)[0] ?? null, physicalType: this.#text(id, p.physicalType),
      nullable: flag(p.nullable), primaryKey: flag(p.primaryKey), pii: flag(p.pii), classification: this.#text(id, p.classification),
      tags: this.#strings(id, p.keyword), concepts: [], fields: [], dataset, parent, lineage: noLineage(),
    };
    this.#fields.set(id, node);
    node.fields = fx.objects(id, p.field).map((f) => this.#field(f, dataset, node!)).sort(nameOrder);
    return node;
  }

  /**
   * Links products, datasets and fields with the concepts they are annotated with (stubs for unknown
   * IRIs), and lists each concept's products with those of its sub-concepts: concept discovery asks
   * for that list on every request, and `up` is `down` reversed, so a product joins the lists of its
   * concepts and their ancestors. Products come in name order, so every list is in name order.
   */
  #annotate(products: readonly ProductNode[]): void {
    const conceptsOf = (id: string) => unique(annotationPredicates.flatMap((predicate) => this.#fx.objects(id, predicate)).map((iri) => this.#concept(iri, false)));
    const ancestors = new Map<ConceptNode, readonly ConceptNode[]>();
    for (const product of products) {
      product.concepts = conceptsOf(product.id);
      for (const concept of product.concepts) {
        concept.annotates.products.push(product);
        let above = ancestors.get(concept);
        if (above === undefined) ancestors.set(concept, (above = [concept, ...reachable(concept, (c) => c.up)]));
        for (const holder of above) if (holder.productsUnder.at(-1) !== product) holder.productsUnder.push(product);
      }
    }
    for (const dataset of [...this.#datasets.values()].sort(nameOrder)) {
      dataset.concepts = conceptsOf(dataset.id);
      for (const concept of dataset.concepts) concept.annotates.datasets.push(dataset);
    }
    for (const field of [...this.#fields.values()].sort(nameOrder)) {
      field.concepts = conceptsOf(field.id);
      for (const concept of field.concepts) concept.annotates.fields.push(field);
    }
  }

  /** The best label (or other naming literal) of a node; its IRI's local name when it has none. */
  #name(id: string, predicates: readonly string[]): string {
    for (const predicate of predicates) {
      const text = pickText(this.#fx.literals(id, predicate), undefined);
      if (text !== undefined) return text;
    }
    return localName(id);
  }

  #text(id: string, ...predicates: string[]): string | null {
    return pickText(this.#fx.literalsOf(id, predicates), undefined) ?? null;
  }

  /** Distinct literal values in code-point order (RDF keeps no order, and stores return their own). */
  #strings(id: string, predicate: string): string[] {
    return [...new Set(this.#fx.literals(id, predicate).map((v) => v.value))].sort();
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The last segment of an IRI (after `#`, `/` or `:`). */
export function localName(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'), iri.lastIndexOf(':'));
  return cut >= 0 && cut < iri.length - 1 ? decodeURIComponentSafe(iri.slice(cut + 1)) : iri;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Code-point order (as SPARQL's ORDER BY on plain strings). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
