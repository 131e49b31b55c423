// The suite can fail: a server with exactly three faults (one wrong message, one wrong status, one
// missing field) makes it report exactly those three.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runContract } from '../../src/index.js';
import { type Running, startMock, startProxy, startWrongServer } from '../support/servers.js';

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
  expect(problems.createProjection).toContain(
    'expected message "Projection name already exists", got "Projection name already exist"',
  );
  expect(problems.getProjection).toContain('expected status 404, got 400');
  expect(problems.getProjection).toContain('status 400 is not documented for getProjection');
  expect(problems.listProjections).toContain("must have required property 'message'");
  expect(report.ok).toBe(false);
  expect(
    report.coverage
      .filter((r) => r.state !== 'hit')
      .map((r) => `${r.operationId} ${r.response}`)
      .sort(),
  ).toEqual(failed.map((r) => `${r.operationId} ${r.response}`).sort());
});

it('catches wrong data behind right-looking answers', async () => {
  const subtle = await startProxy(mock.url, async (x, forward) => {
    // partial delete that wipes all of data; projection delete that deletes nothing
    if (x.method === 'DELETE' && x.path === '/v3/submission/partial') {
      const r = await forward();
      if (r.status === 200)
        await fetch(`${mock.url}/v3/submission/partial?submission_id=contract-s1&fields=data`, {
          method: 'DELETE',
          headers: { 'x-api-key': 'contract-api-key' },
        });
      return r;
    }
    if (x.method === 'DELETE' && x.path.startsWith('/v3/projection/'))
      return { ...x, status: 200, text: '{"message":"Delete projection success"}' };
    const r = await forward();
    // a sealed body for a plain project, and an envelope whose code is not the status
    if (x.method === 'GET' && /^\/v3\/projection\/[^/]+$/.test(x.path) && r.status === 200)
      return { ...r, text: JSON.stringify({ data: 'AAAAAAAAAAAAAAAAAAAAAA==' }) };
    if (r.status === 401) return { ...r, text: r.text.replace('"code":401', '"code":400') };
    return r;
  });
  try {
    const report = await runContract({ target: subtle.url, admin: mock.url, fuzzRuns: 0 });
    const failed = Object.fromEntries(
      report.results
        .filter((r) => r.state === 'failed')
        .map((r) => [`${r.operationId} ${r.response} ${r.title}`, r.problems.join(' | ')]),
    );
    const find = (prefix: string) => Object.entries(failed).find(([k]) => k.startsWith(prefix))?.[1] ?? '';
    expect(find('partialDeleteSubmission 200')).toContain('the submission after the delete');
    // the record, without its personal values
    expect(find('partialDeleteSubmission 200')).toContain('"last_name":"[redacted]"');
    expect(find('partialDeleteSubmission 200')).not.toContain('Lovelace');
    expect(find('deleteProjection 200')).toContain('can still be read after its deletion');
    expect(find('getProjection 200')).toContain('an encrypted body');
    expect(find('deleteAuthorSubmissions 401')).toContain('body code 400 differs from the HTTP status 401');
  } finally {
    await subtle.stop();
  }
});
