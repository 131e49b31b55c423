import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareSpecs,
  DIFF_HELP,
  type DiffCommand,
  DiffUsageError,
  parseDiffCommand,
  SpecSourceError,
} from '../../src/diff/command.js';

const temp = (prefix: string) => realpathSync(mkdtempSync(join(tmpdir(), prefix)));

/** A spec with GET /items whose `mode` query parameter takes `modes`. */
const spec = (modes: string[], extra = '') =>
  [
    'openapi: 3.1.0',
    'info: {title: Items, version: "1"}',
    'paths:',
    '  /items:',
    '    get:',
    '      operationId: listItems',
    '      parameters:',
    `        - {in: query, name: mode, schema: {type: string, enum: [${modes.join(', ')}]}}`,
    '      responses:',
    "        '200': {description: ok}",
    extra,
  ].join('\n');

const usage = (args: string[]) => () => parseDiffCommand(args);

describe('parseDiffCommand', () => {
  it('reads --base and one --head, text by default', () => {
    expect(parseDiffCommand(['--base', 'a.yaml', '--head', 'b.yaml'])).toEqual({
      help: false,
      heads: ['b.yaml'],
      format: 'text',
      markdown: undefined,
      report: undefined,
      base: 'a.yaml',
    });
  });

  it('reads --base-ref with any number of --head, and the outputs', () => {
    expect(
      parseDiffCommand(['--base-ref', 'main', '--head', 'x.yaml', '--head', 'y.yaml', '--format', 'json']),
    ).toMatchObject({ baseRef: 'main', heads: ['x.yaml', 'y.yaml'], format: 'json' });
    expect(
      parseDiffCommand(['--base-ref', 'v1', '--format', 'markdown', '--markdown', 'd.md', '--report', 'd.json']),
    ).toEqual({ help: false, heads: [], format: 'markdown', markdown: 'd.md', report: 'd.json', baseRef: 'v1' });
  });

  it('--help (or -h) needs nothing else', () => {
    expect(parseDiffCommand(['--help']).help).toBe(true);
    expect(parseDiffCommand(['-h'])).toEqual({
      help: true,
      heads: [],
      format: 'text',
      markdown: undefined,
      report: undefined,
    });
  });

  it('refuses a command without a base', () => {
    expect(usage([])).toThrow(new DiffUsageError('--base <spec> (with --head) or --base-ref <git ref> is required'));
    expect(usage(['--head', 'b.yaml'])).toThrow(
      new DiffUsageError('--base <spec> (with --head) or --base-ref <git ref> is required'),
    );
  });

  it('refuses --base with --base-ref', () => {
    expect(usage(['--base', 'a', '--base-ref', 'main', '--head', 'b'])).toThrow(
      new DiffUsageError('--base and --base-ref: give one'),
    );
  });

  it('refuses --base without exactly one --head', () => {
    expect(usage(['--base', 'a.yaml'])).toThrow(new DiffUsageError('--base needs one --head'));
    expect(usage(['--base', 'a', '--head', 'b', '--head', 'c'])).toThrow(new DiffUsageError('--base needs one --head'));
  });

  it('refuses an unknown format', () => {
    expect(usage(['--base-ref', 'main', '--format', 'html'])).toThrow(
      new DiffUsageError('--format must be text, markdown or json, got "html"'),
    );
  });

  it('refuses unknown options, positional arguments and a missing value as DiffUsageError', () => {
    const cases: [string[], RegExp][] = [
      [['--base-ref', 'main', '--bogus'], /^Unknown option '--bogus'/],
      [['--base-ref', 'main', 'extra'], /^Unexpected argument 'extra'/],
      [['--base'], /^Option '--base <value>' argument missing/],
    ];
    for (const [args, message] of cases) {
      expect(usage(args)).toThrow(DiffUsageError);
      expect(usage(args)).toThrow(message);
    }
  });

  it('the help names every option and the exit codes', () => {
    for (const option of ['--base ', '--head ', '--base-ref ', '--format ', '--markdown ', '--report ', '--help']) {
      expect(DIFF_HELP).toContain(option);
    }
    expect(DIFF_HELP).toContain('Exit code: 0 every change is compatible');
  });
});

describe('compareSpecs with files', () => {
  const dir = temp('scrub-diff-files-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('diffs the --base file against the --head file', () => {
    const base = file('base.yaml', spec(['a', 'b']));
    const head = file('head.yaml', spec(['a']));
    const command: DiffCommand = { help: false, base, heads: [head], format: 'text' };
    expect(compareSpecs(command)).toEqual([
      {
        file: head,
        base,
        diff: {
          title: 'Items',
          verdict: 'breaking',
          changedOperations: ['listItems'],
          changes: [
            {
              kind: 'parameter-narrowed',
              verdict: 'breaking',
              operationId: 'listItems',
              operation: 'GET /items',
              where: 'query parameter mode',
              message: 'enum value "b" removed',
            },
          ],
        },
      },
    ]);
  });

  it('throws SpecSourceError for a file it cannot read or that is not a spec', () => {
    const base = file('ok.yaml', spec(['a']));
    const missing = join(dir, 'missing.yaml');
    expect(() => compareSpecs({ help: false, base, heads: [missing], format: 'text' })).toThrow(
      new SpecSourceError(`cannot read ${missing}: ENOENT`),
    );
    const notSpec = file('redocly.yaml', 'extends: []\n');
    expect(() => compareSpecs({ help: false, base: notSpec, heads: [base], format: 'text' })).toThrow(SpecSourceError);
  });
});

describe('compareSpecs with --base-ref', () => {
  let root: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const at = (name: string) => join(root, 'openapi', name);

  beforeAll(() => {
    root = temp('scrub-diff-ref-');
    mkdirSync(join(root, 'openapi'));
    writeFileSync(at('items.yaml'), spec(['a']));
    writeFileSync(at('redocly.yaml'), 'extends:\n  - recommended\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    git('branch', 'released');
    // the work tree: a value more for `mode` (compatible), and a spec new since the ref
    writeFileSync(at('items.yaml'), spec(['a', 'b']));
    writeFileSync(at('more.yaml'), spec(['x']).replace('listItems', 'listMore').replace('Items', 'More'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("compares every spec under openapi/ with the ref's version; one new since the ref is all added", () => {
    const specs = compareSpecs({ help: false, baseRef: 'released', heads: [], format: 'text' }, root);
    expect(specs.map(({ file, base, diff }) => [file, base, diff.verdict, diff.changes.map((c) => c.kind)])).toEqual([
      ['openapi/items.yaml', 'released', 'compatible', ['parameter-widened']],
      ['openapi/more.yaml', 'nothing: new since released', 'compatible', ['operation-added']],
    ]);
    expect(specs[0]?.diff.changes[0]).toMatchObject({ where: 'query parameter mode', message: 'enum value "b" added' });
  });

  it('compares only the named heads', () => {
    const specs = compareSpecs({ help: false, baseRef: 'released', heads: [at('items.yaml')], format: 'text' }, root);
    expect(specs.map((s) => s.file)).toEqual(['openapi/items.yaml']);
  });

  it('a change since the ref that breaks gives a breaking diff', () => {
    writeFileSync(at('items.yaml'), spec([]).replace('enum: []', 'enum: [z]'));
    try {
      const [items] = compareSpecs(
        { help: false, baseRef: 'released', heads: [at('items.yaml')], format: 'text' },
        root,
      );
      expect(items?.diff.verdict).toBe('breaking');
      expect(items?.diff.changes.map((c) => [c.kind, c.message])).toEqual([
        ['parameter-widened', 'enum value "z" added'],
        ['parameter-narrowed', 'enum value "a" removed'],
      ]);
    } finally {
      writeFileSync(at('items.yaml'), spec(['a', 'b']));
    }
  });

  it('refuses an unknown ref, and a directory outside git', () => {
    expect(() => compareSpecs({ help: false, baseRef: 'nope', heads: [], format: 'text' }, root)).toThrow(
      new SpecSourceError('unknown git ref "nope" (a shallow clone may lack it: git fetch --unshallow)'),
    );
    const outside = temp('scrub-diff-outside-');
    expect(() => compareSpecs({ help: false, baseRef: 'HEAD', heads: [], format: 'text' }, outside)).toThrow(
      new SpecSourceError(`${outside} is not inside a git repository (a --base-ref needs one)`),
    );
    rmSync(outside, { recursive: true });
  });

  it('refuses a --head outside the repository (it has no version at the ref)', () => {
    const outside = temp('scrub-diff-head-outside-');
    writeFileSync(join(outside, 'items.yaml'), spec(['a']));
    try {
      const heads = [join(outside, 'items.yaml')];
      expect(() => compareSpecs({ help: false, baseRef: 'released', heads, format: 'text' }, root)).toThrow(
        new SpecSourceError(`${heads[0]} is outside the repository ${root}`),
      );
    } finally {
      rmSync(outside, { recursive: true });
    }
  });

  // Regression: compareSpecs takes `cwd` (the repository and the `file` labels come from it) but reads a
  // relative --head, and finds its path at the ref, from process.cwd(): `openapi/items.yaml` with
  // cwd = the repository throws "cannot read openapi/items.yaml: ENOENT" when the process runs elsewhere.
  it('reads a relative --head from the cwd it is given', () => {
    const [items] = compareSpecs(
      { help: false, baseRef: 'released', heads: ['openapi/items.yaml'], format: 'text' },
      root,
    );
    expect(items).toMatchObject({ file: 'openapi/items.yaml', base: 'released', diff: { verdict: 'compatible' } });
  });
});
