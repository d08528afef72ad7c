/**
 * Validation of DPROD descriptors against the DPROD SHACL shapes (rdf-validate-shacl). SHACL reads
 * a graph closed-world, whereas DPROD descriptors reference resources described elsewhere (an
 * owner's IRI, a lifecycle status): a node the descriptor mentions but does not type is taken to
 * be of the rdfs:range the DPROD ontology gives the property that points to it, as RDFS would
 * infer. Nodes the descriptor does type must have the classes the shapes require.
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
  ranges: Map<string, string>;
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
    const range = vocabulary.ranges.get(q.predicate.value);
    if (range && q.object.termType !== 'Literal' && data.countQuads(q.object, RDF_TYPE, null, null) === 0) {
      data.addQuad(quad(q.object as Quad['subject'], namedNode(RDF_TYPE), namedNode(range)));
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
  const ontology = new Store(read('dprod-ontology.ttl'));
  const ranges = new Map<string, string>();
  for (const q of ontology.getQuads(null, `${ns.rdfs}range`, null, null)) {
    if (!q.object.value.startsWith(ns.xsd)) ranges.set(q.subject.value, q.object.value);
  }
  return { shapes: new Store(read('dprod-shapes.ttl')), ontology, ranges };
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
