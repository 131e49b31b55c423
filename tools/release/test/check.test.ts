// The requirements the check derives from what changed: which files count, what the spec diff is
// given, and the need of a spec added, removed or unreadable.
import { afterAll, describe, expect, it } from 'vitest';
import { CannotCheck, check, type DiffSpecs } from '../src/check.mjs';
import { BREAKING_EDIT, changeset, cleanup, fakeDiff, released, remove, SPEC, SPEC_PACKAGES, write } from './repo.js';

afterAll(cleanup);

const lines = async (root: string, diffSpecs: DiffSpecs = fakeDiff) =>
  (await check({ root, diffSpecs })).results.map(({ ok, line }) => `${ok ? '✓' : '✗'} ${line}`);

describe('check', () => {
  it('gives the diff the spec at the release and the working file', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    const calls: string[][] = [];
    await check({
      root,
      diffSpecs: (base, head, file) => {
        calls.push([base, head, file]);
        return fakeDiff(base, head, file);
      },
    });
    expect(calls).toEqual([[SPEC, BREAKING_EDIT, 'openapi/idcheck.yaml']]);
  });

  it('no change since the release: no requirement', async () => {
    const root = released();
    changeset(root, 'x', { '@scrub/sdk': 'patch' }, 'Fixes.');
    expect(await check({ root, diffSpecs: fakeDiff })).toEqual({
      intro: 'since @scrub/spec@0.1.0 (the last release): 0 changed files in openapi/*.yaml, packages/*/api/*.api.md',
      results: [],
    });
  });

  it('a yaml file of openapi/ that is no OpenAPI document (the linter config) needs nothing', async () => {
    const root = released();
    write(root, { 'openapi/redocly.yaml': 'extends: []\n' });
    expect(await lines(root, () => Promise.reject(new Error('not called')))).toEqual([]);
  });

  it('a spec removed is breaking, a spec added compatible, without the diff', async () => {
    const root = released();
    remove(root, 'openapi/idcheck.yaml');
    write(root, { 'openapi/billing.yaml': SPEC });
    const never = () => Promise.reject(new Error('not called'));
    expect(await lines(root, never)).toEqual([
      ...SPEC_PACKAGES.map(
        (name) => `✗ openapi/billing.yaml: a new spec -> ${name} needs patch or more; no pending changeset names it`,
      ),
      ...SPEC_PACKAGES.map(
        (name) =>
          `✗ openapi/idcheck.yaml: removed -> ${name} needs major (minor while 0.x, said to be breaking); ` +
          'no pending changeset names it',
      ),
    ]);
  });

  it('a spec the diff cannot read: CannotCheck naming the file and the first line of the reason', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': `${SPEC}  bad: [\n` });
    const failing = () => {
      throw new Error('Flow sequence not closed\nat line 5');
    };
    const result = check({ root, diffSpecs: failing });
    await expect(result).rejects.toThrow(CannotCheck);
    await expect(result).rejects.toThrow(/^openapi\/idcheck\.yaml: cannot diff: Flow sequence not closed$/);
  });

  it("an API report's package comes from its directory's package.json", async () => {
    const root = released();
    write(root, {
      'packages/spec/package.json': '{ "name": "@scrub/spec-renamed", "version": "1.0.0" }\n',
      'packages/spec/api/index.api.md': 'export const a: 1;\n',
    });
    expect(await lines(root)).toEqual([
      '✗ packages/spec/api/index.api.md: 1 line added, none lost -> @scrub/spec-renamed needs patch or more; ' +
        'no pending changeset names it',
    ]);
  });
});
