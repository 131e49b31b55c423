// `scrub-contract diff` as a pull-request check runs it: exit codes, printed formats, report files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'scrub-contract-diff-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const IDCHECK = fileURLToPath(new URL('../../../../openapi/idcheck.yaml', import.meta.url));

/** A spec with GET /items whose `mode` query parameter takes `modes`. */
const spec = (modes: string[]) =>
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
    '',
  ].join('\n');
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const base = file('base.yaml', spec(['a', 'b']));
const narrowed = file('narrowed.yaml', spec(['a']));
const widened = file('widened.yaml', spec(['a', 'b', 'c']));

describe('scrub-contract diff', () => {
  it('exits 1 on a breaking change, printing it, and writes the Markdown and JSON reports', async () => {
    const [md, json] = [join(dir, 'diff.md'), join(dir, 'diff.json')];
    const r = await cli(['diff', '--base', base, '--head', narrowed, '--markdown', md, '--report', json]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        `${narrowed} (Items) against ${base}: 1 change: 1 breaking, 0 compatible -> breaking`,
        '  breaking   parameter-narrowed GET /items  query parameter mode: enum value "b" removed',
        'verdict: breaking',
        '',
      ].join('\n'),
    );
    expect(readFileSync(md, 'utf8')).toBe(
      [
        '## Spec changes: breaking',
        '',
        `### ${narrowed} (Items)`,
        '',
        `Against ${base}: 1 change: 1 breaking, 0 compatible -> breaking.`,
        '',
        '| Verdict | Kind | Operation | Where | Change |',
        '|---|---|---|---|---|',
        '| breaking | parameter-narrowed | `GET /items` (listItems) | query parameter mode | enum value "b" removed |',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual({
      verdict: 'breaking',
      specs: [
        {
          file: narrowed,
          base,
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
      ],
    });
  });

  it('exits 0 when every change is compatible, printing JSON with --format json', async () => {
    const r = await cli(['diff', '--base', base, '--head', widened, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.verdict).toBe('compatible');
    expect(printed.specs[0].changes).toMatchObject([
      { kind: 'parameter-widened', verdict: 'compatible', message: 'enum value "c" added' },
    ]);
  });

  it('exits 0 with no change, printing Markdown with --format markdown (after `--`, as pnpm passes it)', async () => {
    const r = await cli(['--', 'diff', '--base', IDCHECK, '--head', IDCHECK, '--format', 'markdown']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('## Spec changes: compatible');
    expect(r.out).toContain('no change a client can see.');
  });

  it('prints its help and exits 0', async () => {
    const r = await cli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: scrub-contract diff --base <spec> --head <spec> \[options\]/);
  });

  it.each([
    [['diff'], '--base <spec> (with --head) or --base-ref <git ref> is required'],
    [['diff', '--base', 'a.yaml'], '--base needs one --head'],
    [['diff', '--base', 'a', '--base-ref', 'main', '--head', 'b'], '--base and --base-ref: give one'],
    [['diff', '--base-ref', 'main', '--format', 'html'], '--format must be text, markdown or json, got "html"'],
  ])('%j exits 2 with one line of usage error and no stack', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`scrub-contract: ${message}\nRun with --help for usage.\n`);
  });

  it('exits 2 on an unknown option, and on a spec it cannot read or parse, without a stack', async () => {
    const bogus = await cli(['diff', '--base', base, '--head', widened, '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/^scrub-contract: Unknown option '--bogus'/);
    const missing = join(dir, 'missing.yaml');
    const unread = await cli(['diff', '--base', base, '--head', missing]);
    expect(unread.code).toBe(2);
    expect(unread.err).toBe(`scrub-contract: cannot read ${missing}: ENOENT\nRun with --help for usage.\n`);
    const broken = file('broken.yaml', 'openapi: 3.1.0\npaths: {a: b: c}\n');
    const parse = await cli(['diff', '--base', broken, '--head', base]);
    expect(parse.code).toBe(2);
    expect(parse.err).toMatch(new RegExp(`^scrub-contract: ${broken} is not YAML or JSON: [^\\n]+\\nRun with --help`));
    expect(parse.err).not.toContain('    at ');
    const redocly = file('redocly.yaml', 'extends:\n  - recommended\n');
    const notSpec = await cli(['diff', '--base', redocly, '--head', base]);
    expect(notSpec.code).toBe(2);
    expect(notSpec.err).toContain(`${redocly} is not an OpenAPI document`);
  });

  it('with --base-ref, compares the specs under openapi/ with their version at that ref', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'openapi'), { recursive: true });
    writeFileSync(join(repo, 'openapi', 'items.yaml'), spec(['a', 'b']));
    writeFileSync(join(repo, 'openapi', 'redocly.yaml'), 'extends:\n  - recommended\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'released');
    git('tag', 'v1');
    writeFileSync(join(repo, 'openapi', 'items.yaml'), spec(['a', 'b', 'c']));
    const compatible = await cli(['diff', '--base-ref', 'v1'], { cwd: repo });
    expect(compatible.code, compatible.err).toBe(0);
    expect(compatible.out).toContain('openapi/items.yaml (Items) against v1: 1 change: 0 breaking, 1 compatible');
    writeFileSync(join(repo, 'openapi', 'items.yaml'), spec(['b']));
    const breaking = await cli(['diff', '--base-ref', 'v1', '--head', 'openapi/items.yaml'], { cwd: repo });
    expect(breaking.code, breaking.err).toBe(1);
    expect(breaking.out).toContain('enum value "a" removed');
    const unknown = await cli(['diff', '--base-ref', 'v2'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown git ref "v2"');
  });
});
