import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFromMediaType, formatFromPath, formatMediaTypes, sniffFormat, type RdfFormat } from '../../src/rdf/index.ts';
import { isBlankText } from '../../src/rdf/formats.ts';

const fixtures = 'test/fixtures/shared';
const head = (path: string): string => readFileSync(`${fixtures}/${path}`, 'utf8').slice(0, 4096);

describe('formatFromPath', () => {
  it.each([
    ['a/b/pizza.ttl', 'turtle'], ['x.nt', 'ntriples'], ['x.NQ', 'nquads'], ['x.trig', 'trig'], ['x.rdf', 'rdfxml'],
    ['x.jsonld', 'jsonld'], ['x.json', 'jsonld'], ['x.owx', 'owlxml'], ['x.ofn', 'ofn'],
  ])('%s -> %s', (path, format) => expect(formatFromPath(path)).toBe(format));

  it('leaves .owl, .xml and unknown extensions to sniffing', () => {
    expect(formatFromPath('pizza.owl')).toBeUndefined();
    expect(formatFromPath('catalog-v001.xml')).toBeUndefined();
    expect(formatFromPath('README')).toBeUndefined();
    expect(formatFromPath('dir.ttl/README')).toBeUndefined();
  });

  it('reads the extension of a URL path and of Windows paths', () => {
    expect(formatFromPath('https://w3id.org/dpv/dpv.ttl?version=2#top')).toBe('turtle');
    expect(formatFromPath('C:\\onto\\ro.rdf')).toBe('rdfxml');
  });
});

describe('formatFromMediaType', () => {
  it('maps every registered media type back to its format', () => {
    for (const [format, type] of Object.entries(formatMediaTypes)) expect(formatFromMediaType(type)).toBe(format);
  });
  it('ignores parameters and case', () => {
    expect(formatFromMediaType('Text/Turtle; charset=UTF-8')).toBe('turtle');
    expect(formatFromMediaType('application/json')).toBe('jsonld');
    expect(formatFromMediaType('text/html')).toBeUndefined();
  });
});

describe('sniffFormat on real files', () => {
  it.each<[string, RdfFormat]>([
    ['protege-owl/pizza-owlcs/pizza.owl', 'rdfxml'],
    ['obo-ro/ro.owl', 'rdfxml'],
    ['protege-owl/protege-test-ontologies/update/Ambiguous.owl', 'rdfxml'],
    ['protege-owl/protege-test-ontologies/update/pizza-xml.owl', 'owlxml'],
    ['protege-owl/protege-test-ontologies/pizza-functional.owl', 'ofn'],
    ['obo-ro/src/ontology/ro-edit.owl', 'ofn'],
    ['schemaorg/schemaorg-current-https.ttl', 'turtle'],
    ['w3c-vocabularies/prov-o/prov-o.ttl', 'turtle'],
    ['dprod/examples/dprod-example.json', 'jsonld'],
    ['dprod/examples/data-rights/example.jsonld', 'jsonld'],
    ['rdf-tests/turtle/rdf11/IRI-resolution-01.nt', 'ntriples'],
  ])('%s is %s', (path, format) => expect(sniffFormat(head(path))).toBe(format));
});

describe('sniffFormat on snippets', () => {
  it('tells N-Quads from N-Triples by the graph term', () => {
    expect(sniffFormat('<http://a> <http://b> "c"@en .\n_:x <http://b> <http://c> .\n')).toBe('ntriples');
    expect(sniffFormat('<http://a> <http://b> "c" <http://g> .\n')).toBe('nquads');
  });
  it('recognises TriG graph blocks', () => {
    expect(sniffFormat('@prefix ex: <http://ex.org/> .\nex:g { ex:a ex:b ex:c . }\n')).toBe('trig');
    expect(sniffFormat('PREFIX ex: <http://ex.org/>\nGRAPH ex:g { ex:a ex:b "{" }\n')).toBe('trig');
    expect(sniffFormat('{ <http://a> <http://b> <http://c> . }')).toBe('jsonld');
  });
  it('keeps braces inside Turtle strings from looking like graphs', () => {
    expect(sniffFormat('@prefix ex: <http://ex.org/> .\nex:a ex:b "x { y" .\n')).toBe('turtle');
  });
  it('reads a Turtle blank node property list as Turtle, not JSON', () => {
    expect(sniffFormat('[ a <http://ex.org/C> ] .')).toBe('turtle');
    expect(sniffFormat('[ {"@id": "http://ex.org/a"} ]')).toBe('jsonld');
  });
  it('knows RDF/XML whose root is a typed node from OWL/XML', () => {
    expect(sniffFormat('<owl:Ontology xmlns:owl="http://www.w3.org/2002/07/owl#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="http://a"/>')).toBe('rdfxml');
    expect(sniffFormat('<?xml version="1.0"?>\n<!-- c -->\n<Ontology xmlns="http://www.w3.org/2002/07/owl#" ontologyIRI="http://a"/>')).toBe('owlxml');
  });
  it('gives up on text that is no RDF syntax', () => {
    expect(sniffFormat('')).toBeUndefined();
    expect(sniffFormat('hello world')).toBeUndefined();
  });
});

describe('isBlankText', () => {
  it('is true for nothing but whitespace and # comments, a byte order mark aside', () => {
    for (const blank of ['', ' \n\t\r\n', '\uFEFF', '# to do\n', '  # one\r\n# two']) expect(isBlankText(blank), JSON.stringify(blank)).toBe(true);
    // Still nothing for sniffing to recognise: the load, not sniffFormat, decides what a blank document is.
    expect(sniffFormat('# to do\n')).toBeUndefined();
  });
  it('is false once there is a statement, markup or JSON', () => {
    for (const text of ['# c\n<http://a> <http://b> <http://c> .', '<?xml version="1.0"?>', '<!-- c -->', '{}', 'hello']) expect(isBlankText(text), text).toBe(false);
  });
});
