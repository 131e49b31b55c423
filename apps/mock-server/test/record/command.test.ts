// `scrub-mock record` as a user meets it: the help, each bad usage (exit 2 before anything listens),
// and whole sessions through the CLI process in front of a mock server holding the built-in fixture:
// the files it writes, what it prints, and that the written fixture serves what was recorded.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHar } from '@scrub/spec/recording';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../src/start.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const REDACT_KEY = 'redact-key-for-the-cli-test-0123456789';
const children: ChildProcessWithoutNullStreams[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'scrub-record-'));

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
      const url = /listening on (http:\/\/[^\s,]+)/.exec(out)?.[1];
      if (url) resolve(url.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', () => reject(new Error(`exited: ${err}`)));
  });
  ready.catch(() => {}); // runs that are meant to fail never await it
  return { child, ready, exited, output: () => ({ out, err }) };
}

let upstream: RunningMockServer;
beforeAll(async () => {
  upstream = await startMockServer();
});
afterAll(() => upstream.close());
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('scrub-mock record: usage', () => {
  it('--help documents every flag, the env var for the key, the files and an example, and exits 0', async () => {
    for (const args of [
      ['record', '--help'],
      ['--', 'record', '-h'],
    ]) {
      const run = start(args);
      expect(await run.exited).toBe(0);
      const { out } = run.output();
      for (const text of [
        'Usage: scrub-mock record --upstream <url> --out <dir>',
        'pnpm mock -- record',
        '--upstream <url>',
        '--out <dir>',
        '--force',
        '--port <n>',
        '--host <addr>',
        '--allowed-host <name>',
        '--admin-origin <origin>',
        '--redact-key <secret>',
        'Prefer env SCRUB_REDACT_KEY, which keeps it out of the process list',
        '--grace <ms>',
        '--quiet',
        'recording.har',
        'fixture.json',
        'Example:',
        'scrub-mock --fixture fixtures/staging/fixture.json',
      ])
        expect(out).toContain(text);
    }
  });

  it('the serve help points at it', async () => {
    const run = start(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.output().out).toContain('scrub-mock record --help');
  });

  const file = join(tmp, 'a-file');
  writeFileSync(file, 'x');
  const held = join(tmp, 'held');
  mkdirSync(held);
  writeFileSync(join(held, 'recording.har'), '{}');
  it.each([
    ['no --upstream', ['--out', join(tmp, 'o')], '--upstream <url> is required (the server to record)'],
    ['no --out', ['--upstream', 'http://127.0.0.1:9'], '--out <dir> is required (where the recording goes)'],
    [
      'an upstream that is no URL',
      ['--upstream', 'staging', '--out', join(tmp, 'o')],
      '--upstream: the upstream must be an http:// or https:// URL',
    ],
    [
      'an ftp upstream',
      ['--upstream', 'ftp://s.test', '--out', join(tmp, 'o')],
      '--upstream: the upstream must be an http:// or https:// URL',
    ],
    [
      'an upstream with credentials',
      ['--upstream', 'https://me:pass-word-1@s.test', '--out', join(tmp, 'o')],
      '--upstream: the upstream URL must not carry credentials (clients send their own)',
    ],
    [
      'an upstream with a query',
      ['--upstream', 'https://s.test/?k=1', '--out', join(tmp, 'o')],
      '--upstream: the upstream URL must have no query or fragment',
    ],
    [
      'an --out that is a file',
      ['--upstream', 'https://s.test', '--out', file],
      `--out ${file} is a file, not a directory`,
    ],
    [
      'an --out under a file',
      ['--upstream', 'https://s.test', '--out', join(file, 'sub')],
      `--out ${join(file, 'sub')}: ${file} is a file`,
    ],
    [
      'an --out that holds a recording',
      ['--upstream', 'https://s.test', '--out', held],
      `--out ${held} already holds a recording (recording.har): pass --force to replace it`,
    ],
    [
      'a bad port',
      ['--upstream', 'https://s.test', '--out', join(tmp, 'o'), '--port', 'x'],
      '--port must be an integer from 0 to 65535, got "x"',
    ],
    ['an unknown flag', ['--upstream', 'https://s.test', '--colour'], "Unknown option '--colour'"],
    [
      'an --admin-origin with a path',
      ['--upstream', 'https://s.test', '--out', join(tmp, 'o'), '--admin-origin', 'http://localhost:5173/app'],
      '--admin-origin must be an origin like http://localhost:5173 (scheme, host, port; no path), ' +
        'got "http://localhost:5173/app"',
    ],
    [
      'a short key',
      ['--upstream', 'https://s.test', '--out', join(tmp, 'o'), '--redact-key', 'short-1'],
      'the redact key (--redact-key or SCRUB_REDACT_KEY) must be at least 16 characters',
    ],
  ])('refuses %s: exit 2 and a clear message, nothing else', async (_name, args, message) => {
    const run = start(['record', ...args]);
    expect(await run.exited).toBe(2);
    const { out, err } = run.output();
    expect(err).toContain(`scrub-mock record: ${message}`);
    expect(err).toContain('Run scrub-mock record --help for usage.');
    expect(out).toBe('');
    expect(err).not.toMatch(/pass-word-1|short-1/);
  });

  it('takes the key from SCRUB_REDACT_KEY, checked the same way (never echoed)', async () => {
    const run = start(['record', '--upstream', 'https://s.test', '--out', join(tmp, 'o')], {
      SCRUB_REDACT_KEY: 'too-short',
    });
    expect(await run.exited).toBe(2);
    expect(run.output().err).toContain('the redact key (--redact-key or SCRUB_REDACT_KEY) must be at least 16');
    expect(run.output().err).not.toContain('too-short');
  });
});

/** A session a user would record: read, project, submit and assess a text, delete an author. */
async function session(url: string) {
  const key = { 'x-api-key': 'test-api-key' };
  const token = { authorization: 'Token token=demo-token' };
  const json = { 'content-type': 'application/json' };
  const calls: [string, RequestInit][] = [
    ['/v3/submission?submission_id=s1', { headers: key }],
    ['/v3/projection', { headers: key }],
    [
      '/v3/projection',
      {
        method: 'POST',
        headers: { ...key, ...json },
        body: '{"name":"recorded","mode":"exclude","fields":["first_name"]}',
      },
    ],
    [
      '/v2.3.0/account/demo-account/text/rec-t1',
      {
        method: 'PUT',
        headers: { ...token, ...json },
        body: JSON.stringify({ text: 'A recorded text by a learner.', author_id: 'learner-7', task_id: 'task-1' }),
      },
    ],
    ['/v2.3.0/account/demo-account/text/rec-t1/results', { headers: token }],
    ['/v2.3.0/account/demo-account/text/rec-t1/results', { headers: token }],
    ['/v2.3.0/account/demo-account/author/learner-2', { method: 'DELETE', headers: token }],
  ];
  const statuses: number[] = [];
  for (const [path, init] of calls) {
    const response = await fetch(url + path, init);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** Every byte of every file under `dir`, as text. */
function written(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'latin1'))
    .join('\n');
}

describe('scrub-mock record: a session', () => {
  it('records, writes both files 0600 on SIGTERM, and the fixture serves what was recorded', async () => {
    const out = join(tmp, 'session', 'staging');
    const run = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0'], {
      SCRUB_REDACT_KEY: REDACT_KEY,
    });
    const url = await run.ready;
    expect(run.output().out).toContain(`forwarding to ${upstream.url}`);
    expect(await session(url)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    await vi.waitFor(() =>
      expect(run.output().out).toMatch(/DELETE \/v2\.3\.0\/account\/\{account_id\}\/author\/\{id\} 200/),
    );
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const { out: stdout, err } = run.output();

    const har = join(out, 'recording.har');
    const fixture = join(out, 'fixture.json');
    expect(readdirSync(out).sort()).toEqual(['fixture.json', 'recording.har']);
    expect([statSync(har).mode & 0o777, statSync(fixture).mode & 0o777]).toEqual([0o600, 0o600]);
    expect(stdout).toContain(`  ${har}\n  ${fixture}\n`);
    expect(stdout).toContain(`Serve it: scrub-mock --fixture ${fixture}`);
    expect(stdout).toMatch(/GET \/v3\/submission 200 [\d.]+ms/);

    // the upstream's credentials, the key and the personal values of what was read or sent: nowhere
    const everything = `${written(out)}\n${stdout}\n${err}`;
    for (const original of [
      'test-api-key',
      'demo-token',
      REDACT_KEY,
      'jisung.park@example.com',
      'Ji Sung Park',
      'M12345678',
      'learner-7',
      'learner-2',
      'A recorded text by a learner.',
    ])
      expect(everything, original).not.toContain(original);

    // the printed fresh credentials read the recorded submission from a mock serving the fixture
    const apiKey = /ID check, project \S+: x-api-key: (\S+)/.exec(stdout)?.[1];
    const token = /text assessment, account (\S+): Authorization: Token token=(\S+)/.exec(stdout);
    expect(apiKey).toBeDefined();
    expect(token).not.toBeNull();
    const recorded = fromHar(JSON.parse(readFileSync(har, 'utf8')));
    expect(recorded.map((e) => [e.request.method, e.response.status])).toEqual([
      ['GET', 200],
      ['GET', 200],
      ['POST', 200],
      ['PUT', 200],
      ['GET', 200],
      ['GET', 200],
      ['DELETE', 200],
    ]);
    const read = recorded[0]!;
    const served = await startMockServer({ fixture });
    try {
      const answer = await fetch(
        `${served.url}${new URL(read.request.url).pathname}${new URL(read.request.url).search}`,
        {
          headers: { 'x-api-key': apiKey! },
        },
      );
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(JSON.parse(read.response.body!));
      const texts = await fetch(`${served.url}/v2.3.0/account/${token![1]}/text/rec-t1/results`, {
        headers: { authorization: `Token token=${token![2]}` },
      });
      expect(texts.status).not.toBe(401);
    } finally {
      await served.close();
    }
  });

  it('a second session into the same --out: refused (exit 2, files untouched), replaced with --force', async () => {
    const out = join(tmp, 'twice');
    const first = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0', '--quiet']);
    const url = await first.ready;
    await fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const before = readFileSync(join(out, 'recording.har'));

    const refused = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0']);
    expect(await refused.exited).toBe(2);
    expect(refused.output().err).toContain(
      `--out ${out} already holds a recording (recording.har, fixture.json): pass --force to replace it`,
    );
    expect(readFileSync(join(out, 'recording.har')).equals(before)).toBe(true);

    const forced = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0', '--quiet', '--force']);
    const again = await forced.ready;
    await fetch(`${again}/v3/submission?submission_id=s2`, { headers: { 'x-api-key': 'test-api-key' } });
    forced.child.kill('SIGTERM');
    expect(await forced.exited).toBe(0);
    const replaced = fromHar(JSON.parse(readFileSync(join(out, 'recording.har'), 'utf8')));
    expect(replaced.map((e) => [e.request.method, new URL(e.request.url).pathname])).toEqual([
      ['GET', '/v3/submission'],
    ]);
    expect(statSync(join(out, 'recording.har')).mode & 0o777).toBe(0o600);
    expect(readdirSync(out).sort()).toEqual(['fixture.json', 'recording.har']);
  });

  it('refuses a foreign Host (but --allowed-host) and a web page at /__mock: 403, not in either file', async () => {
    const out = join(tmp, 'guarded');
    const run = start([
      'record',
      '--upstream',
      upstream.url,
      '--out',
      out,
      '--port',
      '0',
      '--allowed-host',
      'dev.test',
    ]);
    const url = await run.ready;
    const { port } = new URL(url);
    const send = (path: string, headers: Record<string, string>, method = 'GET') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          `${url}${path}`,
          { method, headers: { 'x-api-key': 'test-api-key', ...headers } },
          (res) => {
            let body = '';
            res.on('data', (d) => (body += d)).on('end', () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    const evil = `evil.example:${port}`;
    expect(await send('/v3/submission?submission_id=s1', { host: evil })).toEqual({
      status: 403,
      body: JSON.stringify({
        message: `Host ${evil} is not allowed: the mock answers loopback names only (allow a host with --allowed-host)`,
      }),
    });
    expect(await send('/__mock/state', { host: evil })).toMatchObject({ status: 403 });
    expect(await send('/__mock/reset', { origin: 'http://evil.example' }, 'POST')).toEqual({
      status: 403,
      body: JSON.stringify({
        message:
          "Origin http://evil.example may not use /__mock routes (a web page cannot read or change the mock's state; " +
          'allow an origin with --admin-origin)',
      }),
    });
    expect((await send('/v3/projection', { host: `dev.test:${port}` })).status).toBe(200);
    expect((await send('/v3/projection', { host: `localhost:${port}` })).status).toBe(200);
    await vi.waitFor(() => expect(run.output().out.match(/ 200 [\d.]+ms/g)).toHaveLength(2));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const recorded = fromHar(JSON.parse(readFileSync(join(out, 'recording.har'), 'utf8')));
    expect(recorded.map((e) => [e.request.method, new URL(e.request.url).pathname, e.response.status])).toEqual([
      ['GET', '/v3/projection', 200],
      ['GET', '/v3/projection', 200],
    ]);
    const files = written(out);
    for (const refused of ['evil.example', '__mock', 'is not allowed', 'may not use'])
      expect(files).not.toContain(refused);
  });

  it('with nothing recorded it writes nothing and exits 0', async () => {
    const out = join(tmp, 'empty');
    const run = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0']);
    await run.ready;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().out).toContain('Nothing was recorded (no request reached the upstream): no file written.');
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('the same signal twice within moments still lets a request in flight finish, and it is recorded', async () => {
    const out = join(tmp, 'echo');
    const run = start(['record', '--upstream', upstream.url, '--out', out, '--port', '0', '--quiet']);
    const url = await run.ready;
    const pending = fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key', prefer: 'delay=1000' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGTERM');
    run.child.kill('SIGTERM');
    expect((await pending).status).toBe(200);
    expect(await run.exited).toBe(0);
    expect(run.output().out).not.toContain('again');
    expect(fromHar(JSON.parse(readFileSync(join(out, 'recording.har'), 'utf8')))).toHaveLength(1);
  });

  it('a second signal cuts off what is in flight, and what was answered is still written', async () => {
    const out = join(tmp, 'cut');
    const run = start([
      'record',
      '--upstream',
      upstream.url,
      '--out',
      out,
      '--port',
      '0',
      '--quiet',
      '--grace',
      '60000',
    ]);
    const url = await run.ready;
    await fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    const pending = fetch(`${url}/v3/projection`, {
      headers: { 'x-api-key': 'test-api-key', prefer: 'delay=30000' },
    }).catch((e: Error) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGINT');
    await vi.waitFor(() => expect(run.output().out).toContain('SIGINT: finishing requests in flight (up to 60000 ms)'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const started = performance.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await pending).toBeInstanceOf(Error);
    expect(run.output().out).toContain('SIGINT again: cutting off requests in flight');
    expect(fromHar(JSON.parse(readFileSync(join(out, 'recording.har'), 'utf8')))).toHaveLength(1);
  });
});
