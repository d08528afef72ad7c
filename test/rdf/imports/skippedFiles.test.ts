import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSkipped, type SkippedFile } from '../../../src/rdf/index.ts';

describe('describeSkipped', () => {
  const inCwd = (name: string) => join(process.cwd(), 'onto', name);
  const skipped: SkippedFile[] = [
    { path: inCwd('.DS_Store'), reason: 'hidden' },
    { path: inCwd('README.md'), reason: 'not-rdf' },
    { path: inCwd('pizza.owl~'), reason: 'backup' },
    { path: '/elsewhere/gone.ttl', reason: 'broken-link' },
    { path: inCwd('draft.owl'), reason: 'empty' },
  ];

  it('names the files most likely meant to load first, then says how many more', () => {
    expect(describeSkipped(skipped, 3)).toBe('/elsewhere/gone.ttl (broken-link), onto/draft.owl (empty), onto/pizza.owl~ (backup) and 2 more');
  });

  it('names them all when they fit, paths outside the working folder in full', () => {
    expect(describeSkipped(skipped.slice(0, 2), 3)).toBe('onto/README.md (not-rdf), onto/.DS_Store (hidden)');
    expect(describeSkipped([{ path: join(process.cwd(), '..', 'x.md'), reason: 'not-rdf' }], 3)).toBe(`${join(process.cwd(), '..', 'x.md')} (not-rdf)`);
  });
});
