// The `pnpm mock` CLI as a user meets it: help, flags, fixture errors, readiness line, clean shutdown.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFixture } from '@scrub/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', () => reject(new Error(`exited: ${err}`)));
  });
  ready.catch(() => {}); // runs that are meant to fail never await it
  return { child, ready, exited, output: () => ({ out, err }) };
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const tmp = mkdtempSync(join(tmpdir(), 'scrub-cli-'));

describe('scrub-mock CLI', () => {
  it('--help documents every flag and exits 0', async () => {
    const run = start(['--help']);
    expect(await run.exited).toBe(0);
    const { out } = run.output();
    for (const flag of [
      '--port',
      '--host',
      '--fixture',
      '--results-not-ready',
      '--admin-origin',
      '--allowed-host',
      '--admin-token',
      'SCRUB_MOCK_ADMIN_TOKEN',
      '--grace',
      '--quiet',
      '--help',
      '/__mock/reset',
      '/__mock/state',
      '/__mock/arm',
      '/__mock/requests',
      'x-mock-session',
      'Prefer',
      'SIGTERM',
    ])
      expect(out).toContain(flag);
  });

  it('prints its URL when ready, serves the built-in fixture, logs requests, and stops on SIGTERM', async () => {
    const run = start(['--port', '0']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const r = await fetch(`${url}/v3/submission?submission_id=s1`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(r.status).toBe(200);
    // the line is written once the answer has gone out; on a loaded machine that can be a while later
    await vi.waitFor(() => expect(run.output().out).toMatch(/GET \/v3\/submission 200 [\d.]+ms/), { timeout: 5_000 });
    expect(run.output().out).not.toContain('test-api-key');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('takes the port from PORT and stops on SIGINT', async () => {
    const run = start([], { PORT: '0' });
    await run.ready;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('--fixture loads a fixture file', async () => {
    const file = join(tmp, 'fixture.json');
    const fixture = structuredClone(defaultFixture);
    fixture.idcheck.projects[0]!.submissions = [{ submission_id: 'from-file' }];
    writeFileSync(file, JSON.stringify(fixture));
    const run = start(['--port', '0', '--quiet', '--fixture', file]);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const r = await fetch(`${url}/v3/submission?submission_id=from-file`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(await r.json()).toEqual({ Items: [{ submission_id: 'from-file' }] });
    expect(run.output().out).not.toContain('GET /v3/submission');
  });

  it.each([
    [
      'a malformed fixture',
      () => {
        const file = join(tmp, 'bad.json');
        writeFileSync(file, JSON.stringify({ idcheck: { projects: [{ id: 'x', apiKeys: 'k' }] } }));
        return ['--fixture', file];
      },
      /fixture .*bad\.json: idcheck\.projects\[0\]\.apiKeys: expected array/,
    ],
    [
      'a fixture that is not JSON',
      () => {
        const file = join(tmp, 'broken.json');
        writeFileSync(file, '{');
        return ['--fixture', file];
      },
      /is not valid JSON/,
    ],
    ['a missing fixture file', () => ['--fixture', join(tmp, 'missing.json')], /cannot read fixture .*ENOENT/],
    ['a bad port', () => ['--port', 'eighty'], /--port must be an integer from 0 to 65535, got "eighty"/],
    ['an unknown flag', () => ['--colour'], /Unknown option '--colour'/],
  ])('refuses %s with a clear message and exit code 2', async (_name, args, message) => {
    const run = start(args());
    expect(await run.exited).toBe(2);
    expect(run.output().err).toMatch(message);
  });

  it('on SIGTERM lets a request in flight finish, then exits 0', async () => {
    const run = start(['--port', '0', '--quiet']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const pending = fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key', prefer: 'delay=1000' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(200);
    expect((await response.json()).message).toBe('Get projection list success');
    expect(await run.exited).toBe(0);
    expect(run.output().out).toContain('SIGTERM: finishing requests in flight (up to 5000 ms), then stopping');
  });

  it('the same signal twice within moments (a launcher forwarding it) still drains', async () => {
    const run = start(['--port', '0', '--quiet']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const pending = fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key', prefer: 'delay=1000' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGTERM');
    run.child.kill('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await run.exited).toBe(0);
    expect(run.output().out).not.toContain('again: stopping now');
  });

  it('a second signal stops at once, and --grace bounds the wait', async () => {
    const run = start(['--port', '0', '--quiet', '--grace', '60000']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const pending = fetch(`${url}/v3/projection`, {
      headers: { 'x-api-key': 'test-api-key', prefer: 'delay=30000' },
    }).catch((e: Error) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGINT');
    // the second signal counts once it comes half a second after the server took the first one
    await vi.waitFor(() => expect(run.output().out).toContain('SIGINT: finishing requests in flight'), {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const started = performance.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000); // not the 60 s grace, nor the 30 s delay
    expect(await pending).toBeInstanceOf(Error);
    expect(run.output().out).toContain('SIGINT again: stopping now');
  });

  it('warns when bound to an address other machines can reach, and takes an admin token from the env', async () => {
    const run = start(['--port', '0', '--host', '0.0.0.0', '--quiet'], { SCRUB_MOCK_ADMIN_TOKEN: 'admin-token-1' });
    const url = (await run.ready).replace('0.0.0.0', '127.0.0.1');
    await expect
      .poll(() => run.output().err)
      .toContain(
        'warning: listening on 0.0.0.0, not a loopback address: ' +
          'anyone who can reach it can use the API keys of the fixture.',
      );
    expect((await fetch(`${url}/__mock/state`)).status).toBe(401);
    expect((await fetch(`${url}/__mock/state`, { headers: { authorization: 'Bearer admin-token-1' } })).status).toBe(
      200,
    );
  });

  it('hands --admin-origin to the server: that origin may use /__mock, another gets 403', async () => {
    const run = start(['--port', '0', '--quiet', '--admin-origin', 'http://localhost:5173']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const listed = await fetch(`${url}/__mock/state`, { headers: { origin: 'http://localhost:5173' } });
    expect([listed.status, listed.headers.get('access-control-allow-origin')]).toEqual([200, 'http://localhost:5173']);
    const other = await fetch(`${url}/__mock/state`, { headers: { origin: 'http://localhost:5174' } });
    expect(other.status).toBe(403);
  });

  it('refuses an --admin-origin that is not an origin, and a short admin token', async () => {
    const bad = start(['--admin-origin', 'http://localhost:5173/app']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().err).toContain('--admin-origin must be an origin like http://localhost:5173');
    const short = start(['--admin-token', 'abc']);
    expect(await short.exited).toBe(2);
    expect(short.output().err).toContain('the admin token must be at least 8 visible ASCII characters');
  });
});
