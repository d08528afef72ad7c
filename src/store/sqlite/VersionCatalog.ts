/**
 * The catalog of graphs and versions: allocating a version, publishing it (ready + active pointer +
 * pruning in one transaction), rollback, and collecting what crashed writers left behind. Only
 * versions in state 'ready' are ever visible to readers.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { hostname } from 'node:os';
import { OntomeshError } from '../../errors/index.ts';
import type { LoadStats, VersionInfo, VersionMeta } from '../../graph/GraphStore.ts';
import { createVersionTables, dropVersionTables, versionObjectName } from './schema.ts';

/** A writer that has not marked itself alive for this long is taken for crashed (any host). */
const staleAfterMs = 15 * 60_000;

type Row = Record<string, SQLInputValue>;

/** The graph and version a version key stands for. */
export interface VersionKey {
  key: number;
  graphId: string;
  version: number;
}

export class VersionCatalog {
  readonly #db: DatabaseSync;
  #active: StatementSync | undefined;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Allocates the next version number of a graph and creates its tables (inside a write transaction). */
  allocate(graphId: string, meta: VersionMeta): VersionKey {
    const db = this.#db;
    const row = db.prepare('SELECT next_version FROM om_graph WHERE graph_id = ?').get(graphId);
    const version = (row?.next_version as number | undefined) ?? 1;
    db.prepare(`INSERT INTO om_graph (graph_id, active_key, next_version) VALUES (?, NULL, ?)
                ON CONFLICT (graph_id) DO UPDATE SET next_version = excluded.next_version`).run(graphId, version + 1);
    const now = Date.now();
    const { lastInsertRowid } = db.prepare(`INSERT INTO om_version (graph_id, version, state, created_at, host, pid, touched_at, meta)
                VALUES (?, ?, 'writing', ?, ?, ?, ?, ?)`).run(graphId, version, new Date(now).toISOString(), hostname(), process.pid, now, JSON.stringify(meta));
    const key = Number(lastInsertRowid);
    createVersionTables(db, key);
    return { key, graphId, version };
  }

  /**
   * Marks a written version ready and active, with its stats and its meta as they are now, and removes
   * the catalog rows of versions beyond `keepVersions` (newest by number; the active one always
   * stays). Returns the keys to drop.
   */
  publish(key: number, stats: LoadStats, meta: VersionMeta, keepVersions: number): { info: VersionInfo; pruned: number[] } {
    const db = this.#db;
    const createdAt = new Date().toISOString();
    const { changes } = db.prepare(`UPDATE om_version SET state = 'ready', stats = ?, meta = ?, created_at = ? WHERE key = ? AND state = 'writing'`)
      .run(JSON.stringify(stats), JSON.stringify(meta), createdAt, key);
    if (changes !== 1) throw new OntomeshError('NOT_FOUND', `version key ${key} is no longer being written (collected as crashed?)`);
    const row = db.prepare('SELECT graph_id, version, meta FROM om_version WHERE key = ?').get(key)!;
    const graphId = row.graph_id as string;
    db.prepare('UPDATE om_graph SET active_key = ? WHERE graph_id = ?').run(key, graphId);
    const pruned = (db.prepare(`SELECT key FROM om_version WHERE graph_id = ? AND state = 'ready' AND key <> ?
                                ORDER BY version DESC LIMIT -1 OFFSET ?`).all(graphId, key, Math.max(keepVersions - 1, 0)) as Row[])
      .map((r) => r.key as number);
    const remove = db.prepare('DELETE FROM om_version WHERE key = ?');
    for (const old of pruned) remove.run(old);
    const info: VersionInfo = { graphId, version: row.version as number, createdAt, active: true, stats, meta: JSON.parse(row.meta as string) as VersionMeta };
    return { info, pruned };
  }

  /** Drops a version that is being written (abort). */
  discard(key: number): void {
    dropVersionTables(this.#db, key);
    this.#db.prepare(`DELETE FROM om_version WHERE key = ? AND state = 'writing'`).run(key);
  }

  touch(key: number): void {
    this.#db.prepare('UPDATE om_version SET touched_at = ? WHERE key = ?').run(Date.now(), key);
  }

  /** Points a graph at one of its kept versions; NOT_FOUND when there is no such version (any more). */
  activate(graphId: string, version: number): void {
    const key = this.key(graphId, version);
    if (key === undefined) throw new OntomeshError('NOT_FOUND', `graph ${graphId} has no version ${version} (never written, or pruned)`);
    this.#db.prepare('UPDATE om_graph SET active_key = ? WHERE graph_id = ?').run(key, graphId);
  }

  /** The key of a ready version, or of the active one when `version` is undefined. */
  key(graphId: string, version?: number): number | undefined {
    const row = version === undefined
      ? this.#db.prepare('SELECT active_key AS key FROM om_graph WHERE graph_id = ?').get(graphId)
      : this.#db.prepare(`SELECT key FROM om_version WHERE graph_id = ? AND version = ? AND state = 'ready'`).get(graphId, version);
    return (row?.key as number | null | undefined) ?? undefined;
  }

  /** Ready versions of a graph, newest first. */
  versions(graphId: string): VersionInfo[] {
    const rows = this.#db.prepare(`
      SELECT v.version, v.created_at, v.stats, v.meta, v.key = g.active_key AS active
      FROM om_version v JOIN om_graph g ON g.graph_id = v.graph_id
      WHERE v.graph_id = ? AND v.state = 'ready' ORDER BY v.version DESC`).all(graphId) as Row[];
    return rows.map((r) => ({
      graphId,
      version: r.version as number,
      createdAt: r.created_at as string,
      active: r.active === 1,
      stats: JSON.parse(r.stats as string) as LoadStats,
      meta: JSON.parse(r.meta as string) as VersionMeta,
    }));
  }

  /** The active version of every graph, by graph id (asked once per request: the statement is prepared once). */
  active(): VersionKey[] {
    this.#active ??= this.#db.prepare(`
      SELECT g.graph_id, v.version, v.key FROM om_graph g JOIN om_version v ON v.key = g.active_key ORDER BY g.graph_id`);
    const rows = this.#active.all() as Row[];
    return rows.map((r) => ({ key: r.key as number, graphId: r.graph_id as string, version: r.version as number }));
  }

  /**
   * Removes versions left 'writing' by writers that are gone, and tables no catalog row owns (a crash
   * between a catalog change and its DROP). `isLive` says whether this process still writes a key.
   */
  collectGarbage(isLive: (key: number) => boolean): number[] {
    const db = this.#db;
    const host = hostname();
    const now = Date.now();
    const writing = db.prepare(`SELECT key, host, pid, touched_at FROM om_version WHERE state = 'writing'`).all() as Row[];
    const stale = writing
      .filter((r) => !isLive(r.key as number))
      .filter((r) => now - (r.touched_at as number) > staleAfterMs || (r.host === host && (r.pid === process.pid || !processExists(r.pid as number))))
      .map((r) => r.key as number);
    for (const key of stale) this.discard(key);
    const owned = new Set((db.prepare('SELECT key FROM om_version').all() as Row[]).map((r) => r.key as number));
    const orphans = new Set<number>();
    for (const { name } of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Row[]) {
      const match = versionObjectName.exec(name as string);
      if (match && !owned.has(Number(match[1]))) orphans.add(Number(match[1]));
    }
    for (const key of orphans) dropVersionTables(db, key);
    return [...stale, ...orphans];
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
