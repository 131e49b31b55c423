// Packages for the tests: a small one written from declarations, and a copy of a real built one. Each
// sits in a temp dir with its node_modules linked, so that the declarations resolve as in the repo.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OWN_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));
const made: string[] = [];

/** Removes every package made so far (the node_modules links only, not what they point to). */
export function removePackages(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A package at a new temp path holding `files` (package.json included), node_modules linked. */
export function packageOf(files: Record<string, string>, modules = OWN_MODULES): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-api-report-test-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A copy of a built workspace package (package.json, dist, api) at a new temp path. */
export function copyOf(packagePath: string): string {
  const source = join(ROOT, packagePath);
  const dir = packageOf({}, join(source, 'node_modules'));
  for (const part of ['package.json', 'dist', 'api']) cpSync(join(source, part), join(dir, part), { recursive: true });
  return dir;
}
