// The full suite against the standalone Scrub mock: every documented response of both specs is hit.
import { errorMessages as idcheckErrors } from '@scrub/spec/idcheck';
import { errorMessages as textErrors } from '@scrub/spec/text-assessment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, runContract } from '../../src/index.js';
import { type Running, startMock } from '../support/servers.js';

let mock: Running;
let report: Report;

beforeAll(async () => {
  mock = await startMock();
  report = await runContract({ target: mock.url, fuzzRuns: 100 });
});
afterAll(() => mock.stop());

describe('contract suite against the Scrub mock', () => {
  it('passes every case and every negative property test', () => {
    expect(report.results.filter((r) => r.state !== 'passed')).toEqual([]);
    expect(report.fuzz.filter((f) => f.failure)).toEqual([]);
    expect(report.fuzz.map((f) => f.operationId).sort()).toEqual([
      'createProjection',
      'deleteAuthorSubmissions',
      'getSubmission',
      'partialDeleteSubmission',
      'submitText',
    ]);
    expect(report.ok).toBe(true);
  });

  it('hits 100 % of the documented responses, and the table lists every one of them', () => {
    const documented = [...Object.entries(idcheckErrors), ...Object.entries(textErrors)].flatMap(([op, errors]) => [
      `${op} 200`,
      ...(errors as readonly { status: number; message: string }[]).map((e) => `${op} ${e.status} ${e.message}`),
    ]);
    expect(report.coverage.map((r) => `${r.operationId} ${r.response}`).sort()).toEqual(
      [...new Set(documented)].sort(),
    );
    expect(report.coverage.every((r) => r.state === 'hit')).toBe(true);
    expect(report.percent).toBe(100);
  });

  it('puts the target state back afterwards', async () => {
    const state = await (await fetch(`${mock.url}/__mock/state`)).json();
    expect(state.idcheck.projects.map((p: { id: string }) => p.id)).toEqual(['demo', 'other', 'sealed']);
  });
});
