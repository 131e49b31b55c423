// Loads a spec of this folder as plain data, with local `$ref`s left in place. This folder depends on
// nothing of ours: `@scrub/spec` generates its code from these files, so the arrow points one way only.
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
