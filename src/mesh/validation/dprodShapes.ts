/**
 * Validation of DPROD descriptors against the DPROD SHACL shapes (rdf-validate-shacl). SHACL reads
 * a graph closed-world, whereas DPROD descriptors reference resources described elsewhere (an
 * owner's IRI, a lifecycle status, a security scheme): the `sh:class` of a property shape is checked
 * only on nodes the descriptor types. A node it mentions without any rdf:type is, for validation,
 * taken to be of the class the shape requires (in the spirit of the rdfs:range the DPROD ontology
 * declares for most of these properties; the output graph is not changed).
 */
import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { OntomeshError } from '../../errors/index.ts';
import { ns } from '../vocabulary.ts';

const { namedNode, quad } = DataFactory;
const RDF_TYPE = `${ns.rdf}type`;
/** How many violations an error's details list. */
const MAX_REPORTED = 20;

interface Vocabulary {
  shapes: Store;
  ontology: Store;
  /** Property path -> the classes property shapes require of its values. */
  classes: Map<string, string[]>;
}
let vocabulary: Vocabulary | undefined;

/** One SHACL violation, located. */
export interface ShapeViolation {
  focusNode: string;
  path?: string;
  message: string;
  /** The JSON Pointer of the offending member, when the descriptor is JSON-LD. */
  field?: string;
}

/** Says which field of the descriptor states `predicate` of `node`, when it can. */
export type FieldLocator = (node: Term, predicate?: string) => { field: string; line?: number; column?: number } | undefined;

/**
 * Throws OntomeshError SHACL_VIOLATION when the descriptor's triples violate the DPROD shapes; the
 * error names the file, the field (a JSON Pointer for JSON-LD, else `<focus node> <path>`) and,
 * in `details.violations`, every violation.
 *
 * @example await validateDprodShapes(quads, 'product.jsonld', (node, p) => prepared.fieldOf(node, p));
 */
export async function validateDprodShapes(quads: readonly Quad[], file: string, locate: FieldLocator): Promise<void> {
  vocabulary ??= loadVocabulary();
  const data = new Store([...quads]);
  for (const q of quads) {
    const required = vocabulary.classes.get(q.predicate.value);
    if (required && q.object.termType !== 'Literal' && data.countQuads(q.object, RDF_TYPE, null, null) === 0) {
      for (const type of required) data.addQuad(quad(q.object as Quad['subject'], namedNode(RDF_TYPE), namedNode(type)));
    }
  }
  const { ontology, shapes } = vocabulary;
  // The shapes owl:import DPROD (bundled), DCAT and SHACL (whose terms the shapes need no axioms of).
  const importGraph = (url: { value: string }) => (url.value === ns.dprod ? ontology : new Store());
  const report = await new SHACLValidator(shapes, { importGraph }).validate(data);
  const violations = report.results.filter((result) => result.severity?.value === `${ns.sh}Violation`);
  if (violations.length === 0) return;
  const nodeText = (term: Term) => {
    const at = term.termType === 'BlankNode' ? locate(term)?.field : undefined;
    return at === undefined ? termText(term) : `the node at ${at}`;
  };
  const located = violations.map((result) => {
    const focus = result.focusNode as Term;
    const path = result.path?.termType === 'NamedNode' ? result.path.value : undefined;
    const message = result.message.map((term) => term.value).join('; ') || describeViolation(result, shapes, nodeText);
    return { focus, path, message, at: locate(focus, path) };
  });
  const [first] = located;
  if (!first) return;
  const describe = (v: (typeof located)[number]) => v.at?.field ?? `${nodeText(v.focus)}${v.path ? ` <${v.path}>` : ''}`;
  const list: ShapeViolation[] = located.slice(0, MAX_REPORTED).map((v) => ({ focusNode: nodeText(v.focus), ...(v.path ? { path: v.path } : {}), message: v.message, ...(v.at ? { field: v.at.field } : {}) }));
  const location = { file, term: nodeText(first.focus), ...(first.at?.line === undefined ? {} : { line: first.at.line, column: first.at.column }) };
  throw new OntomeshError('SHACL_VIOLATION', `${describe(first)}: ${first.message} (DPROD shapes)`, location, { field: describe(first), format: 'dprod', violations: list });
}

function loadVocabulary(): Vocabulary {
  const read = (name: string) => new Parser().parse(readFileSync(new URL(`../vocab/${name}`, import.meta.url), 'utf8'));
  const shapes = new Store(read('dprod-shapes.ttl'));
  const classes = new Map<string, string[]>();
  for (const shape of shapes.getQuads(null, `${ns.sh}class`, null, null)) {
    for (const path of shapes.getObjects(shape.subject, `${ns.sh}path`, null)) {
      classes.set(path.value, [...(classes.get(path.value) ?? []), shape.object.value]);
    }
  }
  return { shapes, ontology: new Store(read('dprod-ontology.ttl')), classes };
}

/** A message for a result whose shape gives none: the constraint and the value at fault. */
function describeViolation(result: { sourceConstraintComponent: Term; sourceShape: Term; value: Term | null }, shapes: Store, nodeText: (term: Term) => string): string {
  const component = result.sourceConstraintComponent?.value.replace(ns.sh, '').replace(/ConstraintComponent$/, '') ?? 'constraint';
  const value = result.value ? nodeText(result.value) : 'the value';
  if (component === 'Class') {
    const required = shapes.getObjects(result.sourceShape as Quad['subject'], `${ns.sh}class`, null).map(termText).join(', ');
    return `${value} is not an instance of ${required}`;
  }
  return `${value} violates the ${component} constraint`;
}

function termText(term: Term): string {
  return term.termType === 'NamedNode' ? `<${term.value}>` : term.termType === 'BlankNode' ? `_:${term.value}` : JSON.stringify(term.value);
}
