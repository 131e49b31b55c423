// `startMockServer()` as test code uses it: a fixture from an object or a file, a free port, the live
// state, `close()` that frees the port, and clear refusals for a bad fixture or a taken port.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFixture } from '@scrub/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureError, type RunningMockServer, startMockServer } from '../src/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'scrub-start-'));
const started: RunningMockServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function start(options: Parameters<typeof startMockServer>[0] = {}) {
  const server = await startMockServer(options);
  started.push(server);
  return server;
}

function fixtureWith(submissionId: string) {
  const fixture = structuredClone(defaultFixture);
  fixture.idcheck.projects[0]!.submissions = [{ submission_id: submissionId }];
  return fixture;
}
const read = (url: string, id: string) =>
  fetch(`${url}/v3/submission?submission_id=${id}`, { headers: { 'x-api-key': 'test-api-key' } });

describe('startMockServer', () => {
  it('listens on a free port of 127.0.0.1 and serves the built-in fixture by default', async () => {
    const mock = await start();
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
    const r = await read(mock.url, 's1');
    expect(r.status).toBe(200);
    expect(((await r.json()) as { Items: { submission_id: string }[] }).Items[0]!.submission_id).toBe('s1');
  });

  it('serves a fixture given as an object, and exposes the state it answers from', async () => {
    const mock = await start({ fixture: fixtureWith('from-object') });
    expect(await (await read(mock.url, 'from-object')).json()).toEqual({ Items: [{ submission_id: 'from-object' }] });
    mock.state.arm({ operationId: 'listProjections', status: 500 });
    const armed = await fetch(`${mock.url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    expect([armed.status, await armed.json()]).toEqual([500, { message: 'Internal server error' }]);
    expect(mock.state.requests().map((r) => [r.operationId, r.status, r.armed])).toEqual([
      ['getSubmission', 200, false],
      ['listProjections', 500, true],
    ]);
  });

  it('serves a fixture given as the path of a JSON file', async () => {
    const file = join(tmp, 'fixture.json');
    writeFileSync(file, JSON.stringify(fixtureWith('from-file')));
    const mock = await start({ fixture: file });
    expect(await (await read(mock.url, 'from-file')).json()).toEqual({ Items: [{ submission_id: 'from-file' }] });
  });

  it('passes the server options on: admin token, allowed hosts, results-not-ready polls', async () => {
    const mock = await start({ adminToken: 'admin-token-1', allowedHosts: ['mock.test'], resultsNotReadyPolls: 0 });
    expect((await fetch(`${mock.url}/__mock/state`)).status).toBe(401);
    const state = await fetch(`${mock.url}/__mock/state`, { headers: { authorization: 'Bearer admin-token-1' } });
    expect(state.status).toBe(200);
    const results = await fetch(`${mock.url}/v2.3.0/account/demo-account/text/t1/results`, {
      headers: { authorization: 'Token token=demo-token' },
    });
    expect(((await results.json()) as { type: string }).type).toBe('success');
  });

  it('close() drains and frees the port: the same port can be listened on again', async () => {
    const mock = await startMockServer();
    await expect(mock.close()).resolves.toEqual({ forced: false });
    await expect(read(mock.url, 's1')).rejects.toThrow();
    const again = await start({ port: mock.port });
    expect(again.url).toBe(mock.url);
    expect((await read(again.url, 's1')).status).toBe(200);
  });

  it('rejects a malformed fixture with a FixtureError naming the bad path (and the file)', async () => {
    const bad = { idcheck: { projects: [{ id: 'x', apiKeys: 'k' }] } };
    await expect(startMockServer({ fixture: bad as never })).rejects.toThrow(
      new FixtureError('idcheck.projects[0].apiKeys: expected array'),
    );
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const fromFile = startMockServer({ fixture: file });
    await expect(fromFile).rejects.toBeInstanceOf(FixtureError);
    await expect(fromFile).rejects.toThrow(`fixture ${file}: idcheck.projects[0].apiKeys: expected array`);
    writeFileSync(join(tmp, 'broken.json'), '{');
    await expect(startMockServer({ fixture: join(tmp, 'broken.json') })).rejects.toThrow(
      new RegExp(`^fixture ${join(tmp, 'broken.json')} is not valid JSON: `),
    );
    await expect(startMockServer({ fixture: join(tmp, 'missing.json') })).rejects.toThrow(
      `cannot read fixture ${join(tmp, 'missing.json')}: ENOENT`,
    );
  });

  it('rejects with a clear Error (code EADDRINUSE) when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const attempt = startMockServer({ port });
      await expect(attempt).rejects.toThrow(`port ${port} is already in use`);
      await expect(attempt).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
