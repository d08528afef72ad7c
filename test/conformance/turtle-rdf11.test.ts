import { describe, expect, it } from 'vitest';
import { readManifest, runTurtleTest } from './manifest.ts';

const { tests, missingIncludes } = await readManifest('test/fixtures/shared/rdf-tests/turtle/rdf11/manifest.ttl');

describe('W3C RDF 1.1 Turtle test suite', () => {
  it('has every test of the manifest', () => {
    expect(missingIncludes).toEqual([]);
    expect(tests).toHaveLength(313);
    expect(tests[0]!.base).toBe('https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/IRI_subject.ttl');
  });

  it.each(tests.map((test) => [`${test.type} ${test.id}`, test] as const))('%s', async (_label, test) => {
    const outcome = await runTurtleTest(test);
    expect(outcome, test.name).toMatchObject({ passed: true });
  });
});
