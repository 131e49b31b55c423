// The workspace's public packages (the ones changesets versions and publishes) with their versions,
// read from pnpm-workspace.yaml's globs (`dir` or `dir/*`) and each package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** @typedef {{ name: string, version: string, dir: string }} WorkspacePackage */

/**
 * @param {string} root
 * @param {string} dir
 * @returns {{ name?: string, version?: string, private?: boolean } | undefined}
 */
function manifest(root, dir) {
  const path = join(root, dir, 'package.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** @param {string} root @param {string} glob @returns {string[]} the directories a workspace glob names */
function expand(root, glob) {
  if (!glob.endsWith('/*')) return [glob];
  const parent = glob.slice(0, -2);
  if (!existsSync(join(root, parent))) return [];
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
}

/**
 * Every package of the workspace that is not private, sorted by name.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function publicPackages(root) {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) ?? {};
  /** @type {string[]} */
  const globs = Array.isArray(workspace.packages) ? workspace.packages : [];
  /** @type {WorkspacePackage[]} */
  const packages = [];
  for (const dir of globs.filter((glob) => !glob.startsWith('!')).flatMap((glob) => expand(root, glob))) {
    const pkg = manifest(root, dir);
    if (pkg?.name && !pkg.private) packages.push({ name: pkg.name, version: pkg.version ?? '0.0.0', dir });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}
