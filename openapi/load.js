// Loads a spec of this folder as plain data, with local `$ref`s left in place and a resolver for them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** @typedef {'idcheck' | 'text-assessment'} Area */

/** @param {Area} area */
export function specPath(area) {
  return fileURLToPath(new URL(`./${area}.yaml`, import.meta.url));
}

/** @param {Area} area */
export function loadSpec(area) {
  return parse(readFileSync(specPath(area), 'utf8'));
}

/** Follows `#/...` references until a non-reference value. */
export function deref(spec, value) {
  let current = value;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const parts = current.$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = parts.reduce((node, key) => (node == null ? undefined : node[key]), spec);
  }
  return current;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every operation of a spec: `{ operationId, method, path, operation }`, in document order. */
export function operations(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) out.push({ operationId: operation.operationId, method: method.toUpperCase(), path, operation });
    }
  }
  return out;
}

/** True when `message` is an instance of `template`, whose `{name}` parts stand for any non-empty text. */
export function templateMatches(template, message) {
  const source = template
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}$`, 's').test(message);
}
