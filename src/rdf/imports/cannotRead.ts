/**
 * The one error for a file or folder of a load that exists but cannot be read (permissions, an I/O
 * error): `FILE_NOT_FOUND` naming the path, whether it was given directly or found in a folder,
 * instead of Node's bare `EACCES` surfacing as an internal error with a stack.
 */
import { OntomeshError } from '../../errors/index.ts';

/**
 * A rejection handler that rethrows a file-system error as `FILE_NOT_FOUND Cannot read PATH: reason`,
 * located at `path`, with the system error as its cause.
 *
 * @example const entries = await readdir(dir).catch(cannotRead(dir));
 */
export function cannotRead(path: string): (error: unknown) => never {
  return (error) => {
    throw new OntomeshError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}`, { file: path }, {}, { cause: error });
  };
}
