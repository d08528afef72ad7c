/**
 * Windows drive paths where a catalog or an import names a document: a catalog written on Windows
 * (by hand, or by a tool that stores absolute paths) maps IRIs to `C:\Users\me\onto.owl` or
 * `file:///C:/Users/me/onto.owl`. Elsewhere the first reads as a URL of scheme `c:` and the second as
 * the path `/C:/Users/me/onto.owl`; recognising both lets the load say what is wrong with the entry.
 */

/** `C:\…` or `C:/…` (a URL parser lower-cases the drive letter), and `/C:/…`, a `file:///C:/…` URL's POSIX path. */
const drivePath = /^\/?([A-Za-z]):[\\/]/;

/**
 * The Windows path (`C:\Users\me\onto.owl`) that a document location stands for, or `undefined`
 * when it is none.
 *
 * @example windowsDrivePath('/C:/Users/me/My%20onto.owl') // 'C:\\Users\\me\\My onto.owl'
 */
export function windowsDrivePath(location: string): string | undefined {
  const match = drivePath.exec(location);
  if (match === null) return undefined;
  const rest = location.slice(match[0].length).replaceAll('/', '\\');
  return `${match[1]!.toUpperCase()}:\\${decoded(rest)}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
