// Keeps the README's table of error codes and the registry in src/errors/codes.ts in step:
// every code documented, with its HTTP status, and nothing documented that does not exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/errors/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows `| \`CODE\` | status | … |` of the table under the "Error codes" heading. */
function documentedCodes(): Map<string, number> {
  const section = /^## Error codes\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Error codes" section');
  const rows = new Map<string, number>();
  for (const match of section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)) rows.set(match[1]!, Number(match[2]));
  return rows;
}

describe('README error codes table', () => {
  const documented = documentedCodes();

  it('lists every code of the registry, and only those', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(errorCodes).sort());
  });

  it('gives each code the HTTP status of the registry', () => {
    const statuses = Object.fromEntries(Object.entries(errorCodes).map(([code, { status }]) => [code, status]));
    expect(Object.fromEntries(documented)).toEqual(statuses);
  });
});
