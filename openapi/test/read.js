// What the spec tests need to read a spec: `$ref` resolution, the operation list, the message of an
// error body and `{name}` templates. A few lines of their own, so that this folder imports nothing of
// ours (`@scrub/spec` reads these files to generate its code and ships the product's copy of these helpers).

/** Follows local `#/a/b` references until a value that is not a reference. */
export function deref(document, value) {
  let current = value;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const keys = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = keys.reduce((node, key) => (node == null ? undefined : node[key]), document);
  }
  return current;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every operation of a spec, in document order. */
export function operations(document) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method: method.toUpperCase(),
      path,
      operation: item[method],
    })),
  );
}

/** The message of an error body of either area: `errorCode` or `message`. */
export function messageOf(body) {
  if (!body || typeof body !== 'object') return undefined;
  const message = body.errorCode ?? body.message;
  return typeof message === 'string' ? message : undefined;
}

/** True when `message` is an instance of `template`, whose `{name}` parts stand for any non-empty text. */
export function templateMatches(template, message) {
  const source = template
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}$`, 's').test(message);
}
