/**
 * Resolves the `$ref` Reference Objects of a multi-file descriptor (Open Data Mesh DPDS): every
 * object whose `$ref` is a string is replaced by what it points to, a JSON Pointer in the same file
 * (`#/...`) or another file relative to the referencing one (`ports/a.json`, `../apis/b.json#/x`),
 * recursively. The result keeps a source map, so an error anywhere names the file and the field
 * where the offending value is actually written. A reference to a remote document (`https://…`) is
 * never fetched and one whose fragment is not a JSON Pointer cannot be followed: both stay in place
 * as Reference Objects, with a warning. A referenced file that cannot be read is an error.
 */
import { dirname, extname, resolve } from 'node:path';
import { OntomeshError } from '../../errors/index.ts';
import type { DescriptorFormat } from '../model.ts';
import { DescriptorSource } from './DescriptorSource.ts';
import { descriptorError, singleFileTree, type DescriptorTree, type Located } from './DescriptorTree.ts';
import { fromPointer, toPointer, valueAt } from './jsonPointer.ts';

/** Reads the file a reference points to (an absolute path); rejects when it cannot. */
export type ReferenceReader = (path: string) => Promise<string>;

/** At most this many files per descriptor. */
const MAX_FILES = 1000;

interface Origin {
  source: DescriptorSource;
  pointer: string;
}

/** A descriptor with its references resolved, and what could not be resolved. */
export interface ResolvedDescriptor extends DescriptorTree {
  warnings: string[];
}

/**
 * The descriptor rooted at `root` with every `$ref` replaced, read through `read`.
 *
 * @example const tree = await resolveReferences(source, 'dpds', (path) => readFile(path, 'utf8'));
 */
export async function resolveReferences(root: DescriptorSource, format: DescriptorFormat, read: ReferenceReader): Promise<ResolvedDescriptor> {
  const warnings: string[] = [];
  const sources = new Map<string, DescriptorSource>([[resolve(root.file), root]]);
  const origins = new Map<string, Origin>([['', { source: root, pointer: '' }]]);

  const locate = (pointer: string): Located => {
    const parts = fromPointer(pointer);
    for (let length = parts.length; length >= 0; length -= 1) {
      const origin = origins.get(toPointer(parts.slice(0, length)));
      if (!origin) continue;
      const field = `${origin.pointer}${toPointer(parts.slice(length))}`;
      return { file: origin.source.file, field, ...origin.source.locate(field) };
    }
    return { file: root.file, field: pointer };
  };
  const fail = (source: DescriptorSource, pointer: string, message: string, cause?: unknown): OntomeshError =>
    descriptorError(singleFileTree(source), pointer, message, format, {}, cause);

  /** What `ref` points to; undefined (with a warning) when it is not to be followed. */
  async function target(source: DescriptorSource, at: string, ref: string): Promise<(Origin & { value: unknown }) | undefined> {
    const hash = ref.indexOf('#');
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    const unresolved = (reason: string) => {
      warnings.push(`${source.file}: ${at}/$ref: ${ref} ${reason}; the reference is kept as it is`);
      return undefined;
    };
    if (pointer !== '' && !pointer.startsWith('/')) return unresolved('has a fragment that is not a JSON Pointer');
    let file = source;
    if (path !== '') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return unresolved('is remote and never fetched');
      const absolute = resolve(dirname(resolve(source.file)), path);
      let cached = sources.get(absolute);
      if (!cached) {
        if (sources.size >= MAX_FILES) throw fail(source, `${at}/$ref`, `more than ${MAX_FILES} referenced files`);
        let text: string;
        try {
          text = await read(absolute);
        } catch (cause) {
          const reason = cause instanceof OntomeshError ? cause.message : ((cause as NodeJS.ErrnoException).code ?? String(cause));
          throw fail(source, `${at}/$ref`, `referenced file ${path} cannot be read (${reason})`, cause);
        }
        const name = relativeName(root.file, source.file, path);
        cached = DescriptorSource.parse(name, text, syntaxOf(absolute, text));
        sources.set(absolute, cached);
      }
      file = cached;
    }
    const value = valueAt(file.data, pointer);
    if (value === undefined) throw fail(source, `${at}/$ref`, `reference ${ref} points to nothing`);
    return { source: file, pointer, value };
  }

  async function build(value: unknown, origin: Origin, out: string, trail: readonly string[]): Promise<unknown> {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const [index, item] of value.entries()) items.push(await build(item, { source: origin.source, pointer: `${origin.pointer}/${index}` }, `${out}/${index}`, trail));
      return items;
    }
    if (value === null || typeof value !== 'object') return value;
    const { $ref: ref, ...siblings } = value as { $ref?: unknown };
    const resolved = typeof ref === 'string' ? await target(origin.source, origin.pointer, ref) : undefined;
    if (typeof ref === 'string' && resolved) {
      const key = `${resolve(resolved.source.file)}#${resolved.pointer}`;
      if (trail.includes(key)) throw fail(origin.source, `${origin.pointer}/$ref`, `reference ${ref} is circular`);
      origins.set(out, { source: resolved.source, pointer: resolved.pointer });
      const built = await build(resolved.value, resolved, out, [...trail, key]);
      // Members beside `$ref` (a description) describe the referenced object; its own win.
      const { mediaType: _mediaType, ...described } = siblings as Record<string, unknown>;
      return built !== null && typeof built === 'object' && !Array.isArray(built) ? { ...described, ...built } : built;
    }
    const entries: [string, unknown][] = [];
    for (const [key, member] of Object.entries(value)) {
      const escaped = toPointer([key]);
      entries.push([key, await build(member, { source: origin.source, pointer: `${origin.pointer}${escaped}` }, `${out}${escaped}`, trail)]);
    }
    return Object.fromEntries(entries);
  }

  const data = await build(root.data, { source: root, pointer: '' }, '', []);
  return { file: root.file, data, locate, warnings };
}

/** JSON or YAML by extension, else by the first character. */
function syntaxOf(path: string, text: string): 'json' | 'yaml' {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** How errors name a referenced file: relative to the root descriptor's folder, like its references. */
function relativeName(rootFile: string, fromFile: string, path: string): string {
  const absolute = resolve(dirname(resolve(fromFile)), path);
  const base = dirname(resolve(rootFile));
  const relative = absolute.startsWith(`${base}/`) ? absolute.slice(base.length + 1) : absolute;
  return dirname(rootFile) === '.' ? relative : `${dirname(rootFile)}/${relative}`;
}
