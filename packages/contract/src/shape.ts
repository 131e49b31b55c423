// The shape of a JSON body: its types and keys without its values (what reports keep, so nothing
// personal), and where two shapes differ. Used by the runner, `compare` and `traffic`.

/** The type structure of a JSON value: `string`, `number`, ..., `{ key: shape }`, `[element shape]`. */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'none'
  | { readonly [key: string]: Shape }
  | readonly [Shape]
  | readonly [];

function shapeTree(value: unknown): Shape {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (!value.length) return [];
    // one shape for the elements: the union of their keys (lists hold records of one kind)
    return [value.map(shapeTree).reduce(merge)];
  }
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shapeTree((value as Record<string, unknown>)[k])]),
    );
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return typeof value === 'boolean' ? 'boolean' : 'null';
}

function merge(a: Shape, b: Shape): Shape {
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, Shape> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k]!, v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length && b.length ? [merge(a[0]!, b[0]!)] : a.length ? a : b;
  return a;
}

const isRecord = (s: Shape): s is { readonly [key: string]: Shape } => typeof s === 'object' && !Array.isArray(s);

/** The shape of a body as a compact JSON text (what reports store; no values, so nothing personal). */
export const shapeOf = (value: unknown): string => JSON.stringify(shapeTree(value));

const describe = (s: Shape): string => (typeof s === 'string' ? s : Array.isArray(s) ? 'array' : 'object');

/**
 * Where two shapes differ, as `path: A vs B` lines. Types must agree everywhere; a key present on
 * one side only counts at the top of the body (the envelope: `message`, `code`, `items`, ...), not
 * inside records, whose optional fields come and go with the data (unless `everyKey`: a replay of
 * the same requests on the same data). An empty array matches any array.
 */
export function shapeDifferences(a: Shape, b: Shape, path = 'body', everyKey = false): string[] {
  if (typeof a === 'string' || typeof b === 'string')
    return a === b ? [] : [`${path}: ${describe(a)} vs ${describe(b)}`];
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: ${describe(a)} vs ${describe(b)}`];
  if (Array.isArray(a) && Array.isArray(b))
    return a.length && b.length ? shapeDifferences(a[0]!, b[0]!, `${path}[]`, everyKey) : [];
  const ra = a as Record<string, Shape>;
  const rb = b as Record<string, Shape>;
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    if (!(key in rb)) {
      if (everyKey || path === 'body') out.push(`${path}.${key}: only in A`);
    } else if (!(key in ra)) {
      if (everyKey || path === 'body') out.push(`${path}.${key}: only in B`);
    } else out.push(...shapeDifferences(ra[key]!, rb[key]!, `${path}.${key}`, everyKey));
  }
  return out;
}
