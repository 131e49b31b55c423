// Loads a spec of this folder as plain data, with local `$ref`s left in place. The helpers to read it
// (`deref`, `operations`, `templateMatches`, `messageOf`) are `@scrub/spec`'s, the one copy of each.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export { deref, messageOf, operations, templateMatches } from '@scrub/spec';

/** @typedef {'idcheck' | 'text-assessment'} Area */

/** @param {Area} area */
export function specPath(area) {
  return fileURLToPath(new URL(`./${area}.yaml`, import.meta.url));
}

/** @param {Area} area */
export function loadSpec(area) {
  return parse(readFileSync(specPath(area), 'utf8'));
}
