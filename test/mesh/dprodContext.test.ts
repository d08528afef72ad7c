import { describe, expect, it } from 'vitest';
import { buildDprodContext } from '../../scripts/build-dprod-context.ts';
import { DPROD_CONTEXT_URL, dprodContext } from '../../src/mesh/index.ts';
import { bundledJsonLdContexts } from '../../src/rdf/index.ts';
import { text } from './helpers.ts';

const ontology = 'test/fixtures/shared/dprod/ontology/dprod';

describe('the bundled DPROD JSON-LD context', () => {
  it('is what scripts/build-dprod-context.ts derives from the DPROD ontology and shapes', () => {
    const derived = buildDprodContext(text(`${ontology}/dprod-ontology.ttl`), text(`${ontology}/dprod-shapes.ttl`));
    expect(dprodContext).toEqual(derived);
  });

  it('ships the same ontology and shapes the fixtures hold', () => {
    expect(text('src/mesh/vocab/dprod-ontology.ttl')).toBe(text(`${ontology}/dprod-ontology.ttl`));
    expect(text('src/mesh/vocab/dprod-shapes.ttl')).toBe(text(`${ontology}/dprod-shapes.ttl`));
  });

  it('maps the DPROD specification\'s terms', () => {
    const terms = dprodContext['@context'] as Record<string, unknown>;
    expect(terms).toMatchObject({
      id: '@id',
      type: '@type',
      DataProduct: 'https://ekgf.github.io/dprod/DataProduct',
      Dataset: 'http://www.w3.org/ns/dcat#Dataset',
      outputPort: { '@id': 'https://ekgf.github.io/dprod/outputPort', '@type': '@id' },
      title: { '@id': 'http://purl.org/dc/terms/title' },
      label: { '@id': 'http://www.w3.org/2000/01/rdf-schema#label' },
      purpose: { '@id': 'https://ekgf.github.io/dprod/purpose' },
      'dcat:endpointURL': { '@id': 'http://www.w3.org/ns/dcat#endpointURL', '@type': '@id' },
    });
  });

  it('is registered with the JSON-LD parser under the URL the examples use (http and https)', () => {
    expect(bundledJsonLdContexts()).toEqual(expect.arrayContaining([DPROD_CONTEXT_URL, DPROD_CONTEXT_URL.replace('https:', 'http:')]));
  });
});
