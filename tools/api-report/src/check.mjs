// Compares the reports of a built package with the committed ones (api/<entry>.api.md), or rewrites
// the committed ones (`update`). A report is checked byte for byte: it is written by this tool only.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shortDiff } from './diff.mjs';
import { publicEntries } from './entries.mjs';
import { generateReports } from './extract.mjs';

export const REPORT_DIR = 'api';
export const UPDATE_COMMAND = 'pnpm api:update';

/** @typedef {{ report: string, message: string }} Failure */

/**
 * @param {string} packageDir
 * @param {{ update?: boolean, root?: string }} [options] `root`: where paths in messages start
 * @returns {{ name: string, failures: Failure[], written: string[], reports: string[] }}
 */
export function checkPackage(packageDir, { update = false, root = packageDir } = {}) {
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const entries = publicEntries(packageJson);
  const { reports, problems } = generateReports(packageDir, packageJson, entries);
  const dir = join(packageDir, REPORT_DIR);
  const shown = (/** @type {string} */ report) => relative(root, join(dir, report)).replaceAll('\\', '/');
  /** @type {Failure[]} */
  const failures = problems.map(({ report, text }) => ({ report, message: `${shown(report)}: ${text}` }));
  /** @type {string[]} */
  const written = [];
  for (const entry of entries) {
    const built = /** @type {string} */ (reports.get(entry.report));
    const path = join(dir, entry.report);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (committed === built) continue;
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, built);
      written.push(shown(entry.report));
    } else {
      const what = `the public surface of "${entry.subpath}" (${entry.types})`;
      const message =
        committed === undefined
          ? `${shown(entry.report)} is missing: no report of ${what}`
          : `${shown(entry.report)} differs from ${what}:\n${shortDiff(shown(entry.report), committed, built)}`;
      failures.push({ report: entry.report, message });
    }
  }
  for (const report of strayReports(dir, entries)) {
    if (update) {
      rmSync(join(dir, report));
      written.push(`${shown(report)} (removed)`);
    } else {
      failures.push({ report, message: `${shown(report)} reports no entry point of package.json "exports"` });
    }
  }
  return { name: packageJson.name, failures, written, reports: entries.map((entry) => entry.report) };
}

/**
 * The committed reports of entry points the package no longer has.
 * @param {string} dir
 * @param {import('./entries.mjs').Entry[]} entries
 */
function strayReports(dir, entries) {
  if (!existsSync(dir)) return [];
  const known = new Set(entries.map((entry) => entry.report));
  return readdirSync(dir).filter((file) => file.endsWith('.api.md') && !known.has(file));
}
