/**
 * Runs the W3C Turtle suites (RDF 1.1 and RDF 1.2) and writes their figures to
 * test/conformance/RESULTS.md. Usage: `npx node scripts/w3c-report.ts`.
 */
import { writeFileSync } from 'node:fs';
import { conformanceFigures, renderResults } from '../test/conformance/report.ts';

const figures = await conformanceFigures();
writeFileSync('test/conformance/RESULTS.md', renderResults(figures));
for (const row of figures.rows) console.log(`${row.suite.padEnd(15)} ${row.type.padEnd(26)} passed ${String(row.passed).padStart(3)}  failed ${row.failed}`);
