// The suite can fail: a server with exactly three faults (one wrong message, one wrong status, one
// missing field) makes it report exactly those three.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runContract } from '../src/index.js';
import { startMock, startWrongServer, type Running } from './servers.js';

let mock: Running;
let wrong: Running;

beforeAll(async () => {
  mock = await startMock();
  wrong = await startWrongServer(mock.url);
});
afterAll(async () => {
  await wrong.stop();
  await mock.stop();
});

it('reports exactly the three faults of a deliberately wrong server', async () => {
  const report = await runContract({ target: wrong.url, fuzzRuns: 20 });
  const failed = report.results.filter((r) => r.state === 'failed');
  expect(failed.map((r) => `${r.operationId} ${r.response}`).sort()).toEqual([
    'createProjection 409 Projection name already exists',
    'getProjection 404 Projection not found',
    'listProjections 200',
  ]);
  const problems = Object.fromEntries(failed.map((r) => [r.operationId, r.problems.join(' | ')]));
  expect(problems.createProjection).toContain('expected message "Projection name already exists", got "Projection name already exist"');
  expect(problems.getProjection).toContain('expected status 404, got 400');
  expect(problems.getProjection).toContain('status 400 is not documented for getProjection');
  expect(problems.listProjections).toContain("must have required property 'message'");
  expect(report.ok).toBe(false);
  expect(report.coverage.filter((r) => r.state !== 'hit').map((r) => `${r.operationId} ${r.response}`).sort()).toEqual(failed.map((r) => `${r.operationId} ${r.response}`).sort());
});
