/** Existence checks for the import loader and the catalog reader, which treat "absent" as a normal answer. */
import { stat } from 'node:fs/promises';

/** Whether `path` is an existing regular file (following symbolic links). */
export async function isFile(path: string): Promise<boolean> {
  return (await pathKind(path)) === 'file';
}

/** What is at `path`, for messages: a file, a folder, something else, or nothing. */
export async function pathKind(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  return stat(path).then((stats) => (stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other'), () => 'missing' as const);
}
