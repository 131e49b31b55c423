#!/usr/bin/env node
// `scrub-changeset-check` (`pnpm changesets`, in the test line): spec and API report changes since
// the last release come with matching changesets. src/cli.mjs does the work; this file gives it the
// real spec diff, loaded only when a spec changed (the first release compares none).
import { parse } from 'yaml';
import { main } from './src/cli.mjs';

/** @type {import('./src/check.mjs').DiffSpecs} */
async function diffSpecs(base, head) {
  const contract = /** @type {{ diffSpecs?: (base: unknown, head: unknown) => import('./src/rules.mjs').Diff }} */ (
    /** @type {unknown} */ (await import('@scrub/contract'))
  );
  if (typeof contract.diffSpecs !== 'function') throw new Error('@scrub/contract exports no diffSpecs yet');
  return contract.diffSpecs(parse(base), parse(head));
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  diffSpecs,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
