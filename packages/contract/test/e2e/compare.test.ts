// `scrub-contract compare`: the same cases against two servers. The mock against itself agrees;
// against a deliberately wrong deployment each difference is named, case by case.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareReports, shapeOf } from '../../src/index.js';
import { type Shape, shapeDifferences } from '../../src/shape.js';
import { cli as runCli } from '../support/cli.js';
import { type Running, STAGING, startMock, startStaging } from '../support/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-compare-'));
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });

let mockA: Running;
let mockB: Running;
let wrong: Running & { state(): Promise<unknown> };
beforeAll(async () => {
  mockA = await startMock();
  mockB = await startMock();
  // four faults: a status, a message, a type deep in a list, a key missing from an envelope
  wrong = await startStaging((x) => {
    if (x.method === 'GET' && /^\/v3\/projection\/[^/]+$/.test(x.path) && x.status === 404)
      return { ...x, status: 400 };
    if (x.text.includes('Projection name already exists'))
      return { ...x, text: x.text.replace('Projection name already exists', 'Projection name already exist') };
    if (x.method === 'GET' && x.path === '/v3/projection' && x.status === 200) {
      const body = JSON.parse(x.text);
      for (const item of body.items) item.fields = item.fields.join(',');
      return { ...x, text: JSON.stringify(body) };
    }
    if (x.method === 'PUT' && x.status === 200 && x.text.includes('"success"'))
      return { ...x, text: '{"type":"success"}' };
    return x;
  });
});
afterAll(async () => {
  await Promise.all([mockA.stop(), mockB.stop(), wrong.stop()]);
});

it('shapes compare types everywhere and key presence on the envelope only', () => {
  const diff = (a: unknown, b: unknown) =>
    shapeDifferences(JSON.parse(shapeOf(a)) as Shape, JSON.parse(shapeOf(b)) as Shape);
  expect(diff({ message: 'x', items: [{ id: 'a', n: 1 }] }, { message: 'y', items: [{ id: 'b', n: 2 }] })).toEqual([]);
  expect(diff({ items: [] }, { items: [{ id: 'b' }] })).toEqual([]);
  expect(diff({ items: [{ id: 'a', extra: 1 }] }, { items: [{ id: 'b' }] })).toEqual([]);
  expect(diff({ message: 'x', code: 200 }, { message: 'x' })).toEqual(['body.code: only in A']);
  expect(diff({ items: [{ fields: ['a'] }] }, { items: [{ fields: 'a' }] })).toEqual([
    'body.items[].fields: array vs string',
  ]);
  expect(diff({ n: 1 }, { n: '1' })).toEqual(['body.n: number vs string']);
});

it('the mock against a second mock: every case the same (exit 0), with Markdown, JSON and JUnit', async () => {
  const r = await cli([
    'compare',
    '--target',
    mockA.url,
    '--target',
    mockB.url,
    '--fuzz-runs',
    '0',
    '--quiet',
    '--report',
    'same.json',
    '--junit',
    'same.xml',
    '--markdown',
    'same.md',
  ]);
  expect(r.code, r.out + r.err).toBe(0);
  const same = Number(/(\d+) cases the same, 0 different, 0 not compared/.exec(r.out)?.[1]);
  expect(same).toBeGreaterThan(70); // every case of the suite ran on both
  const json = JSON.parse(readFileSync(join(dir, 'same.json'), 'utf8'));
  expect(json.ok).toBe(true);
  expect(json.cases.every((c: { state: string }) => c.state === 'same')).toBe(true);
  expect(readFileSync(join(dir, 'same.xml'), 'utf8')).toMatch(
    /<testsuite name="[^"]+" tests="\d+" failures="0" skipped="0">/,
  );
  expect(readFileSync(join(dir, 'same.md'), 'utf8')).toContain('## Contract comparison');
});

it(
  'the mock against a wrong deployment: each difference named, ' + 'the Prefer-only cases not compared, exit 1',
  async () => {
    writeFileSync(join(dir, 'staging.setup.json'), JSON.stringify(STAGING.setup));
    const run = await cli(
      [
        'compare',
        '--target',
        mockA.url,
        '--target',
        wrong.url,
        '--setup',
        'staging.setup.json',
        '--destructive',
        '--fuzz-runs',
        '0',
        '--quiet',
        '--report',
        'diff.json',
        '--junit',
        'diff.xml',
      ],
      STAGING.env,
    );
    expect(run.code, run.out + run.err).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8'));
    const different = Object.fromEntries(
      json.cases
        .filter((c: { state: string }) => c.state === 'different')
        .map((c: { operationId: string; title: string; differences: string[] }) => [
          `${c.operationId}: ${c.title}`,
          c.differences,
        ]),
    );
    expect(Object.keys(different).sort()).toEqual([
      'createProjection: with a name already used',
      'getProjection: of an unknown projection',
      'listProjections: lists the projections',
      'submitText: accepts a text',
    ]);
    expect(different['getProjection: of an unknown projection']).toContain('status: 404 vs 400');
    expect(different['createProjection: with a name already used']).toContain(
      'message: "Projection name already exists" vs "Projection name already exist"',
    );
    // A's list is empty (an empty list matches any), so the wrong type shows as B failing the contract
    expect(different['listProjections: lists the projections']).toContain(
      'fails the contract on B only: body/items/0/fields must be array',
    );
    expect(different['submitText: accepts a text']).toContain('body.code: only in A');
    // the Prefer cases run on the mock only
    const notCompared = json.cases
      .filter((c: { state: string }) => c.state === 'not compared')
      .map((c: { operationId: string; response: string }) => `${c.operationId} ${c.response}`);
    expect(notCompared.sort()).toEqual([
      'createProjection 500 Internal server error',
      'deleteAuthorSubmissions 500 internal server error',
      'deleteProjection 500 Internal server error',
      'getProjection 500 Internal server error',
      'getSubmission 500 Internal server error',
      'getTextResults 500 internal server error',
      'listProjections 500 Internal server error',
      'partialDeleteSubmission 500 Internal server error',
      'submitText 500 internal server error',
    ]);
    expect(run.out).toContain(
      '| getProjection | 404 Projection not found | of an unknown projection | status: 404 vs 400;',
    );
    expect(readFileSync(join(dir, 'diff.xml'), 'utf8')).toMatch(/failures="4"/);
    for (const secret of Object.values(STAGING.env))
      expect(run.out + run.err + readFileSync(join(dir, 'diff.json'), 'utf8')).not.toContain(secret);
  },
);

it('compareReports keys cases by operation and title', async () => {
  const { runContract } = await import('../../src/index.js');
  const a = await runContract({ target: mockA.url, only: ['listProjections'], fuzzRuns: 0 });
  const c = compareReports(a, a);
  expect(c.ok).toBe(true);
  expect(c.cases.map((x) => x.state)).toEqual(a.results.map(() => 'same'));
});
