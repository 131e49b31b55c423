// The spec-change snippets as written, in a throwaway repository holding two versions of a spec:
// `scrub-contract diff` (files, a git ref, the printed sample), and the root README's "Changing a
// spec" commands (`pnpm contract --` run as the contract CLI in that repository).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONTRACT_README = readFileSync(join(ROOT, 'packages/contract/README.md'), 'utf8');
const CLI = join(ROOT, 'packages/contract/dist/cli.js');
const section = (text: string, title: string) =>
  text.slice(text.indexOf(title), text.indexOf('\n## ', text.indexOf(title) + 1));
const blocks = (text: string, lang: string) =>
  [...text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo }).toString();

/** The ID-check spec with `redact` added to the projection modes: sent (compatible), received (breaking). */
function withRedactMode(): string {
  const doc = parse(readFileSync(join(ROOT, 'openapi/idcheck.yaml'), 'utf8'));
  doc.components.schemas.ProjectionMode.enum.push('redact');
  return stringify(doc);
}

function run(line: string, cwd = repo): Promise<{ code: number; out: string }> {
  const command = line.replace(/\s+# .*$/, '').replace(/^npx scrub-contract /, `"${process.execPath}" "${CLI}" `);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'scrub-spec-changes-'));
  for (const dir of ['openapi', 'v1', 'v2']) mkdirSync(join(repo, dir));
  const original = readFileSync(join(ROOT, 'openapi/idcheck.yaml'), 'utf8');
  writeFileSync(join(repo, 'openapi/idcheck.yaml'), original);
  writeFileSync(join(repo, 'openapi/text-assessment.yaml'), readFileSync(join(ROOT, 'openapi/text-assessment.yaml')));
  writeFileSync(join(repo, 'v1/idcheck.yaml'), original);
  writeFileSync(join(repo, 'v2/idcheck.yaml'), withRedactMode());
  git('init', '-q');
  git('add', 'openapi');
  git('commit', '-qm', 'v1');
  git('tag', 'v1');
  writeFileSync(join(repo, 'openapi/idcheck.yaml'), withRedactMode());
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("the contract README's spec changes", () => {
  const text = section(CONTRACT_README, '## Spec changes');
  const lines = blocks(text, 'sh').flatMap((b) => b.trim().split('\n'));

  it('has the two commands', () => {
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('npx scrub-contract diff '))).toBe(true);
  });

  it('diff of two files: exit 1 (breaking), the Markdown written with both verdicts', async () => {
    const r = await run(lines[0]!);
    expect(r.code, r.out).toBe(1);
    const markdown = readFileSync(join(repo, 'spec-diff.md'), 'utf8');
    expect(markdown).toContain('## Spec changes: breaking');
    expect(markdown).toContain(
      '| breaking | response-widened | `GET /v3/projection` (listProjections) | 200 response body .items[].mode | ' +
        'enum value "redact" added |',
    );
    expect(markdown).toContain('| compatible | request-widened | `POST /v3/projection` (createProjection) |');
  });

  it('diff against a git ref: JSON with every spec of openapi/, the untouched one without changes', async () => {
    const r = await run(lines[1]!);
    expect(r.code, r.out).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.verdict).toBe('breaking');
    expect(json.specs.map((s: { file: string; verdict: string }) => [s.file, s.verdict])).toEqual([
      ['openapi/idcheck.yaml', 'breaking'],
      ['openapi/text-assessment.yaml', 'compatible'],
    ]);
    expect(json.specs[1].changes).toEqual([]);
    expect(json.specs[0].changedOperations).toEqual(['listProjections', 'createProjection', 'getProjection']);
  });

  it('prints the sample output exactly (diff --base-ref v1 --head openapi/idcheck.yaml)', async () => {
    const [sample] = blocks(text, 'text');
    const r = await run('npx scrub-contract diff --base-ref v1 --head openapi/idcheck.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toBe(sample);
  });
});

describe("the root README's Changing a spec", () => {
  const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const lines = blocks(section(README, '## Changing a spec'), 'sh')
    .flatMap((b) => b.trim().split('\n'))
    .map((l) => l.replace(/\s+# .*$/, ''));
  let mock: RunningMockServer;
  let work: string;
  beforeAll(async () => {
    // main holds the released spec, where getProjection did not yet document its 413; the work tree
    // (and the suite built from it) is this repository's spec
    work = mkdtempSync(join(tmpdir(), 'scrub-changing-a-spec-'));
    mkdirSync(join(work, 'openapi'));
    const spec = readFileSync(join(ROOT, 'openapi/idcheck.yaml'), 'utf8');
    const released = spec.replace(
      /(operationId: getProjection[\s\S]*?x-error-messages:\n(?: +- [^\n]*\n)*?) +- \{status: 413[^\n]*\n/,
      '$1',
    );
    expect(released).not.toBe(spec);
    writeFileSync(join(work, 'openapi/idcheck.yaml'), released);
    writeFileSync(join(work, 'openapi/text-assessment.yaml'), readFileSync(join(ROOT, 'openapi/text-assessment.yaml')));
    const inWork = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: work });
    inWork('init', '-q', '-b', 'main');
    inWork('add', '.');
    inWork('commit', '-qm', 'released');
    inWork('checkout', '-q', '-b', 'change');
    writeFileSync(join(work, 'openapi/idcheck.yaml'), spec);
    mock = await startMockServer();
  });
  afterAll(async () => {
    await mock.close(0);
    rmSync(work, { recursive: true, force: true });
  });
  /** `pnpm contract -- ...` is the contract CLI, run in the spec's repository. */
  const contract = (line: string) =>
    run(line.replace(/^pnpm contract -- /, 'npx scrub-contract ').replace('http://localhost:4010', mock.url), work);

  it('has the five commands, each a script of this repository or the changesets CLI', () => {
    expect(lines).toHaveLength(5);
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const commands = [...Object.keys(root.scripts), 'changeset']; // `changeset`: the bin of @changesets/cli
    expect(Object.keys(root.devDependencies)).toContain('@changesets/cli');
    for (const line of lines) expect(commands).toContain(/^pnpm ([\w:]+)/.exec(line)![1]);
  });

  it('diff --base-ref main: the change judged, exit 1', async () => {
    const r = await contract(lines[0]!);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('openapi/idcheck.yaml (ARGOS ID check API v3 (Scrub)) against main: 1 change: 1 breaking');
    expect(r.out).toMatch(/breaking +error-message-added GET \/v3\/projection\/\{projectionId\} +error message/);
    expect(r.out).toContain('against main: no change a client can see');
  });

  it('changesets: the check the test run makes passes on this repository as it is', () => {
    expect(lines[3]).toBe('pnpm changesets');
    const out = execFileSync(process.execPath, [join(ROOT, 'tools/release/changeset-check.mjs')], { cwd: ROOT });
    expect(out.toString()).toMatch(/^changesets: \d+ requirements met$/m);
  });

  it('--changed-since main against the mock: only the operation the change reaches', async () => {
    const r = await contract(lines[4]!);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('1 operation run: getProjection; 8 operations skipped, unchanged: ');
    expect(r.out).toContain('6/6 documented responses hit (100%)');
  });
});
