// The size rules hold for the workspace (no function outside tests over 80 lines, at most 20 lines
// over 120 characters), and each rule fails on a small git tree that breaks it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIZE = fileURLToPath(new URL('../size.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function size(root?: string) {
  return new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [SIZE, ...(root ? ['--root', root] : [])], { timeout: 120_000 }, (error, stdout) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    ),
  );
}

/** A git work tree holding `files` (the rules read the files git knows). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scrub-size-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

/** A function of `lines` lines in all (its header and closing brace included). */
const fn = (name: string, lines: number) =>
  `export function ${name}() {\n${'  console.log(1);\n'.repeat(lines - 2)}}\n`;
const longLine = `export const s = '${'x'.repeat(120)}';\n`;

describe('size rules', () => {
  it('hold for the workspace', async () => {
    const { code, stdout } = await size();
    expect(stdout).toMatch(/^size rules: longest function \d+ lines \(limit 80\), \d+ lines over 120/m);
    expect(code, stdout).toBe(0);
  });

  it('an 80-line function passes; 81 lines fail, named with file and line', async () => {
    expect((await size(tree({ 'packages/a/src/ok.ts': fn('ok', 80) }))).code).toBe(0);
    const { code, stdout } = await size(tree({ 'packages/a/src/big.ts': fn('big', 81) }));
    expect(code).toBe(1);
    expect(stdout).toContain('function over 80 lines: big (packages/a/src/big.ts:1, 81)');
  });

  it("a test file's long callbacks are not functions the rule counts", async () => {
    const body = `describe('x', () => {\n${"  it('y', () => {});\n".repeat(100)}});\n`;
    expect((await size(tree({ 'packages/a/test/x.test.ts': body }))).code).toBe(0);
  });

  it('20 lines over 120 characters pass; 21 fail, each named', async () => {
    expect((await size(tree({ 'a.ts': longLine.repeat(20) }))).code).toBe(0);
    const { code, stdout } = await size(tree({ 'a.ts': longLine.repeat(21), 'test/b.test.ts': longLine }));
    expect(code).toBe(1);
    expect(stdout).toContain('line over 120 characters: test/b.test.ts:1 (140)');
    expect(stdout).toContain('22 lines over 120 characters (limit 20)');
  });

  it('generated code is left out', async () => {
    const { code } = await size(tree({ 'packages/spec/src/generated/x.ts': longLine.repeat(30) + fn('g', 200) }));
    expect(code).toBe(0);
  });
});

describe('contract modules are mirrored by tests', () => {
  it('every packages/contract/src module but index.ts and cli.ts has test/<same path>.test.ts', () => {
    const src = join(ROOT, 'packages/contract/src');
    const modules = (readdirSync(src, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'cli.ts')
      .map((file) => relative(src, join(src, file)));
    expect(modules.length).toBeGreaterThan(10);
    const tests = new Set(readdirSync(join(ROOT, 'packages/contract/test'), { recursive: true }) as string[]);
    expect(modules.filter((file) => !tests.has(file.replace(/\.ts$/, '.test.ts')))).toEqual([]);
  });
});
