/**
 * The read queries of one committed version, prepared once per version and reused. Every query is an
 * index range scan (resource, neighbours, export pages) or an FTS5 match; ids are turned back into
 * IRIs by rowid lookups in the version's dictionary.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { EdgeElement, FactElement, LiteralValue, PropertyElement } from '../../graph/elements.ts';
import { foldText, highlightClose, highlightMarkup, highlightOpen, labelPredicates } from '../../graph/textIndex.ts';
import { versionTables } from './schema.ts';
import { ftsQuery } from './searchText.ts';

/** A search match of one version, best literal per node. */
export interface VersionSearchHit {
  id: string;
  predicate: string;
  text: string;
  highlight: string;
  score: number;
}

/** A page of facts in subject order; `s` is the subject's id in this version (for merging). */
export interface FactRow {
  s: number;
  fact: FactElement;
}

type Row = Record<string, SQLInputValue>;

/** Score added to exact label matches, above any BM25 score of a short text. */
const exactBonus = 1000;

export class VersionReader {
  readonly key: number;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #t: ReturnType<typeof versionTables>;
  /** Term ids of the label predicates in this version, as an SQL list. */
  #labelIds: string | undefined;

  constructor(db: DatabaseSync, key: number) {
    this.#db = db;
    this.key = key;
    this.#t = versionTables(key);
  }

  /** Literal properties, outgoing and incoming edges of a node; undefined when the version does not mention it. */
  resource(iri: string): { properties: PropertyElement[]; out: EdgeElement[]; in: EdgeElement[] } | undefined {
    const t = this.#t;
    const id = this.#statement('id', `SELECT id FROM ${t.term} WHERE iri = ?`).get(iri)?.id as number | undefined;
    if (id === undefined) return undefined;
    const props = this.#statement('props', `
      SELECT pt.iri AS p, dt.iri AS dt, x.lang, x.dir, x.lex, gt.iri AS g, x.inferred, x.doc
      FROM ${t.prop} x JOIN ${t.term} pt ON pt.id = x.p JOIN ${t.term} dt ON dt.id = x.dt LEFT JOIN ${t.term} gt ON gt.id = x.g
      WHERE x.s = ? ORDER BY x.s, x.p, x.rowid`).all(id) as Row[];
    return {
      properties: dedupeProperties(props.map((r) => propertyFact(iri, r))),
      out: this.#edges(id, 'out').map((r) => edgeFact(iri, r.p as string, r.other as string, r)),
      in: this.#edges(id, 'in').map((r) => edgeFact(r.other as string, r.p as string, iri, r)),
    };
  }

  /** A node's edges in one direction, asserted and the closure's lists, in (predicate, other end, graph) order. */
  #edges(id: number, direction: 'out' | 'in'): Row[] {
    const t = this.#t;
    const { table, from, to, closure, list } = this.#direction(direction);
    return this.#statement(`edges-${direction}`, `
      SELECT pt.iri AS p, xt.iri AS other, gt.iri AS g, e.inferred, e.doc, e.p AS pid, e.${to} AS xid, e.g AS gid
      FROM ${table} e JOIN ${t.term} pt ON pt.id = e.p JOIN ${t.term} xt ON xt.id = e.${to} LEFT JOIN ${t.term} gt ON gt.id = e.g
      WHERE e.${from} = ?1
      UNION ALL
      SELECT pt.iri, xt.iri, NULL, 1, -1, c.p, j.value, 0
      FROM ${closure} c JOIN json_each(c.${list}) j JOIN ${t.term} pt ON pt.id = c.p JOIN ${t.term} xt ON xt.id = j.value
      WHERE c.${from} = ?1
      ORDER BY pid, xid, gid`).all(id) as Row[];
  }

  /** The tables and columns of one walking direction: the edge table, its near and far end, the closure's lists. */
  #direction(direction: 'out' | 'in'): { table: string; from: string; to: string; closure: string; list: string } {
    const t = this.#t;
    return direction === 'out'
      ? { table: t.out, from: 's', to: 'o', closure: t.closureOut, list: 'os' }
      : { table: t.in, from: 'o', to: 's', closure: t.closureIn, list: 'ss' };
  }

  /** [from, to] pairs one hop along `predicate` from any of `ids`; the closure's lists too with `includeInferred`. */
  neighbours(ids: readonly string[], predicate: string, direction: 'out' | 'in', includeInferred: boolean): [string, string][] {
    const t = this.#t;
    const { table, from, to, closure, list } = this.#direction(direction);
    const rows = this.#statement(`neighbours-${direction}-${includeInferred}`, `
      SELECT a.iri AS source, b.iri AS target
      FROM ${t.term} a JOIN ${table} e ON e.${from} = a.id AND e.p = (SELECT id FROM ${t.term} WHERE iri = ?1)
      JOIN ${t.term} b ON b.id = e.${to}
      WHERE a.iri IN (SELECT value FROM json_each(?2))${includeInferred ? `
      UNION ALL
      SELECT a.iri, b.iri
      FROM ${t.term} a JOIN ${closure} c ON c.${from} = a.id AND c.p = (SELECT id FROM ${t.term} WHERE iri = ?1)
      JOIN json_each(c.${list}) j JOIN ${t.term} b ON b.id = j.value
      WHERE a.iri IN (SELECT value FROM json_each(?2))` : ' AND e.inferred = 0'}`).all(predicate, JSON.stringify(ids)) as Row[];
    return rows.map((r) => [r.source as string, r.target as string]);
  }

  /** The `limit` best matches of a text, one per node, exact label matches first. */
  search(text: string, limit: number): VersionSearchHit[] {
    const query = ftsQuery(text);
    if (query === undefined) return [];
    const t = this.#t;
    this.#labelIds ??= (this.#db.prepare(`SELECT id FROM ${t.term} WHERE iri IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...labelPredicates])) as Row[])
      .map((r) => r.id as number).join(', ');
    const isLabel = `p IN (${this.#labelIds})`;
    const rows = this.#statement('search', `
      SELECT st.iri AS id, pt.iri AS predicate, m.lex AS text, m.highlight, m.exact * ${exactBonus} + m.relevance AS score
      FROM (
        SELECT *, row_number() OVER (PARTITION BY s ORDER BY exact DESC, relevance DESC, r) AS best FROM (
          SELECT rowid AS r, s, p, lex, highlight(${t.text}, 0, '${highlightOpen}', '${highlightClose}') AS highlight,
                 -bm25(${t.text}) * (1 + (${isLabel})) AS relevance, (${isLabel} AND om_fold(lex) = ?) AS exact
          FROM ${t.text} WHERE ${t.text} MATCH ?)
      ) m JOIN ${t.term} st ON st.id = m.s JOIN ${t.term} pt ON pt.id = m.p
      WHERE m.best = 1 ORDER BY score DESC, st.iri LIMIT ?`).all(foldText(text), query, limit) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      predicate: r.predicate as string,
      text: r.text as string,
      highlight: highlightMarkup(r.highlight as string),
      score: r.score as number,
    }));
  }

  /**
   * The edges of the subjects after subject id `after`, whole subjects only, about `limit` of them, in
   * subject order; [] when there are no more. With `predicates`, only edges with one of them (and only
   * subjects that have such edges count towards `limit`).
   */
  edgesAfter(after: number, limit: number, includeInferred: boolean, predicates?: readonly string[]): FactRow[] {
    const t = this.#t;
    const filter = (alias: string) => this.#pageFilter(alias, includeInferred, predicates !== undefined);
    const byPredicate = predicates === undefined ? '' : this.#pageFilter('', true, true);
    // The page ends at the last subject of the first `limit` rows of each table read (the closure's lists too
    // with `includeInferred`): every fact of the subjects up to there, from both.
    const last = (table: string, where: string) => this.#statement(`export-edges-last-${table}-${where}`, `
      SELECT max(s) AS last FROM (SELECT s FROM ${table} WHERE s > ?1${where} ORDER BY s LIMIT ?2)`).get(...this.#pageArguments(after, limit, predicates))!.last as number | null;
    const ends = [last(t.out, filter('')), ...(includeInferred ? [last(t.closureOut, byPredicate)] : [])].filter((end) => end !== null);
    if (ends.length === 0) return [];
    const rows = this.#statement(`export-edges-${includeInferred}-${predicates !== undefined}`, `
      SELECT e.s, st.iri AS subject, pt.iri AS p, ot.iri AS o, gt.iri AS g, e.inferred, e.doc
      FROM (
        SELECT s, p, o, g, inferred, doc FROM ${t.out} WHERE s > ?1 AND s <= ?2${filter('')}${includeInferred ? `
        UNION ALL
        SELECT c.s, c.p, j.value, 0, 1, -1 FROM ${t.closureOut} c JOIN json_each(c.os) j WHERE c.s > ?1 AND c.s <= ?2${byPredicate}` : ''}
      ) e JOIN ${t.term} st ON st.id = e.s JOIN ${t.term} pt ON pt.id = e.p JOIN ${t.term} ot ON ot.id = e.o
      LEFT JOIN ${t.term} gt ON gt.id = e.g
      ORDER BY e.s, e.p, e.o, e.g`).all(...this.#pageArguments(after, Math.min(...ends), predicates)) as Row[];
    return rows.map((r) => ({ s: r.s as number, fact: edgeFact(r.subject as string, r.p as string, r.o as string, r) }));
  }

  /** Like {@link edgesAfter}, for literal facts. */
  propertiesAfter(after: number, limit: number, includeInferred: boolean, predicates?: readonly string[]): FactRow[] {
    const t = this.#t;
    const filter = (alias: string) => this.#pageFilter(alias, includeInferred, predicates !== undefined);
    const rows = this.#statement(`export-props-${includeInferred}-${predicates !== undefined}`, `
      SELECT x.s, st.iri AS subject, pt.iri AS p, dt.iri AS dt, x.lang, x.dir, x.lex, gt.iri AS g, x.inferred, x.doc
      FROM ${t.prop} x JOIN ${t.term} st ON st.id = x.s JOIN ${t.term} pt ON pt.id = x.p JOIN ${t.term} dt ON dt.id = x.dt
      LEFT JOIN ${t.term} gt ON gt.id = x.g
      WHERE x.s > ?1 AND x.s <= (SELECT max(s) FROM (SELECT s FROM ${t.prop} WHERE s > ?1${filter('')} ORDER BY s LIMIT ?2))${filter('x.')}
      ORDER BY x.s, x.p, x.rowid`).all(...this.#pageArguments(after, limit, predicates)) as Row[];
    const facts: FactRow[] = [];
    let subjectStart = 0;
    for (let i = 0; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.s === rows[subjectStart]!.s) continue;
      const subject = rows.slice(subjectStart, i);
      if (subject.length > 0) {
        const iri = subject[0]!.subject as string;
        for (const fact of dedupeProperties(subject.map((r) => propertyFact(iri, r)))) facts.push({ s: subject[0]!.s as number, fact });
      }
      subjectStart = i;
    }
    return facts;
  }

  /** The conditions of an export page on the columns of `alias` (`e.`, `x.` or ''); ?3 holds the predicates. */
  #pageFilter(alias: string, includeInferred: boolean, byPredicate: boolean): string {
    const asserted = includeInferred ? '' : ` AND ${alias}inferred = 0`;
    return byPredicate ? `${asserted} AND ${alias}p IN (SELECT id FROM ${this.#t.term} WHERE iri IN (SELECT value FROM json_each(?3)))` : asserted;
  }

  #pageArguments(after: number, limit: number, predicates: readonly string[] | undefined): SQLInputValue[] {
    return predicates === undefined ? [after, limit] : [after, limit, JSON.stringify(predicates)];
  }

  #statement(name: string, sql: string): StatementSync {
    let statement = this.#statements.get(name);
    if (statement === undefined) this.#statements.set(name, (statement = this.#db.prepare(sql)));
    return statement;
  }
}

function edgeFact(subject: string, predicate: string, object: string, r: Row): EdgeElement {
  return { kind: 'edge', subject, predicate, object, graph: (r.g as string | null) ?? undefined, inferred: r.inferred === 1, doc: r.doc as number };
}

function propertyFact(subject: string, r: Row): PropertyElement {
  const value: LiteralValue = { lexical: r.lex as string, datatype: r.dt as string };
  if (r.lang !== null) value.language = r.lang as string;
  if (r.dir !== null) value.direction = r.dir as 'ltr' | 'rtl';
  return { kind: 'property', subject, predicate: r.p as string, value, graph: (r.g as string | null) ?? undefined, inferred: r.inferred === 1, doc: r.doc as number };
}

/**
 * Literal facts are stored as they come, so one stated in two documents is stored twice; readers see it
 * once (its first occurrence).
 */
function dedupeProperties(facts: PropertyElement[]): PropertyElement[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.predicate}\u0000${f.graph ?? ''}\u0000${f.value.datatype}\u0000${f.value.language ?? ''}\u0000${f.value.direction ?? ''}\u0000${f.value.lexical}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
