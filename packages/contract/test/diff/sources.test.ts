import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitOf,
  parseSpec,
  readSpec,
  repositoryRoot,
  repositorySpecs,
  SpecSourceError,
  specAt,
} from '../../src/diff/sources.js';

const temp = (prefix: string) => realpathSync(mkdtempSync(join(tmpdir(), prefix)));
const NESTED = 'Nested mappings are not allowed in compact mappings';
const spec = (title: string) => `openapi: 3.1.0\ninfo: {title: ${title}, version: '1'}\npaths: {}\n`;

/** The error `run` throws (a test fails when it throws none). */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseSpec', () => {
  it('parses a YAML and a JSON OpenAPI document', () => {
    expect(parseSpec(spec('A'), 'a.yaml')).toEqual({ openapi: '3.1.0', info: { title: 'A', version: '1' }, paths: {} });
    expect(parseSpec('{"openapi": "3.0.3", "paths": {"/a": {}}}', 'a.json')).toEqual({
      openapi: '3.0.3',
      paths: { '/a': {} },
    });
  });

  it('refuses text that is not YAML with the file name and the position, on one line, without the text', () => {
    const error = thrown(() => parseSpec('openapi: 3.1.0\nsecret: b: c\n', 'specs/a.yaml'));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.name).toBe('SpecSourceError');
    expect(error.message).toBe(`specs/a.yaml is not YAML or JSON: ${NESTED} at line 2, column 9:`);
    expect(error.message).not.toContain('secret');
  });

  it('refuses a document that is not OpenAPI: no openapi version, no paths, or not an object', () => {
    const refused = (name: string) => `${name} is not an OpenAPI document (no "openapi" version or no "paths")`;
    const cases: [string, string][] = [
      ['redocly.yaml', 'extends:\n  - recommended-strict\nrules: {}\n'],
      ['no-paths.yaml', 'openapi: 3.1.0\ninfo: {title: x}\n'],
      ['number.yaml', 'openapi: 3.1\npaths: {}\n'],
      ['list-paths.yaml', 'openapi: 3.1.0\npaths: []\n'],
      ['list.yaml', '- openapi: 3.1.0\n'],
      ['scalar.yaml', 'openapi'],
      ['empty.yaml', ''],
    ];
    for (const [name, text] of cases) {
      const error = thrown(() => parseSpec(text, name));
      expect(error).toBeInstanceOf(SpecSourceError);
      expect(error.message).toBe(refused(name));
    }
  });

  it('refuses a document that expands aliases without bound (a billion laughs)', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'openapi: 3.1.0',
      'paths: {}',
    ].join('\n');
    const error = thrown(() => parseSpec(laughs, 'laughs.yaml'));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe(
      'laughs.yaml is not YAML or JSON: Excessive alias count indicates a resource exhaustion attack',
    );
  });
});

describe('readSpec', () => {
  const dir = temp('scrub-diff-read-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and parses a file', () => {
    writeFileSync(join(dir, 'a.yaml'), spec('Read'));
    expect(readSpec(join(dir, 'a.yaml')).info).toEqual({ title: 'Read', version: '1' });
  });

  it('names a file it cannot read and the reason code', () => {
    const missing = join(dir, 'missing.yaml');
    const error = thrown(() => readSpec(missing));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe(`cannot read ${missing}: ENOENT`);
    expect(thrown(() => readSpec(dir)).message).toBe(`cannot read ${dir}: EISDIR`);
  });

  it('names the file of a parse error', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'a: b: c\n');
    expect(thrown(() => readSpec(join(dir, 'bad.yaml'))).message).toBe(
      `${join(dir, 'bad.yaml')} is not YAML or JSON: ${NESTED} at line 1, column 4:`,
    );
  });
});

describe('git sources', () => {
  let root: string;
  let first: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();

  beforeAll(() => {
    root = temp('scrub-diff-git-');
    mkdirSync(join(root, 'openapi'));
    writeFileSync(join(root, 'openapi', 'a.yaml'), spec('Committed'));
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    first = git('rev-parse', 'HEAD');
    writeFileSync(join(root, 'openapi', 'a.yaml'), spec('Edited'));
    writeFileSync(join(root, 'openapi', 'b.yaml'), spec('New'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('repositoryRoot is the top of the work tree, from anywhere inside it', () => {
    expect(repositoryRoot(root)).toBe(root);
    expect(repositoryRoot(join(root, 'openapi'))).toBe(root);
  });

  it('repositoryRoot refuses a directory outside any git repository', () => {
    const outside = temp('scrub-diff-nogit-');
    const error = thrown(() => repositoryRoot(outside));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe(`${outside} is not inside a git repository (a --base-ref needs one)`);
    rmSync(outside, { recursive: true });
  });

  it('commitOf gives the commit of a branch, tag or commit', () => {
    expect(commitOf(root, 'HEAD')).toBe(first);
    expect(commitOf(root, 'v1')).toBe(first);
    expect(commitOf(root, first.slice(0, 10))).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{40}$/);
  });

  it('commitOf refuses an unknown ref, saying a shallow clone may lack it', () => {
    const error = thrown(() => commitOf(root, 'no-such-branch'));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe('unknown git ref "no-such-branch" (a shallow clone may lack it: git fetch --unshallow)');
  });

  it('commitOf refuses a ref that starts with "-" (it would be read as an option)', () => {
    for (const ref of ['-h', '--output=/tmp/x']) {
      const error = thrown(() => commitOf(root, ref));
      expect(error).toBeInstanceOf(SpecSourceError);
      expect(error.message).toBe(`not a git ref: "${ref}"`);
    }
  });

  it('specAt gives the committed version, not the edited work tree', () => {
    expect(specAt(root, first, join(root, 'openapi', 'a.yaml'))?.info).toEqual({ title: 'Committed', version: '1' });
    expect(readSpec(join(root, 'openapi', 'a.yaml')).info).toEqual({ title: 'Edited', version: '1' });
  });

  it('specAt gives undefined for a file that is not at that ref', () => {
    expect(specAt(root, first, join(root, 'openapi', 'b.yaml'))).toBeUndefined();
    expect(specAt(root, first, join(root, 'nowhere.yaml'))).toBeUndefined();
  });

  it('specAt names the file and the commit when the committed version does not parse', () => {
    writeFileSync(join(root, 'broken.yaml'), 'a: b: c\n');
    git('add', 'broken.yaml');
    git('commit', '-q', '-m', 'broken');
    const commit = git('rev-parse', 'HEAD');
    const error = thrown(() => specAt(root, commit, join(root, 'broken.yaml')));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe(
      `broken.yaml at ${commit.slice(0, 12)} is not YAML or JSON: ${NESTED} at line 1, column 4:`,
    );
    git('reset', '-q', '--hard', first);
    writeFileSync(join(root, 'openapi', 'a.yaml'), spec('Edited'));
  });

  it('repositorySpecs lists the OpenAPI documents under openapi/, sorted, skipping neighbours (redocly.yaml)', () => {
    writeFileSync(join(root, 'openapi', 'redocly.yaml'), 'extends:\n  - recommended-strict\n');
    writeFileSync(join(root, 'openapi', 'c.json'), '{"openapi": "3.1.0", "paths": {}}');
    writeFileSync(join(root, 'openapi', 'notes.txt'), spec('Not a spec file name'));
    writeFileSync(join(root, 'openapi', 'broken.yml'), 'a: b: c\n');
    expect(repositorySpecs(root)).toEqual(['a.yaml', 'b.yaml', 'c.json'].map((name) => join(root, 'openapi', name)));
  });

  it('repositorySpecs refuses a repository without openapi/, or with no OpenAPI document there', () => {
    const bare = temp('scrub-diff-bare-');
    expect(thrown(() => repositorySpecs(bare)).message).toBe(
      `no openapi/ directory in ${bare}: name the specs with --head`,
    );
    mkdirSync(join(bare, 'openapi'));
    writeFileSync(join(bare, 'openapi', 'redocly.yaml'), 'extends: []\n');
    const error = thrown(() => repositorySpecs(bare));
    expect(error).toBeInstanceOf(SpecSourceError);
    expect(error.message).toBe(`no OpenAPI document in ${join(bare, 'openapi')}`);
    rmSync(bare, { recursive: true });
  });
});
