// The benchmark must keep running: a smoke run (about a second per case) produces every figure and
// ratio. No thresholds here: speed is judged by the full run's ratios, not by a timed test.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('pnpm bench --smoke prints the table and writes every ratio', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'scrub-bench-')), 'results.json');
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [fileURLToPath(new URL('./run.mjs', import.meta.url)), '--smoke', '--out', out], { timeout: 220_000 }, (error, so, se) =>
      error ? reject(new Error(`${error.message}\n${se}`)) : resolve(so),
    ),
  );
  expect(stdout).toContain('| Throughput (req/s) | mock | Prism | bare node:http | mock/Prism | mock/bare |');
  const results = JSON.parse(readFileSync(out, 'utf8'));
  for (const [name, r] of Object.entries(results.ratios.throughput) as [string, Record<string, number>][]) {
    expect(r.mockOverPrism, name).toBeGreaterThan(0);
    expect(r.mockOverBare, name).toBeGreaterThan(0);
    expect(r.p99MockOverPrism, name).toBeGreaterThanOrEqual(0);
  }
  expect(Object.keys(results.ratios.throughput)).toHaveLength(4);
  expect(results.ratios.coldStartMockOverPrism).toBeGreaterThan(0);
  expect(results.ratios.sdkOverRawFetch).toBeGreaterThan(0);
  expect(results.ratios.sdkBundleOverFloor).toBeGreaterThan(0);
  expect(results.memory.growth).toEqual(expect.any(Number));
  // the mock answered its mix, not a wall of errors
  expect(results.throughput['idcheck (valid)'].mock.errors).toBe(0);
});
