// Shape checks for fixture / state JSON, composed by each area for its part. A failed check throws a
// `FixtureError` naming the first bad path (`idcheck.projects[0].apiKeys: expected array`).

export class FixtureError extends Error {
  override name = 'FixtureError';
}

/** Checks `value` found at `path`; throws `FixtureError`. */
export type Check = (value: unknown, path: string) => void;

export const fail = (path: string, expected: string): never => {
  throw new FixtureError(`${path || 'fixture'}: expected ${expected}`);
};
export const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const string: Check = (v, p) => void (typeof v === 'string' || fail(p, 'string'));
/** A string with at least one character (identifiers, keys, tokens). */
export const identifier: Check = (v, p) => void ((typeof v === 'string' && v !== '') || fail(p, 'a non-empty string'));
export const boolean: Check = (v, p) => void (typeof v === 'boolean' || fail(p, 'boolean'));
export const count: Check = (v, p) => void ((Number.isInteger(v) && (v as number) >= 0) || fail(p, 'integer >= 0'));

export const arrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'array');
    for (const [i, x] of (v as unknown[]).entries()) item(x, `${p}[${i}]`);
  };

/**
 * An object with `required` keys and `optional` ones (checked when present and not undefined); extra
 * keys are allowed.
 */
export const object =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'object');
    for (const [key, check] of Object.entries(required)) {
      if (!Object.hasOwn(v, key)) fail(join(p, key), 'a value (required)');
      check(v[key], join(p, key));
    }
    for (const [key, check] of Object.entries(optional))
      if (Object.hasOwn(v, key) && v[key] !== undefined) check(v[key], join(p, key));
  };

export const recordOf =
  (item: Check): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'object');
    for (const [key, value] of Object.entries(v)) item(value, join(p, key));
  };

export const matching =
  (pattern: RegExp, what: string): Check =>
  (v, p) =>
    void ((typeof v === 'string' && pattern.test(v)) || fail(p, what));

export const oneOf =
  (allowed: readonly string[], what: string): Check =>
  (v, p) =>
    void ((typeof v === 'string' && allowed.includes(v)) || fail(p, what));
