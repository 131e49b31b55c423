#!/usr/bin/env node
// `scrub-changeset-check` (`pnpm changesets`, in the test line): spec and API report changes since
// the last release come with matching changesets. src/cli.mjs does the work; this file gives it the
// real spec diff, loaded only when a spec changed (the first release compares none).
import { parse } from 'yaml';
import { main } from './src/cli.mjs';

/** @param {string} text @param {string} name @returns {Readonly<Record<string, unknown>>} */
function spec(text, name) {
  const doc = parse(text, { maxAliasCount: 100 });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${name} is not a YAML mapping`);
  return doc;
}

/** @type {import('./src/check.mjs').DiffSpecs} */
async function diffSpecs(base, head, file) {
  const contract = await import('@scrub/contract');
  return contract.diffSpecs(spec(base, `${file} at the release`), spec(head, file));
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  diffSpecs,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
