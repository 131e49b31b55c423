// Where the two versions of a spec come from: files (YAML or JSON), or a git ref of the repository
// the command runs in (`--base-ref`), whose spec files are the ones under `openapi/`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { isNode, type SpecDocument } from './document.js';

/** A spec that cannot be read or is not an OpenAPI document: bad input, exit 2. */
export class SpecSourceError extends Error {
  override name = 'SpecSourceError';
}

/** The parsed text, if it is an OpenAPI document (an object with `openapi` and `paths`). */
export function parseSpec(text: string, name: string): SpecDocument {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new SpecSourceError(`${name} is not YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isNode(doc) || typeof doc.openapi !== 'string' || !isNode(doc.paths)) {
    throw new SpecSourceError(`${name} is not an OpenAPI document (no "openapi" version or no "paths")`);
  }
  return doc;
}

export function readSpec(file: string): SpecDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SpecSourceError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parseSpec(text, file);
}

const git = (cwd: string, args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

/** The top of the git work tree around `cwd`. */
export function repositoryRoot(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new SpecSourceError(`${cwd} is not inside a git repository (a --base-ref needs one)`);
  }
}

/** The commit a ref names, checked, so a typo is told apart from a file missing at that ref. */
export function commitOf(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new SpecSourceError(`not a git ref: "${ref}"`);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new SpecSourceError(`unknown git ref "${ref}" (a shallow clone may lack it: git fetch --unshallow)`);
  }
}

/** The spec `file` (a path in the work tree) as it was at `commit`; undefined when it did not exist. */
export function specAt(root: string, commit: string, file: string): SpecDocument | undefined {
  const path = relative(root, resolve(file)).split('\\').join('/');
  let text: string;
  try {
    text = git(root, ['show', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
  return parseSpec(text, `${path} at ${commit.slice(0, 12)}`);
}

/** The repository's own specs: the OpenAPI documents directly under `openapi/`. */
export function repositorySpecs(root: string): string[] {
  const dir = join(root, 'openapi');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$|\.json$/.test(name));
  } catch {
    throw new SpecSourceError(`no openapi/ directory in ${root}: name the specs with --head`);
  }
  const specs = names.sort().filter((name) => {
    try {
      readSpec(join(dir, name));
      return true;
    } catch {
      return false; // redocly.yaml and other neighbours
    }
  });
  if (!specs.length) throw new SpecSourceError(`no OpenAPI document in ${dir}`);
  return specs.map((name) => join(dir, name));
}
