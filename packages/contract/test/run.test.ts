// The runner against small stand-ins (a real target that knows nothing, a mock that answers a few
// requests): what it sends, what it reports, what it leaves behind. The whole suite against the real
// mock is in test/e2e.
import { afterEach, describe, expect, it } from 'vitest';
import { contractFixture } from '../src/fixture.js';
import { runContract } from '../src/run.js';
import { reply, type Served, serve } from './support/fake.js';

let server: Served | undefined;
const unknownKeyCurl = (url: string) =>
  `curl -sS -i -X GET '${url}/v3/projection/zzzzzzzzzzzzz' -H 'x-api-key: scrub-contract-unknown-key'`;
afterEach(() => server?.close());

describe('runContract on a real target', () => {
  it('runs what it can reach, reports the rest unreachable, and calls the set-up hooks around the run', async () => {
    server = await serve((_req, res) => reply(res, 404, { message: 'Projection not found' }));
    const hooks: string[] = [];
    const lines: string[] = [];
    const report = await runContract({
      target: server.url,
      only: ['getProjection'],
      env: { SCRUB_CONTRACT_API_KEY: 'real-key' },
      setup: { before: () => void hooks.push('before'), after: () => void hooks.push('after') },
      log: (line) => lines.push(line),
    });
    expect(hooks).toEqual(['before', 'after']);
    expect(report.mockControls).toBe(false);
    expect(report.results.map((r) => [r.title, r.state])).toEqual([
      ['with a body over 1 MiB', 'failed'],
      ['reads a created projection', 'skipped'],
      ['with an unknown key', 'failed'],
      ['of an unknown projection', 'passed'],
      ['PUT on an item', 'failed'],
      ['failing on the server (Prefer: code=500)', 'unreachable'],
    ]);
    expect(report.results[2]).toMatchObject({
      problems: [
        'expected status 403, got 404: {"message":"Projection not found"}',
        'expected message "Forbidden", got "Projection not found"',
      ],
      observed: { status: 404, message: 'Projection not found', shape: '{"message":"string"}' },
      reproduce: unknownKeyCurl(server.url),
    });
    expect(report.coverage.map((r) => `${r.response.slice(0, 3)} ${r.state}`)).toEqual([
      '200 skipped',
      '405 missed',
      '413 missed',
      '403 missed',
      '404 hit',
      '500 unreachable',
    ]);
    expect(report.percent).toBe(16.6);
    expect(report.ok).toBe(false);
    expect(report.cleanup).toEqual([]);
    expect(lines[1]).toBe(
      'FAIL getProjection 403 Forbidden (with an unknown key)\n' +
        '       expected status 403, got 404: {"message":"Projection not found"}\n' +
        '       expected message "Forbidden", got "Projection not found"\n' +
        `       reproduce: ${unknownKeyCurl(server.url)}`,
    );
    // the key given by the environment is sent, never printed
    expect(server.received.some((r) => r.headers['x-api-key'] === 'real-key')).toBe(true);
    expect(JSON.stringify(report) + lines.join('\n')).not.toContain('real-key');
  });

  it('a target that cannot be reached fails each case with the cause', async () => {
    const closed = await serve(() => {});
    await closed.close();
    const report = await runContract({ target: closed.url, only: ['getSubmission'], areas: ['idcheck'] });
    expect(report.results.find((r) => r.state === 'failed')?.problems[0]).toMatch(
      /^request failed: fetch failed \(ECONNREFUSED/,
    );
  });
});

describe('runContract on a mock', () => {
  it("seeds the fixture before each case and puts the target's state back at the end", async () => {
    const saved = { idcheck: { projects: ['theirs'] }, textAssessment: { accounts: [] } };
    server = await serve((req, res) => {
      if (req.url === '/__mock/state') return reply(res, 200, req.method === 'GET' ? saved : {});
      if (req.headers['x-api-key'] !== 'contract-api-key') return reply(res, 403, { message: 'Forbidden' });
      reply(res, 200, { message: 'Get projection list success', items: [] });
    });
    const report = await runContract({ target: server.url, only: ['listProjections'], fuzzRuns: 0 });
    expect(report.mockControls).toBe(true);
    const states = server.received.filter((r) => r.url === '/__mock/state').map((r) => r.method);
    const ran = report.results.length;
    expect(states).toEqual(['GET', ...new Array(ran).fill('PUT'), 'PUT']);
    const puts = server.received.filter((r) => r.url === '/__mock/state' && r.method === 'PUT');
    expect(JSON.parse(puts[0]!.body)).toEqual(contractFixture);
    expect(JSON.parse(puts.at(-1)!.body)).toEqual(saved);
    expect(report.results.find((r) => r.title === 'lists the projections')?.state).toBe('passed');
    expect(report.results.find((r) => r.title === 'with an unknown key')?.state).toBe('passed');
  });
});
