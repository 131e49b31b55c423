// `@scrub/spec/helpers`: the one copy of the helpers every side needs to read the specs and their
// documented errors: `$ref` resolution, the operation list, `{name}` message templates. It imports
// nothing, so a bundle can take it without the catalogue. Plain JavaScript (typed by JSDoc, declarations
// emitted by tsc) so that `scripts/generate.mjs` can use it before anything is built.

/** The HTTP methods an OpenAPI path item can hold, in the order operations are listed. */
export const HTTP_METHODS = /** @type {const} */ ([
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
  'trace',
]);

/**
 * Follows local `#/...` references until a value that is not a reference; `undefined` for one that
 * leads nowhere or back to itself (a spec being edited may hold either).
 * @param {unknown} document
 * @param {unknown} value
 * @returns {any}
 */
export function deref(document, value) {
  let current = /** @type {any} */ (value);
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = pointerPath(current.$ref).reduce(
      (node, key) => (node == null ? undefined : node[key]),
      /** @type {any} */ (document),
    );
  }
  return current;
}

/**
 * The keys of a local JSON pointer (`#/components/schemas/A~1B` -> `['components', 'schemas', 'A/B']`).
 * @param {string} ref
 * @returns {string[]}
 */
export function pointerPath(ref) {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The local JSON pointer of a key path (the inverse of `pointerPath`).
 * @param {readonly string[]} keys
 * @returns {string}
 */
export function pointer(keys) {
  return `#/${keys.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/**
 * Every operation of a spec, in document order.
 * @param {any} document
 * @returns {{ operationId: string; method: string; path: string; operation: any }[]}
 */
export function operations(document) {
  const out = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = /** @type {any} */ (item)[method];
      if (operation) out.push({ operationId: operation.operationId, method: method.toUpperCase(), path, operation });
    }
  }
  return out;
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;
/** @type {Map<string, RegExp>} */
const compiled = new Map();

/**
 * True when `message` is an instance of the documented message `template`, whose `{name}` parts
 * stand for any non-empty text (`invalid fields found in fields: {names}` matches `...: a, b`).
 * @param {string} template
 * @param {string} message
 * @returns {boolean}
 */
export function templateMatches(template, message) {
  let pattern = compiled.get(template);
  if (!pattern) {
    const source = template
      .split(/\{[a-z_]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    pattern = new RegExp(`^${source}$`, 's');
    compiled.set(template, pattern);
  }
  return pattern.test(message);
}

/**
 * The wire text a template stands for, its placeholder names left out (`invalid fields found in
 * fields: {names}` -> `invalid fields found in fields: {}`): two templates with the same shape send
 * the same messages.
 * @param {string} template
 * @returns {string}
 */
export function templateShape(template) {
  return template.replace(PLACEHOLDER, '{}');
}

/**
 * A documented message with its `{name}` parts filled from `values` (a missing value stays `{name}`).
 * @param {string} template
 * @param {Readonly<Record<string, string>>} [values]
 * @returns {string}
 */
export function fillTemplate(template, values = {}) {
  return template.replace(PLACEHOLDER, (whole, /** @type {string} */ name) => values[name] ?? whole);
}

/**
 * The message of an error body of either area: `errorCode` (partial delete, submission reads) or
 * `message` (everything else); `undefined` when the body carries neither as a string.
 * @param {unknown} body
 * @returns {string | undefined}
 */
export function messageOf(body) {
  if (!body || typeof body !== 'object') return undefined;
  const b = /** @type {Record<string, unknown>} */ (body);
  const message = b.errorCode ?? b.message;
  return typeof message === 'string' ? message : undefined;
}
