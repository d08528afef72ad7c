/**
 * JSON Pointers (RFC 6901): how descriptor errors name the field at fault, whatever the syntax
 * (a YAML path `info.owner.id` is the pointer `/info/owner/id`).
 */

/** The pointer of a path of keys and indexes. @example toPointer(['schema', 0, 'name']) // '/schema/0/name' */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The keys and indexes of a pointer (indexes stay strings). @example fromPointer('/a~1b/0') // ['a/b', '0'] */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` in parsed JSON/YAML data, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of fromPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

interface Frame {
  kind: 'object' | 'array';
  key?: string;
  index: number;
  expectingKey: boolean;
}

/**
 * The pointer of the member being read at `offset` of a (possibly malformed) JSON text: what a
 * syntax error at that offset is "in". Scans strings, brackets, colons and commas only.
 *
 * @example jsonPointerAt('{"a": {"b": 1 "c": 2}}', 14) // '/a/b'
 */
export function jsonPointerAt(text: string, offset: number): string {
  const stack: Frame[] = [];
  let i = 0;
  while (i < offset && i < text.length) {
    const c = text[i];
    const top = stack.at(-1);
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectingKey) top.key = decodeString(text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') stack.push({ kind: c === '{' ? 'object' : 'array', index: 0, expectingKey: c === '{' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && top) top.expectingKey = false;
    else if (c === ',' && top) {
      if (top.kind === 'array') top.index += 1;
      else {
        top.expectingKey = true;
        delete top.key;
      }
    }
    i += 1;
  }
  const path: (string | number)[] = [];
  for (const frame of stack) {
    if (frame.kind === 'array') path.push(frame.index);
    else if (frame.key !== undefined) path.push(frame.key);
    else break;
  }
  return toPointer(path);
}

function decodeString(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
