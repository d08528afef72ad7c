import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceFigures, renderResults } from './report.ts';

// RDF 1.2 is reported, not required: this test only keeps RESULTS.md in step with what the parser does.
describe('W3C Turtle conformance report', () => {
  it('RESULTS.md has the current figures of the RDF 1.1 and RDF 1.2 suites (regenerate: npx node scripts/w3c-report.ts)', async () => {
    const figures = await conformanceFigures();
    expect(figures.rows.some((row) => row.suite === 'RDF 1.2 Turtle' && row.passed + row.failed > 0)).toBe(true);
    expect(readFileSync('test/conformance/RESULTS.md', 'utf8')).toBe(renderResults(figures));
  });
});
