/**
 * The input syntaxes ontomesh reads, and how a document's syntax is recognised: from its file
 * extension, from a media type, or failing both by sniffing its first bytes.
 */

/** An RDF (or OWL) input syntax. */
export type RdfFormat = 'turtle' | 'ntriples' | 'nquads' | 'trig' | 'rdfxml' | 'jsonld' | 'owlxml' | 'ofn';

/** The registered media type of each format. */
export const formatMediaTypes: Record<RdfFormat, string> = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  trig: 'application/trig',
  rdfxml: 'application/rdf+xml',
  jsonld: 'application/ld+json',
  owlxml: 'application/owl+xml',
  ofn: 'text/owl-functional',
};

const byExtension: Record<string, RdfFormat> = {
  ttl: 'turtle',
  turtle: 'turtle',
  nt: 'ntriples',
  ntriples: 'ntriples',
  nq: 'nquads',
  nquads: 'nquads',
  trig: 'trig',
  rdf: 'rdfxml',
  rdfs: 'rdfxml',
  jsonld: 'jsonld',
  json: 'jsonld',
  owx: 'owlxml',
  ofn: 'ofn',
};

const byMediaType: Record<string, RdfFormat> = {
  ...Object.fromEntries(Object.entries(formatMediaTypes).map(([format, type]) => [type, format as RdfFormat])),
  'application/x-turtle': 'turtle',
  'application/turtle': 'turtle',
  'application/x-trig': 'trig',
  'application/json': 'jsonld',
  'application/owl-functional': 'ofn',
};

/**
 * The format a file name (or URL) implies, or `undefined` when the extension is unknown or
 * ambiguous (`.owl` and `.xml` may hold RDF/XML or OWL/XML, so their content decides).
 *
 * @example formatFromPath('onto/pizza.ttl') // 'turtle'
 */
export function formatFromPath(path: string): RdfFormat | undefined {
  const local = /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? new URL(path).pathname : path;
  const name = local.slice(Math.max(local.lastIndexOf('/'), local.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension[name.slice(dot + 1)];
}

/**
 * The format of a media type (parameters such as `charset` are ignored), or `undefined`.
 *
 * @example formatFromMediaType('text/turtle; charset=utf-8') // 'turtle'
 */
export function formatFromMediaType(mediaType: string): RdfFormat | undefined {
  const type = mediaType.split(';', 1)[0]!.trim().toLowerCase();
  return byMediaType[type];
}

const OWL_NS = 'http://www.w3.org/2002/07/owl#';
/** Comments, processing instructions, DOCTYPE (with its internal subset) and whitespace before the root element. */
const xmlProlog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]*\[[\s\S]*?\])?[^>]*>)*/;
const textProlog = /^(?:\s+|#[^\n]*(?:\n|$))*/;
const ntriplesTerm = String.raw`(?:<[^<>"{}|^\x60\\\s]*>|_:[^\s<>"]+|"(?:[^"\\\n\r]|\\.)*"(?:@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|\^\^<[^<>\s]*>)?)`;
const ntriplesLine = new RegExp(String.raw`^(${ntriplesTerm})[ \t]*(${ntriplesTerm})[ \t]*(${ntriplesTerm})[ \t]*(${ntriplesTerm})?[ \t]*\.[ \t]*(?:#.*)?$`);
const turtleDirective = /^(?:@prefix|@base|PREFIX\s|BASE\s|VERSION\s|@version)/i;
const trigGraph = /(?:^|[\s.}])(?:GRAPH\s+\S+\s*)?(?:<[^>\s]*>|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]*|_:[\w.-]+|\[\s*\])?\s*\{/m;

/**
 * Recognises a document's syntax from its first few kilobytes, or `undefined` when nothing fits.
 * N-Triples and N-Quads are recognised only when every complete line of the head is one
 * statement of that syntax; anything else that reads as Turtle-family text is Turtle, or TriG
 * when it opens a graph block.
 *
 * @example sniffFormat('<?xml version="1.0"?>\n<rdf:RDF ...') // 'rdfxml'
 */
export function sniffFormat(head: string): RdfFormat | undefined {
  const text = head.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return start.startsWith('[') && isTurtleCollection(start) ? 'turtle' : 'jsonld';
  if (start.startsWith('<?xml') || start.startsWith('<!') || /^<[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?[\s/>]/.test(start)) {
    return sniffXml(start);
  }
  const body = text.slice(textProlog.exec(text)![0].length);
  if (/^(?:Prefix|Ontology)\s*\(/.test(body)) return 'ofn';
  if (body === '') return undefined;
  const lines = body.split('\n');
  if (!text.endsWith('\n') && lines.length > 1) lines.pop(); // the head may end mid-line
  let quads = false;
  let statements = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = ntriplesLine.exec(line);
    if (!match) return sniffTurtleFamily(body);
    statements++;
    if (match[4] !== undefined) quads = true;
  }
  if (statements === 0) return sniffTurtleFamily(body);
  return quads ? 'nquads' : 'ntriples';
}

/**
 * Whether a text holds nothing but whitespace and `#` comments (a byte order mark aside): a document
 * without a single statement, which is how an empty ontology file looks whatever its name says.
 *
 * @example isBlankText('# to do\n\n') // true
 */
export function isBlankText(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  return textProlog.exec(body)![0].length === body.length;
}

function sniffTurtleFamily(body: string): RdfFormat | undefined {
  const withoutStrings = body.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, '""');
  if (trigGraph.test(withoutStrings)) return 'trig';
  if (turtleDirective.test(body) || /^(?:<[^>\s]*>|[A-Za-z][\w.-]*:|:|_:|\[|\()/.test(body)) return 'turtle';
  return undefined;
}

/** `[ :p :o ] .` is Turtle, not a JSON array. */
function isTurtleCollection(start: string): boolean {
  return /^\[\s*(?:[A-Za-z][\w.-]*:|:|<|a\s)/.test(start);
}

function sniffXml(start: string): RdfFormat {
  const rest = start.slice(xmlProlog.exec(start)![0].length);
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>?/.exec(rest);
  if (!root) return 'rdfxml';
  const [, prefix = '', local, attributes = ''] = root;
  if (local !== 'Ontology' || /\brdf:(?:about|ID|nodeID)\s*=/.test(attributes)) return 'rdfxml';
  const namespace = new RegExp(String.raw`xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}\s*=\s*["']([^"']*)["']`).exec(attributes)?.[1];
  return namespace === OWL_NS ? 'owlxml' : 'rdfxml';
}
