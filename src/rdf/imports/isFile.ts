/** Existence checks for the import loader and the catalog reader, which treat "absent" as a normal answer. */
import { stat } from 'node:fs/promises';

/** Whether `path` is an existing regular file (following symbolic links). */
export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isFile(), () => false);
}
