// Throwaway git repositories laid out like the workspace (the five public packages, a spec, an API
// report, .changeset/), and a fake spec diff that reads its changes from markers in the spec text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiffSpecs } from '../src/check.mjs';

const IDENTITY = ['-c', 'user.name=Scrub Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false'];

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, '-c', 'tag.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
}

export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export const remove = (root: string, path: string) => rmSync(join(root, path));

const made: string[] = [];

/** A new empty directory, removed by `cleanup` (each test file calls it after all its tests). */
export function scratch(prefix = 'scrub-changesets-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function commit(root: string, message = 'change'): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
}

export const SPEC = 'openapi: 3.1.0\ninfo:\n  title: ID check\npaths: {}\n';
export const REPORT =
  '## API Report File for "@scrub/sdk"\n\n```ts\nexport function a(): void;\n\nexport function b(): void;\n```\n';

/** A repository at the release `version` of the public packages, tagged `@scrub/spec@<version>` unless `tag: false`. */
export function released({ version = '0.1.0', tag = true } = {}): string {
  const root = scratch();
  git(root, 'init', '-q', '-b', 'main');
  const manifest = (name: string, extra = {}) => `${JSON.stringify({ name, version, ...extra })}\n`;
  write(root, {
    'package.json': manifest('scrub', { private: true }),
    'pnpm-workspace.yaml': 'packages:\n  - openapi\n  - packages/*\n  - apps/*\n  - tools/*\n',
    'packages/spec/package.json': manifest('@scrub/spec'),
    'packages/sdk/package.json': manifest('@scrub/sdk'),
    'packages/mocks/package.json': manifest('@scrub/mocks'),
    'packages/contract/package.json': manifest('@scrub/contract'),
    'apps/mock-server/package.json': manifest('@scrub/mock-server'),
    'tools/release/package.json': manifest('@scrub/release', { private: true }),
    'openapi/idcheck.yaml': SPEC,
    'openapi/redocly.yaml': 'extends:\n  - recommended\n',
    'packages/sdk/api/index.api.md': REPORT,
    '.changeset/config.json': '{ "baseBranch": "main" }\n',
    '.changeset/README.md': '# Changesets\n',
  });
  commit(root, 'release');
  if (tag) git(root, 'tag', '-a', `@scrub/spec@${version}`, '-m', `@scrub/spec@${version}`);
  return root;
}

/** A changeset naming `releases` with `summary`. */
export function changeset(root: string, file: string, releases: Record<string, string>, summary: string): void {
  const front = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}\n`);
  write(root, { [`.changeset/${file}.md`]: `---\n${front.join('')}---\n\n${summary}\n` });
}

/** The first-release changeset of the repository. */
export const FIRST_RELEASE = {
  '@scrub/spec': 'minor',
  '@scrub/sdk': 'minor',
  '@scrub/mocks': 'minor',
  '@scrub/contract': 'minor',
  '@scrub/mock-server': 'minor',
};

export const SPEC_PACKAGES = ['@scrub/spec', '@scrub/sdk', '@scrub/mocks', '@scrub/contract'];

/** Reads `# change: <verdict> <kind> <operation>` lines of the head as its changes. */
export const fakeDiff: DiffSpecs = (_base, head) => {
  const changes = [...head.matchAll(/^# change: (breaking|compatible) (\S+) (.+)$/gm)].map(
    ([, verdict, kind, operation]) => ({ kind: kind ?? '', verdict: verdict ?? '', operation, where: 'here' }),
  );
  return { verdict: changes.some((c) => c.verdict === 'breaking') ? 'breaking' : 'compatible', changes };
};

export const BREAKING_EDIT = `${SPEC}# change: breaking operation-removed DELETE /v3/submission/partial\n`;
export const COMPATIBLE_EDIT = `${SPEC}# change: compatible operation-added POST /v3/submission\n`;
