#!/usr/bin/env node
// The `api` task of a published package: checks its API reports against its build (exit 1, with the
// report's name and a short diff, when they differ), or rewrites them with `--update`.
// Usage: node tools/api-report/src/cli.mjs [--update] [--package <dir>]   (default: the working directory)
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPackage, UPDATE_COMMAND } from './check.mjs';

const { values } = parseArgs({
  options: { update: { type: 'boolean', default: false }, package: { type: 'string', default: '.' } },
});
const packageDir = resolve(values.package);
const started = Date.now();
const { name, failures, written, reports } = checkPackage(packageDir, { update: values.update, root: repoRoot() });
const seconds = ((Date.now() - started) / 1000).toFixed(1);

for (const path of written) console.log(`${name}: wrote ${path}`);
if (failures.length === 0) {
  console.log(
    `${name}: ${reports.length} API report(s) ${values.update ? 'up to date' : 'match the build'} (${seconds} s)`,
  );
} else {
  // `Error:` first: the CI log's summary of failures repeats such lines
  for (const { message } of failures) console.error(`Error: ${name}: ${message}\n`);
  console.error(`${name}: ${failures.length} API report(s) out of date. If the change is meant, update them with`);
  console.error(`  ${UPDATE_COMMAND}\nand commit the reports (a changed public surface needs a changeset too).`);
  process.exitCode = 1;
}

/** Paths in messages start at the repository's root, where the update command is run. */
function repoRoot() {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: packageDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return packageDir;
  }
}
