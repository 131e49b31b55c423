// The spec-change snippets as written, in a throwaway repository holding two versions of a spec:
// `scrub-contract diff` (files, a git ref, the printed sample), and the root README's "Changing a
// spec" commands.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

function run(line: string): Promise<{ code: number; out: string }> {
  const command = line.replace(/\s+# .*$/, '').replace(/^npx scrub-contract /, `"${process.execPath}" "${CLI}" `);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd: repo });
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
