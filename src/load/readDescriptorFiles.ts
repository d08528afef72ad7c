/**
 * The descriptors named on a command line: files, and folders holding them (searched recursively for
 * JSON, YAML and DPROD Turtle / JSON-LD files). Files a DPDS descriptor pulls in with `$ref` are found
 * too; registerProducts leaves them out as parts of that descriptor.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { OntomeshError } from '../errors/index.ts';
import type { DescriptorInput } from '../mesh/index.ts';

/** Extensions of the files a folder is searched for. */
const descriptorExtensions = new Set(['.yaml', '.yml', '.json', '.jsonld', '.ttl']);

/**
 * Reads the descriptors `paths` name, in order (a folder's files sorted by path), each named
 * relative to the working directory (absolute outside it).
 *
 * @throws OntomeshError FILE_NOT_FOUND for a path that does not exist or cannot be read; BAD_REQUEST
 *   for a folder without descriptors.
 * @example const files = await readDescriptorFiles(['mesh/']);
 */
export async function readDescriptorFiles(paths: readonly string[]): Promise<DescriptorInput[]> {
  const files: DescriptorInput[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const stats = await stat(absolute).catch((error: unknown) => {
      throw new OntomeshError('FILE_NOT_FOUND', `No such file or folder: ${path}`, { file: path }, {}, { cause: error });
    });
    const found = stats.isDirectory() ? await listDescriptors(absolute) : [absolute];
    if (found.length === 0) throw new OntomeshError('BAD_REQUEST', `no descriptor (.yaml, .yml, .json, .jsonld, .ttl) in ${path}`, { file: path });
    for (const file of found) {
      if (seen.has(file)) continue;
      seen.add(file);
      const content = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new OntomeshError('FILE_NOT_FOUND', `Cannot read ${file}: ${(error as Error).message}`, { file }, {}, { cause: error });
      });
      files.push({ file: displayName(file), content });
    }
  }
  return files;
}

async function listDescriptors(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && descriptorExtensions.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function displayName(file: string): string {
  const name = relative(process.cwd(), file);
  return name === '' || name.startsWith(`..${sep}`) ? file : name;
}
