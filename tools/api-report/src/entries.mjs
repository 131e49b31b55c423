// The public entry points of a package: each subpath of its `exports` and the declarations an ESM
// client's TypeScript resolves it to. The report is of what a client can import; `./package.json` is
// data, not code.

/** @typedef {{ subpath: string, report: string, types: string }} Entry */

/** The conditions TypeScript matches for an ESM import under Node (`moduleResolution: nodenext`). */
const ESM_CONDITIONS = new Set(['types', 'import', 'node', 'default']);
const DECLARATIONS = /\.d\.m?ts$/;

/**
 * `.` -> `index.api.md`; `./idcheck/document` -> `idcheck-document.api.md`.
 * @param {string} subpath
 */
export function reportName(subpath) {
  if (subpath === '.') return 'index.api.md';
  return `${subpath.replace(/^\.\//, '').replaceAll('/', '-')}.api.md`;
}

/**
 * The declarations file a target resolves to, matching conditions in the object's own order as
 * TypeScript does; `null` (a runtime the entry is not for, e.g. `browser` of `@scrub/mocks/node`)
 * ends the match only when its condition is one an ESM importer's TypeScript matches.
 * @param {unknown} target
 * @returns {string | undefined}
 */
export function esmTypes(target) {
  if (typeof target === 'string') return DECLARATIONS.test(target) ? target : undefined;
  if (Array.isArray(target)) {
    for (const item of target) {
      const types = esmTypes(item);
      if (types) return types;
    }
    return undefined;
  }
  if (target === null || typeof target !== 'object') return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!ESM_CONDITIONS.has(condition)) continue;
    if (value === null) return undefined;
    const types = esmTypes(value);
    if (types) return types;
  }
  return undefined;
}

/**
 * Every public entry point of a package.json, in `exports` order.
 * @param {{ name?: string, exports?: unknown }} packageJson
 * @returns {Entry[]}
 */
export function publicEntries(packageJson) {
  const { exports } = packageJson;
  const map = isSubpathMap(exports) ? exports : { '.': exports };
  const entries = [];
  for (const [subpath, target] of Object.entries(map)) {
    if (subpath === './package.json') continue;
    if (subpath.includes('*'))
      throw new Error(`${packageJson.name}: export "${subpath}" is a pattern; name each entry`);
    const types = esmTypes(target);
    if (!types) throw new Error(`${packageJson.name}: export "${subpath}" has no ESM declarations (.d.ts)`);
    entries.push({ subpath, report: reportName(subpath), types });
  }
  if (entries.length === 0) throw new Error(`${packageJson.name}: package.json has no exports to report`);
  return entries;
}

/**
 * `exports` keyed by subpath (`"."`, `"./x"`) rather than by condition (a sugar for `"."` alone).
 * @param {unknown} exports
 * @returns {exports is Record<string, unknown>}
 */
function isSubpathMap(exports) {
  if (exports === null || typeof exports !== 'object' || Array.isArray(exports)) return false;
  return Object.keys(exports).every((key) => key.startsWith('.'));
}
