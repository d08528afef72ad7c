/**
 * Opens the SQLite connection of a store file: read-write when this process may write the file and its
 * folder (WAL creates `-wal` and `-shm` files beside the file), else read-only, so that a prepared store
 * on a read-only volume, or a file the process may not write, can still be read.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { OntomeshError } from '../../errors/index.ts';
import { configure } from './schema.ts';

/** A short busy wait: longer waits for the write lock are asynchronous (WriteTransactions). */
const connectionOptions = { enableForeignKeyConstraints: false, timeout: 50 } as const;

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Whether the connection is read-only: every write is to be refused. */
  readOnly: boolean;
}

/**
 * Opens (creating it and its folder when missing) the file at `location`, an absolute path; read-only
 * when `readOnly` asks for it or this process may not write the file or its folder.
 *
 * @example
 * const { db, readOnly } = openDatabase('/data/ontomesh.db');
 */
export function openDatabase(location: string, { readOnly = false }: { readOnly?: boolean } = {}): OpenedDatabase {
  const isNew = !existsSync(location);
  if (isNew && readOnly) throw new Error('no such file (a read-only store is never created)');
  if (isNew || (!readOnly && isWritable(location) && isWritable(dirname(location)))) {
    mkdirSync(dirname(location), { recursive: true });
    const db = new DatabaseSync(location, connectionOptions);
    try {
      configure(db, { isNew });
    } catch (error) {
      db.close();
      throw error;
    }
    return { db, readOnly: false };
  }
  const db = openReadOnly(location);
  try {
    configure(db, { readOnly: true });
    // The first read opens the WAL files; a failure belongs to opening, not to the first query.
    db.prepare('PRAGMA schema_version').get();
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, readOnly: true };
}

/**
 * SQLite reads a WAL database read-only when its `-wal` and `-shm` files exist or it may create them in
 * the folder (sqlite.org/wal.html, "Read-Only Databases"); it then takes its locks as usual and reads a
 * writer's commits correctly. Otherwise (a read-only folder, the store checkpointed so both files are
 * gone) only as `immutable`: no locks, no change detection, so a file changed while open would read
 * wrong; on a read-only volume nothing in this process can change it. `immutable` turns locking off
 * itself, so `nolock` would add nothing. A `-wal` still holding commits is refused, since `immutable`
 * would silently ignore them.
 */
function openReadOnly(location: string): DatabaseSync {
  const wal = `${location}-wal`;
  if (isWritable(dirname(location)) || (existsSync(wal) && existsSync(`${location}-shm`))) {
    return new DatabaseSync(location, { ...connectionOptions, readOnly: true });
  }
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new OntomeshError(
      'STORE_UNAVAILABLE',
      `${wal} holds commits not yet written into ${location}, and this process may not write ${dirname(location)} to read them: ` +
        'open the store once with write access (any ontomesh command, e.g. ontomesh versions ID) to checkpoint it, then mount it read-only',
    );
  }
  return new DatabaseSync(`${pathToFileURL(location).href}?immutable=1`, { ...connectionOptions, readOnly: true });
}

/** Whether this process may write `path` (root may, unless the file system is read-only: EROFS). */
function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
