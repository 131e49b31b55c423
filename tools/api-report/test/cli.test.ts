// The `api` task as CI runs it: exit 1 with the report's name, a short diff and the command to update
// when the surface changed; `--update` rewrites the report and the check passes again.
import { execFile } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOf, removePackages } from './fixture.js';

const CLI = fileURLToPath(new URL('../src/cli.mjs', import.meta.url));

afterAll(removePackages);

function run(cwd: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [CLI, ...args], { cwd, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('scrub api report CLI', () => {
  it('fails with the report, the diff and the update command; passes after --update', async () => {
    const dir = copyOf('packages/contract');
    appendFileSync(join(dir, 'dist/index.d.ts'), 'export declare const addedInTest: 1;\n');

    const check = await run(dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('Error: @scrub/contract: api/index.api.md differs from the public surface of "."');
    expect(check.stderr).toContain('+export const addedInTest: 1;');
    expect(check.stderr).toContain(
      '@scrub/contract: 1 API report(s) out of date. If the change is meant, update them with\n',
    );
    expect(check.stderr).toContain('\n  pnpm api:update\n');

    const update = await run(dir, '--update');
    expect(update).toMatchObject({ code: 0, stderr: '' });
    expect(update.stdout).toContain('@scrub/contract: wrote api/index.api.md\n');

    const again = await run(join(dir, 'dist'), '--package', '..');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(/^@scrub\/contract: 1 API report\(s\) match the build \(\d+\.\d s\)\n$/);
  }, 120_000);
});
