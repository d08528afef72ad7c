/**
 * The files a folder load leaves out, and why. They are reported (the load's result, `--json`, one
 * line of the summary) so that a file meant to load that did not (a backup, a broken link, an empty
 * `.owl`) is seen instead of silently missing from the graph.
 */
import { isAbsolute, relative } from 'node:path';

/**
 * Why a file found in a folder is not loaded:
 * - `not-rdf`: neither its extension nor its content is an RDF syntax (README.md, pom.xml, package.json);
 * - `empty`: an `.owl`, `.xml` or `.json` file without content, so no syntax to recognise;
 * - `hidden`: its name starts with a dot (.DS_Store);
 * - `backup`: a backup copy (Protégé's and editors' `pizza.owl~`, `pizza.owl.bak`);
 * - `catalog`: an XML catalog not named catalog-v001.xml, which resolves nothing unless given as a PATH;
 * - `broken-link`: a symbolic link to nothing;
 * - `unreadable`: a symbolic link whose target cannot be examined.
 *
 * catalog-v001.xml files are not listed: they resolve the imports of the files beside them.
 */
export type SkipReason = 'not-rdf' | 'empty' | 'hidden' | 'backup' | 'catalog' | 'broken-link' | 'unreadable';

/** A file of a folder that was not loaded. */
export interface SkippedFile {
  /** Absolute path. */
  path: string;
  reason: SkipReason;
}

/** The order skipped files are named in: those most likely meant to load first, hidden files last. */
const reasonOrder: readonly SkipReason[] = ['broken-link', 'unreadable', 'empty', 'backup', 'catalog', 'not-rdf', 'hidden'];

/**
 * The first `shown` skipped files as `path (reason)`, those most likely meant to load first, paths
 * relative to the working folder when they are inside it, and how many more there are.
 *
 * @example describeSkipped([{ path: '/work/onto/README.md', reason: 'not-rdf' }], 3) // 'onto/README.md (not-rdf)' in /work
 */
export function describeSkipped(skipped: readonly SkippedFile[], shown: number): string {
  const first = [...skipped].sort((a, b) => reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason)).slice(0, shown);
  const listed = first.map(({ path, reason }) => `${displayPath(path)} (${reason})`).join(', ');
  return skipped.length > shown ? `${listed} and ${skipped.length - shown} more` : listed;
}

function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === '' || /^\.\.(?:[\\/]|$)/.test(inside) || isAbsolute(inside) ? path : inside;
}
