/**
 * Reading parsed JSON/YAML descriptor data without trusting its shape: small total functions the
 * format mappers share (schema validation has run, but optional members may be absent).
 */

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The strings of a list (numbers become strings; anything else is skipped). */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item) => typeof item === 'string' || typeof item === 'number').map(String);
}

/** A string or number as a string; anything else as undefined. Empty strings are undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The objects of a list (anything else is skipped). */
export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object' && !Array.isArray(item)) : [];
}

/** `{ [key]: value }` when value is defined, `{}` otherwise: for optional model members. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The value when it is a JSON object, else undefined. */
export function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The value when it is a string, number or boolean, else undefined. */
export function scalar(value: unknown): string | number | boolean | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}
