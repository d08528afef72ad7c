/**
 * Element ids and partition-key values that Cosmos DB accepts. Cosmos forbids `/`, `\`, `?` and `#`
 * in ids, limits ids to 1023 bytes and (without large partition keys) partition-key values to
 * 101 bytes; IRIs break all of these. Ids here are built from escaped parts (reversible: see
 * decodeIdPart) and carry what they name: a vertex id holds its node IRI, an edge id its whole fact,
 * so neither needs a property for it (one step and one binding less per element on every write).
 * An id that would be too long ends in `~` and a SHA-256 digest instead; such an element keeps its
 * IRI (vertex property `n`) or fact (edge property `m`) as a property.
 */
import { createHash } from 'node:crypto';

/** Characters the fallback escapes as `%XX`: Cosmos-forbidden ones, our separators, the digest marker and ASCII controls. */
const escaped = /[%/\\?#|@:~\u0000-\u001f\u007f]/g;
const maxIdBytes = 1000;
const maxGraphKeyBytes = 40;

/**
 * Escapes one id part so it holds no character Cosmos forbids, none of the separators `|`, `@`, `:`
 * and no `~` (which marks a digest): URI percent-encoding (native, fast), plus `~`. A text that is
 * not well-formed UTF-16 (a lone surrogate) keeps its other characters and escapes only those.
 *
 * @example encodeIdPart('http://x.org/a#b') === 'http%3A%2F%2Fx.org%2Fa%23b'
 */
export function encodeIdPart(text: string): string {
  try {
    return encodeURIComponent(text).replace(/~/g, '%7E');
  } catch {
    return text.replace(escaped, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  }
}

/** Inverse of encodeIdPart. */
export function decodeIdPart(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** A 128-bit digest in base64url (22 characters): short, id-safe, collision-free in practice. */
export function digest(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url').slice(0, 22);
}

/** Keeps an id within Cosmos's length limit: too-long ids keep their prefix and end in a digest. */
function bounded(prefix: string, part: string): string {
  const id = prefix + encodeIdPart(part);
  return Buffer.byteLength(id) <= maxIdBytes ? id : `${prefix}~${digest(part)}`;
}

/** 32-bit FNV-1a: a stable, fast hash to spread node ids over partition buckets. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Where one version of one graph lives: every id and partition key of its elements starts with `scope`. */
export interface VersionScope {
  readonly graphId: string;
  readonly version: number;
  /** `<namespace><graphKey>@<version>`. */
  readonly scope: string;
  /** Partition buckets the version's vertices are spread over. */
  readonly buckets: number;
}

/** Ids of everything the adapter stores, under an optional namespace (several stores in one graph). */
export class IdScheme {
  readonly #namespace: string;
  /** Partition-key value of the small metadata partition (graph pointers and version records). */
  readonly metaPartition: string;

  /** @param namespace letters, digits, `_` and `-` only (at most 16); '' for none. */
  constructor(namespace: string) {
    if (!/^[A-Za-z0-9_-]{0,16}$/.test(namespace)) throw new TypeError(`Invalid store namespace "${namespace}"`);
    this.#namespace = namespace ? `${namespace}:` : '';
    this.metaPartition = `${this.#namespace}ontomesh`;
  }

  /** Graph ids can be long: the partition key must stay under 101 bytes. */
  #graphKey(graphId: string): string {
    const key = encodeIdPart(graphId);
    return Buffer.byteLength(key) <= maxGraphKeyBytes ? key : `~${digest(graphId)}`;
  }

  versionScope(graphId: string, version: number, buckets: number): VersionScope {
    return { graphId, version, buckets, scope: `${this.#namespace}${this.#graphKey(graphId)}@${version}` };
  }

  /** The graph's pointer vertex: its `active` property names the served version. */
  pointerId(graphId: string): string {
    return bounded(`${this.#namespace}graph|`, graphId);
  }

  /** The record of one version (state, meta, stats); its id doubles as the version-number lock. */
  versionId(graphId: string, version: number): string {
    return `${bounded(`${this.#namespace}version|`, graphId)}@${version}`;
  }

  vertexId(scope: VersionScope, node: string): string {
    return bounded(`${scope.scope}|`, node);
  }

  /** The node IRI a vertex id holds; undefined for a digest id (the vertex has property `n`). */
  nodeOf(vertexId: string): string | undefined {
    const part = vertexId.slice(vertexId.indexOf('|') + 1);
    return part.startsWith('~') ? undefined : decodeIdPart(part);
  }

  partitionOf(scope: VersionScope, node: string): string {
    return `${scope.scope}.${fnv1a(node) % scope.buckets}`;
  }

  /** Every partition-key value of a version, for partition-scoped scans. */
  partitions(scope: VersionScope): string[] {
    return Array.from({ length: scope.buckets }, (_, bucket) => `${scope.scope}.${bucket}`);
  }

  /**
   * The id of an edge from its fact key (factCodec.edgeKey, already id-safe): writing the same fact
   * twice hits the same id (idempotent upserts), and the id gives the fact back (edgeKeyOf).
   */
  edgeId(scope: VersionScope, factKey: string): string {
    const id = `${scope.scope}|e:${factKey}`;
    return Buffer.byteLength(id) <= maxIdBytes ? id : `${scope.scope}|e~${digest(factKey)}`;
  }

  /** The fact key an edge id holds; undefined for a digest id (the edge has property `m`). */
  edgeKeyOf(edgeId: string): string | undefined {
    const at = edgeId.indexOf('|e:');
    return at < 0 ? undefined : edgeId.slice(at + 3);
  }
}
