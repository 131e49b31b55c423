// The release tarballs on every JavaScript runtime we support, installed with npm into an empty
// project: the SDK smoke on Node 20, 22, 24 and 26, Bun, Deno (each through `import` and `require()`)
// and Cloudflare workerd (bundled by wrangler, run by Miniflare, with and without nodejs_compat); the
// MSW handlers under `bun test` and `deno test`; the mock server's command under Bun and Deno.
// Every binary comes from an npm package (`node`, `bun`, `deno`, `wrangler`, `miniflare`).
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { runTryIt } from '@scrub/test-support/try-it';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ok, run } from './support/process.js';

const { work, tarballs, nodes } = inject('release');
const app = join(work, 'runtimes');
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PROGRAMS = here('../programs');
// the npm packages' install scripts put each platform's binary in place (pnpm-workspace.yaml allows them)
const BUN = realpathSync(here('../node_modules/bun/bin/bun.exe'));
const DENO = join(realpathSync(here('../node_modules/deno')), 'deno');
const WRANGLER = here('../node_modules/wrangler/bin/wrangler.js');
const NODE_22 = nodes['22']!; // wrangler and Miniflare need Node 22 or later

let mock: RunningMockServer;
let url = '';

beforeAll(async () => {
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'runtimes', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  await ok('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, 'msw@2.15.0'], app);
  cpSync(PROGRAMS, app, { recursive: true });
  // one server for the SDK smoke; each run has its own session, so its own state, arms and journal
  mock = await startMockServer();
  url = mock.url;
});
afterAll(() => mock?.close());

/** What the SDK smoke (programs/smoke.mjs) answers on every runtime, as plain JSON. */
const SMOKE = {
  partialDelete: {
    message: 'success',
    submission_id: 's1',
    deleted: { fields: ['data', 'id_image'], data_fields: ['first_name'] },
  },
  afterDelete: { first_name: null, last_name: 'Park' },
  listed: ['s1'],
  created: { message: 'Create projection success', idShape: true },
  projection: 'hide_names',
  projections: ['hide_birth', 'hide_names'],
  deletedProjection: { message: 'Delete projection success' },
  notFound: { class: 'NotFoundError', scrub: true, status: 404, code: 'Projection not found', sent: true },
  notFoundTyped: true,
  armed: { class: 'InternalServerError', scrub: true, status: 500, code: 'Internal server error', sent: true },
  timeout: { class: 'APITimeoutError', scrub: true, message: 'Request timed out after 200 ms.' },
  unreachable: 'APIConnectionError',
  refused: {
    class: 'BadRequestError',
    scrub: true,
    status: 400,
    code: 'data_fields parameter is not allowed when fields does not include data',
    sent: false,
  },
  badOption: { class: 'ScrubError', scrub: true, message: '`maxRetries` must be an integer >= 0.' },
  sealed: 'sealed_one',
  sealedSubmission: 'e1',
  submitted: { type: 'success', code: 200 },
  poll: 'results_not_ready',
  results: 'success',
  authorDeleted: ['code', 'submissions_deleted', 'timestamp', 'type'],
  badAuthor: {
    class: 'BadRequestError',
    scrub: true,
    status: 400,
    code: 'id must only contain alphanumerics and hyphens',
    sent: false,
  },
  raw: [200, 'hide_birth'],
  rawText: [200, 'results_not_ready'],
  journal: 19,
  credentialsInJournal: false,
};

/** The last line a program printed, as JSON. */
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop()!);
const session = (name: string) => name.replace(/[^\w-]+/g, '-');

describe('the SDK smoke: every method of both clients, typed errors, local refusals, encryption, raw', () => {
  const runs: [string, () => string[]][] = [
    ...['20', '22', '24', '26'].flatMap((major): [string, () => string[]][] => [
      [`Node ${major}, import`, () => [nodes[major]!, 'smoke-esm.mjs']],
      [`Node ${major}, require()`, () => [nodes[major]!, 'smoke-cjs.cjs']],
    ]),
    ['Bun, import', () => [BUN, 'smoke-esm.mjs']],
    ['Bun, require()', () => [BUN, 'smoke-cjs.cjs']],
    ['Deno, import', () => [DENO, 'run', '-A', 'smoke-esm.mjs']],
    ['Deno, require()', () => [DENO, 'run', '-A', 'smoke-cjs.cjs']],
  ];

  it.each(runs)('%s', async (name, command) => {
    const [bin, ...args] = command();
    expect(lastJson(await ok(bin!, [...args, url, session(name)], app))).toEqual(SMOKE);
  });

  it.each([
    ['without nodejs_compat', ''],
    ['with nodejs_compat', 'nodejs_compat'],
  ])('Cloudflare workerd, %s (bundled by wrangler, run by Miniflare)', async (name, flags) => {
    const config = `wrangler-${session(name)}.toml`;
    writeFileSync(
      join(app, config),
      [
        'name = "scrub-smoke"',
        'main = "worker.mjs"',
        'compatibility_date = "2026-07-30"',
        ...(flags ? [`compatibility_flags = ${JSON.stringify(flags.split(','))}`] : []),
      ].join('\n'),
    );
    const outdir = join(app, `worker-${session(name)}`);
    await ok(NODE_22, [WRANGLER, 'deploy', '--dry-run', '--config', config, '--outdir', outdir], app, {
      WRANGLER_SEND_METRICS: 'false',
      CI: 'true',
    });
    const out = await ok(
      NODE_22,
      [join(PROGRAMS, 'run-worker.mjs'), join(outdir, 'worker.js'), flags, url, session(`workerd-${name}`)],
      app,
    );
    expect(lastJson(out)).toEqual(SMOKE);
  });
});

describe("the MSW handlers under the runtimes' own test runners", () => {
  it('bun test', async () => {
    const r = await run(BUN, ['test', './msw.bun.test.mjs'], app, { NO_COLOR: '1' });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stderr).toMatch(/^ 6 pass\n 0 fail$/m);
  });

  it('deno test (sanitizers on)', async () => {
    const r = await run(DENO, ['test', '-A', 'msw.deno.test.mjs'], app, { NO_COLOR: '1' });
    expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toMatch(/^ok \| 6 passed \| 0 failed/m);
  });
});

/** The pids of a process group (the server's launcher and what it started), from /proc. */
function group(leader: number): number[] {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  return pids
    .filter((pid) => {
      try {
        // fields after "(comm) ": state ppid pgrp ...
        return (
          readFileSync(`/proc/${pid}/stat`, 'utf8')
            .replace(/^.*\) /s, '')
            .split(' ')[2] === String(leader)
        );
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Starts a command in a process group of its own and resolves with the URL it prints when ready. */
function launch(command: string[]) {
  const child = spawn(command[0]!, [...command.slice(1), '--port', '0', '--quiet'], { cwd: app, detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const found = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (found) resolve(`http://127.0.0.1:${found}`);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, ready, exited, output: () => output };
}

/** GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(target: string, host: string) {
  return new Promise<[number, unknown]>((resolve, reject) => {
    const req = request(`${target}/v3/projection`, { headers: { host, 'x-api-key': 'test-api-key' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve([res.statusCode!, JSON.parse(body)]));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each([
  ['Bun', 'bunx --bun @scrub/mock-server', () => [BUN, 'x', '--bun', '@scrub/mock-server'], BUN],
  ['Deno', 'deno run -A npm:@scrub/mock-server', () => [DENO, 'run', '-A', 'npm:@scrub/mock-server'], DENO],
])('the mock server under %s (`%s`)', (_name, how, command, binary) => {
  let server: ReturnType<typeof launch>;
  let target = '';
  const stop = (child: ChildProcess) => process.kill(-child.pid!, 'SIGTERM'); // the whole group, as a terminal would

  beforeAll(async () => {
    server = launch(command());
    target = await server.ready;
  });
  afterAll(() => {
    if (server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  });

  it("is the command the README's Runtimes table gives", () => {
    const table = /## Runtimes\n([\s\S]*?)\n## /.exec(readFileSync(here('../../../README.md'), 'utf8'))![1]!;
    expect(table).toContain(`\`${how}\``);
  });

  it('runs on that runtime: no Node process in its group', () => {
    const executables = group(server.child.pid!).map((pid) => realpathSync(readlinkSync(`/proc/${pid}/exe`)));
    expect(executables.length).toBeGreaterThan(0);
    expect(new Set(executables)).toEqual(new Set([binary]));
  });

  it('answers the README\'s "Try it" block as shown', async () => {
    const steps = await runTryIt(target);
    for (const step of steps) {
      expect(step.exit, step.line).toBe(0);
      if (step.shown !== undefined) expect(step.body, step.line).toBe(step.shown);
    }
    expect(steps).toHaveLength(10);
    expect(steps.filter((s) => s.status >= 400).map((s) => s.status)).toEqual([405, 500]);
  });

  it('refuses admin requests from a web page and requests for a foreign Host', async () => {
    const r = await fetch(`${target}/__mock/state`, { headers: { origin: 'http://evil.example' } });
    expect([r.status, await r.json()]).toEqual([
      403,
      {
        message:
          'Origin http://evil.example may not use /__mock routes ' +
          "(a web page cannot read or change the mock's state; allow an origin with --admin-origin)",
      },
    ]);
    expect(await getWithHost(target, 'evil.example')).toEqual([
      403,
      {
        message:
          'Host evil.example is not allowed: the mock answers loopback names only (allow a host with --allowed-host)',
      },
    ]);
  });

  it('keeps sessions apart: an arm and a journal per x-mock-session', async () => {
    const list = (name?: string) =>
      fetch(`${target}/v3/projection`, {
        headers: { 'x-api-key': 'test-api-key', ...(name ? { 'x-mock-session': name } : {}) },
      }).then((r) => r.status);
    const armed = await fetch(`${target}/__mock/arm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mock-session': 'worker-a' },
      body: JSON.stringify({ operationId: 'listProjections', status: 500 }),
    });
    expect(armed.status).toBe(201);
    expect([await list('worker-b'), await list(), await list('worker-a'), await list('worker-a')]).toEqual([
      200, 200, 500, 200,
    ]);
    const journal = await fetch(`${target}/__mock/requests`, { headers: { 'x-mock-session': 'worker-a' } });
    expect((await journal.json()).requests.map((e: { status: number }) => e.status)).toEqual([500, 200]);
  });

  it('on SIGTERM to its process group lets a request in flight finish, then exits 0', async () => {
    const pending = fetch(`${target}/v3/projection`, {
      headers: { 'x-api-key': 'test-api-key', prefer: 'delay=1000' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop(server.child);
    const answer = await pending;
    expect([answer.status, (await answer.json()).message]).toEqual([200, 'Get projection list success']);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight (up to 5000 ms), then stopping');
    expect(server.output()).not.toContain('again: stopping now');
  });
});
