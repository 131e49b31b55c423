// The check of a real built package (@scrub/contract) against its committed report: it passes as
// committed, fails naming the report when the surface changes without it, and `update` rewrites it.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackage } from '../src/check.mjs';
import { copyOf, ROOT, removePackages } from './fixture.js';

afterAll(removePackages);

const CONTRACT = 'packages/contract';
const ADDED = 'export declare function addedInTest(flag: boolean): string;\n';

describe('checkPackage', () => {
  it('passes on the committed reports of the built package', () => {
    const result = checkPackage(join(ROOT, CONTRACT), { root: ROOT });
    expect(result).toEqual({ name: '@scrub/contract', failures: [], written: [], reports: ['index.api.md'] });
  }, 60_000);

  it('fails, naming the report and showing the change, when the surface grows without it', () => {
    const dir = copyOf(CONTRACT);
    appendFileSync(join(dir, 'dist/index.d.ts'), ADDED);
    const { failures, written } = checkPackage(dir);
    expect(written).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.report).toBe('index.api.md');
    const message = failures[0]?.message ?? '';
    expect(message).toMatch(
      /^api\/index\.api\.md differs from the public surface of "\." \(\.\/dist\/index\.d\.ts\):\n/,
    );
    expect(message).toContain('--- api/index.api.md (committed)\n+++ api/index.api.md (built)\n');
    expect(message).toContain('\n+export function addedInTest(flag: boolean): string;\n');
    // the committed report is left as it was
    expect(readFileSync(join(dir, 'api/index.api.md'), 'utf8')).toBe(
      readFileSync(join(ROOT, CONTRACT, 'api/index.api.md'), 'utf8'),
    );
  }, 60_000);

  it('with update, writes the report that the check then accepts', () => {
    const dir = copyOf(CONTRACT);
    appendFileSync(join(dir, 'dist/index.d.ts'), ADDED);
    expect(checkPackage(dir, { update: true })).toMatchObject({ failures: [], written: ['api/index.api.md'] });
    expect(readFileSync(join(dir, 'api/index.api.md'), 'utf8')).toContain(
      '// @public (undocumented)\nexport function addedInTest(flag: boolean): string;\n',
    );
    expect(checkPackage(dir)).toMatchObject({ failures: [], written: [] });
  }, 60_000);

  it('fails on a missing report, and update creates it', () => {
    const dir = copyOf(CONTRACT);
    rmSync(join(dir, 'api/index.api.md'));
    expect(checkPackage(dir).failures.map((failure) => failure.message)).toEqual([
      'api/index.api.md is missing: no report of the public surface of "." (./dist/index.d.ts)',
    ]);
    expect(checkPackage(dir, { update: true }).written).toEqual(['api/index.api.md']);
    expect(readFileSync(join(dir, 'api/index.api.md'), 'utf8')).toBe(
      readFileSync(join(ROOT, CONTRACT, 'api/index.api.md'), 'utf8'),
    );
  }, 60_000);

  it('fails on a report of an entry point the package no longer exports, and update removes it', () => {
    const dir = copyOf(CONTRACT);
    writeFileSync(join(dir, 'api/gone.api.md'), '## API Report File for "@scrub/contract/gone"\n');
    expect(checkPackage(dir).failures.map((failure) => failure.message)).toEqual([
      'api/gone.api.md reports no entry point of package.json "exports"',
    ]);
    expect(checkPackage(dir, { update: true }).written).toEqual(['api/gone.api.md (removed)']);
    expect(existsSync(join(dir, 'api/gone.api.md'))).toBe(false);
  }, 60_000);
});
