// The `pnpm mock` CLI as a user meets it: help, flags, fixture errors, readiness line, clean shutdown.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFixture } from '@scrub/mocks';
import { afterEach, describe, expect, it } from 'vitest';

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
    for (const flag of ['--port', '--host', '--fixture', '--results-not-ready', '--quiet', '--help', '/__mock/reset', '/__mock/state', 'Prefer']) expect(out).toContain(flag);
  });

  it('prints its URL when ready, serves the built-in fixture, logs requests, and stops on SIGTERM', async () => {
    const run = start(['--port', '0']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    const r = await fetch(`${url}/v3/submission?submission_id=s1`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(r.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.output().out).toMatch(/GET \/v3\/submission 200 [\d.]+ms/);
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
    ['a malformed fixture', () => {
      const file = join(tmp, 'bad.json');
      writeFileSync(file, JSON.stringify({ idcheck: { projects: [{ id: 'x', apiKeys: 'k' }] } }));
      return ['--fixture', file];
    }, /fixture .*bad\.json: idcheck\.projects\[0\]\.apiKeys: expected array/],
    ['a fixture that is not JSON', () => {
      const file = join(tmp, 'broken.json');
      writeFileSync(file, '{');
      return ['--fixture', file];
    }, /is not valid JSON/],
    ['a missing fixture file', () => ['--fixture', join(tmp, 'missing.json')], /cannot read fixture .*ENOENT/],
    ['a bad port', () => ['--port', 'eighty'], /--port must be an integer from 0 to 65535, got "eighty"/],
    ['an unknown flag', () => ['--colour'], /Unknown option '--colour'/],
  ])('refuses %s with a clear message and exit code 2', async (_name, args, message) => {
    const run = start(args());
    expect(await run.exited).toBe(2);
    expect(run.output().err).toMatch(message);
  });
});
