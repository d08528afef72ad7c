/**
 * The file a command writes for `--out FILE`: written beside the target as `FILE.PID.partial` and renamed
 * over it when complete, so a failed write leaves neither a truncated file nor the partial one. The path
 * is checked and the partial file created before the command does any work, and a failure to create,
 * write or rename it is reported against the path the user gave, with a code saying what to fix:
 * BAD_REQUEST (exit 2) for a value that cannot name a file, FILE_NOT_FOUND for a folder that does not
 * exist, FORBIDDEN for a folder that may not be written.
 */
import type { WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import { getSystemErrorMessage } from 'node:util';
import { OntomeshError, type ErrorCode } from '../errors/index.ts';

/** An output file being written. */
export interface OutFile {
  /** Where to write the content. */
  stream: WriteStream;
  /** Finishes the file and moves it over the target. */
  commit(): Promise<void>;
  /**
   * Removes the partial file, leaving the target as it was, and returns the error to report for
   * `error`: the write failure, described against the target's path, when writing the file failed.
   */
  discard(error: unknown): Promise<unknown>;
}

/**
 * Checks `path` (the value of `--out`) and creates its partial file.
 *
 * @throws OntomeshError BAD_REQUEST when `path` is empty or names a folder; FILE_NOT_FOUND when its folder
 *   does not exist; FORBIDDEN when the folder may not be written.
 * @example
 * const out = await openOutFile('pizza.ttl');
 * try {
 *   await exportGraph(store, 'pizza', 'ttl', out.stream);
 *   await out.commit();
 * } catch (error) {
 *   throw await out.discard(error);
 * }
 */
export async function openOutFile(path: string): Promise<OutFile> {
  if (path === '') throw new OntomeshError('BAD_REQUEST', '--out must name a file (got "")');
  if (path.endsWith(sep) || path.endsWith('/') || (await stat(path).catch(() => undefined))?.isDirectory()) {
    throw new OntomeshError('BAD_REQUEST', `--out ${path} is a folder; name a file to write`);
  }
  const partial = `${path}.${process.pid}.partial`;
  const handle = await open(partial, 'wx').catch(async (error: unknown) => {
    throw await outFileError(error, path);
  });
  const stream = handle.createWriteStream();
  let writeFailure: unknown;
  stream.on('error', (error) => (writeFailure ??= error));
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream);
      await rename(partial, path).catch(async (error: unknown) => {
        throw await outFileError(error, path);
      });
    },
    async discard(error) {
      stream.destroy();
      await rm(partial, { force: true });
      return writeFailure === undefined ? error : outFileError(writeFailure, path);
    },
  };
}

/** The OntomeshError for a failure to create, write or rename the output file `path`. */
async function outFileError(error: unknown, path: string): Promise<OntomeshError> {
  const { code, errno } = error as NodeJS.ErrnoException;
  const reason = typeof errno === 'number' ? `${getSystemErrorMessage(errno)} (${code})` : (error as Error).message;
  const described = (errorCode: ErrorCode, message: string) =>
    new OntomeshError(errorCode, `cannot write --out ${path}: ${message}`, {}, {}, { cause: error });
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR': {
      const problem = await folderProblem(dirname(path));
      // The folder is there, yet no file can be created in it: a virtual file system such as /proc.
      return problem === undefined ? described('FORBIDDEN', `no file can be created in ${dirname(path)} (${code})`) : described('FILE_NOT_FOUND', problem);
    }
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return described('FORBIDDEN', reason);
    case 'EISDIR':
      return described('BAD_REQUEST', 'it is a folder; name a file to write');
    case 'ENAMETOOLONG':
    case 'ELOOP':
    case 'EINVAL':
      return described('BAD_REQUEST', reason);
    default: // a full disk, an I/O error: nothing the command line can fix
      return described('INTERNAL', reason);
  }
}

/** Why files cannot be created in `folder`: it, or the ancestor that is a file, is not a folder; or it does not exist. */
async function folderProblem(folder: string): Promise<string | undefined> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
  if (!(info instanceof Error)) return info.isDirectory() ? undefined : `${folder} is not a folder`;
  if (info.code === 'ENOTDIR') return folderProblem(dirname(folder));
  return info.code === 'ENOENT' ? `the folder ${folder} does not exist` : undefined;
}
