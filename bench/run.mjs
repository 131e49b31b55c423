#!/usr/bin/env node
// `pnpm bench`: mock server vs Prism vs bare node:http (throughput, latency, cold start, memory),
// SDK vs raw fetch vs openapi-fetch (per-call cost), and bundle sizes. One run, one process tree;
// prints a markdown table of figures and ratios and writes bench/results.json.
// `--smoke` runs every case for a second or so (the test line does that so the benchmark never rots).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import * as esbuild from 'esbuild';
import { summarise } from './cpu-profile.mjs';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('./results.json', import.meta.url)) },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
});
if (args.help) {
  console.log(
    'Usage: pnpm bench [-- --smoke] [--out results.json] [--connections 20]' +
      ' [--only throughput,cold,runtimes,memory,sdk,bundle,frontend,profile]',
  );
  process.exit(0);
}

const PARTS = ['throughput', 'cold', 'runtimes', 'memory', 'sdk', 'bundle', 'frontend'];
// `profile` (CPU profiles of the mock, one operation at a time) runs only when asked for
const only = args.only ? args.only.split(',').map((p) => p.trim()) : PARTS;
for (const part of only)
  if (![...PARTS, 'profile'].includes(part)) {
    console.error(`bench: unknown part "${part}" in --only (one of ${PARTS.join(', ')})`);
    process.exit(2);
  }
const SMOKE = args.smoke;
const CONNECTIONS = Number(args.connections);
const SECONDS = SMOKE ? 1 : 10; // per throughput case
const BATCH = SMOKE ? 0.5 : 1; // seconds between state resets of the mock
const WARMUP = SMOKE ? 0.5 : 2; // seconds of unmeasured load before each throughput case
const SDK_CALLS = SMOKE ? 300 : 10_000;
const MEMORY_STEP = SMOKE ? 5_000 : 50_000;
const COLD_RUNS = SMOKE ? 1 : 3;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const MOCK_CLI = here('../apps/mock-server/dist/cli.js');
const PRISM = here('./node_modules/.bin/prism');
// Bun and Deno from their npm packages (their install scripts put the binaries in place)
const BUN = here('./node_modules/bun/bin/bun.exe');
const DENO = join(realpathSync(here('./node_modules/deno')), 'deno');
const SPECS = { idcheck: here('../openapi/idcheck.yaml'), 'text-assessment': here('../openapi/text-assessment.yaml') };
const log = (line) => process.stderr.write(`${line}\n`);

// ------------------------------------------------------------------------------------------------
// processes
// ------------------------------------------------------------------------------------------------
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** A port the kernel says is free now, for Prism (which cannot listen on port 0 and report it). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/**
 * Spawns a server and resolves when its probe answers 200; returns timings and a stop(). The mock and
 * the bare server listen on port 0 and print their URL, so parallel runs never fight over a port.
 */
async function start(kind, area, { nodeArgs = [], bodyBytes } = {}) {
  const prismPort = kind === 'prism' ? await freePort() : 0;
  const argv = {
    mock: [process.execPath, [...nodeArgs, MOCK_CLI, '--port', '0', '--quiet']],
    // as `pnpm mock` starts it: the request log on (its stdout read by this process)
    'mock (log)': [process.execPath, [...nodeArgs, MOCK_CLI, '--port', '0']],
    'mock on Bun': [BUN, [MOCK_CLI, '--port', '0', '--quiet']],
    'mock on Deno': [DENO, ['run', '-A', MOCK_CLI, '--port', '0', '--quiet']],
    prism: [PRISM, ['mock', SPECS[area ?? 'idcheck'], '-p', String(prismPort), '-h', '127.0.0.1']],
    bare: [process.execPath, [...nodeArgs, here('./bare-server.mjs'), '0', ...(bodyBytes ? [String(bodyBytes)] : [])]],
  }[kind];
  const started = performance.now();
  const child = spawn(argv[0], argv[1], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const probe =
    area === 'text-assessment'
      ? { path: '/v2.3.0/account/demo-account/text/t3/results', headers: { authorization: 'Token token=demo-token' } }
      : { path: '/v3/projection', headers: { 'x-api-key': 'test-api-key' } };
  let url = kind === 'prism' ? `http://127.0.0.1:${prismPort}` : undefined;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}:\n${output}`);
    const port = /listening on http:\/\/[\w.]+:(\d+)/.exec(output)?.[1];
    url ??= port && `http://127.0.0.1:${port}`;
    if (url) {
      try {
        const r = await fetch(url + probe.path, { headers: probe.headers });
        await r.arrayBuffer();
        if (r.status === 200) break;
      } catch {}
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const coldStartMs = performance.now() - started;
  return {
    url,
    pid: child.pid,
    coldStartMs,
    exited: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        children.delete(child);
      }),
  };
}

const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

// ------------------------------------------------------------------------------------------------
// request mixes: the same for every server of an area
// ------------------------------------------------------------------------------------------------
let unique = 0;
const K = { 'x-api-key': 'test-api-key' };
const T = { authorization: 'Token token=demo-token' };
const MIX = {
  idcheck: [
    {
      method: 'DELETE',
      path: '/v3/submission/partial?submission_id=s1&fields=data,OCR_raw&data_fields=first_name',
      headers: K,
    },
    {
      method: 'POST',
      path: '/v3/projection',
      headers: { ...K, 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ name: `bench_${unique++}`, mode: 'exclude', fields: ['gender', 'date_of_birth'] }),
      }),
    },
    { method: 'GET', path: '/v3/projection', headers: K },
    { method: 'GET', path: '/v3/projection/hidebirth0001', headers: K },
    { method: 'GET', path: '/v3/submission?submission_id=s3', headers: K },
  ],
  'text-assessment': [
    { method: 'DELETE', path: '/v2.3.0/account/demo-account/author/learner-1', headers: T },
    { method: 'GET', path: '/v2.3.0/account/demo-account/text/t3/results', headers: T },
  ],
};
const INVALID = {
  idcheck: { method: 'DELETE', path: '/v3/submission/partial?submission_id=s1&fields=data,bogus', headers: K },
  'text-assessment': { method: 'DELETE', path: `/v2.3.0/account/demo-account/author/${'x'.repeat(41)}`, headers: T },
};
/** The mix with one request in ten spec-breaking. */
function withInvalid(area) {
  const out = [];
  const mix = MIX[area];
  for (let i = 0; i < 9; i++) out.push(mix[i % mix.length]);
  out.push(INVALID[area]);
  return out;
}

/** autocannon in batches of BATCH seconds (resetting the mock's state in between when asked). */
async function load(url, requests, { reset = false, seconds = SECONDS, connections = CONNECTIONS } = {}) {
  const batches = Math.max(1, Math.round(seconds / BATCH));
  let total = 0;
  let elapsed = 0;
  let non2xx = 0;
  let errors = 0;
  const p50 = [];
  const p99 = [];
  for (let b = 0; b < batches; b++) {
    if (reset) await fetch(`${url}/__mock/reset`, { method: 'POST' }).then((r) => r.arrayBuffer());
    const r = await autocannon({ url, connections, duration: BATCH, requests });
    total += r.requests.total;
    elapsed += r.duration;
    non2xx += r.non2xx;
    errors += r.errors + r.timeouts;
    p50.push(r.latency.p50);
    p99.push(r.latency.p99);
  }
  return {
    rps: Math.round(total / elapsed),
    p50: Math.max(...p50),
    p99: Math.max(...p99),
    requests: total,
    non2xxShare: Number((non2xx / Math.max(total, 1)).toFixed(3)),
    errors,
  };
}

// ------------------------------------------------------------------------------------------------
// cases
// ------------------------------------------------------------------------------------------------
const results = {
  smoke: SMOKE,
  node: process.version,
  connections: CONNECTIONS,
  secondsPerCase: SECONDS,
  date: new Date().toISOString(),
  throughput: {},
  coldStart: {},
  runtimes: {},
  sdk: {},
  bundle: {},
  memory: {},
  frontend: {},
};

/** The mock's average answer body (bytes) over `cycles` rounds of the mix from a fresh state. */
async function averageAnswerBytes(url, requests, cycles = 50) {
  await fetch(`${url}/__mock/reset`, { method: 'POST' }).then((r) => r.arrayBuffer());
  let bytes = 0;
  const context = {}; // as autocannon keeps one per connection
  for (let c = 0; c < cycles; c++)
    for (const request of requests) {
      const r = request.setupRequest ? request.setupRequest({ ...request }, context) : request;
      const answer = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body });
      const body = Buffer.from(await answer.arrayBuffer());
      request.onResponse?.(answer.status, body, context);
      bytes += body.length;
    }
  return Math.round(bytes / (cycles * requests.length));
}

/** One server kind under the mix: warm-up, then the measured load (the mock's state reset every batch). */
async function measureKind(kind, area, requests, options = {}) {
  const server = await start(kind, area, options);
  const isMock = kind.startsWith('mock');
  // the body size the bare server answers: the quiet mock's average answer for this mix
  const bytes = kind === 'mock' ? await averageAnswerBytes(server.url, requests) : undefined;
  // warm-up (JIT, connection pools) before measuring, the same for every server
  await load(server.url, requests, { reset: isMock, seconds: WARMUP });
  const figures = await load(server.url, requests, { reset: isMock });
  await server.stop();
  return { figures, bytes };
}

/** Mock with the log on (as `pnpm mock` starts it) and with `--quiet`, Prism, bare: same mix, same run. */
async function throughput() {
  for (const area of ['idcheck', 'text-assessment']) {
    for (const [label, requests] of [
      ['valid', MIX[area]],
      ['10% invalid', withInvalid(area)],
    ]) {
      log(`throughput ${area} ${label}: mock (quiet)`);
      const quiet = await measureKind('mock', area, requests);
      const row = { answerBytes: quiet.bytes, mockQuiet: quiet.figures };
      log(`throughput ${area} ${label}: mock (log), Prism, bare (${quiet.bytes} B bodies)`);
      row.mockLog = (await measureKind('mock (log)', area, requests)).figures;
      row.prism = (await measureKind('prism', area, requests)).figures;
      row.bare = (await measureKind('bare', area, requests, { bodyBytes: quiet.bytes })).figures;
      results.throughput[`${area} (${label})`] = row;
    }
  }
  log('throughput both areas: mock (log), mock (quiet)');
  const both = [...MIX.idcheck, ...MIX['text-assessment']];
  results.throughput['both areas (valid)'] = {
    mockLog: (await measureKind('mock (log)', undefined, both)).figures,
    mockQuiet: (await measureKind('mock', undefined, both)).figures,
  };
}

async function coldStart() {
  for (const kind of ['mock', 'prism']) {
    const times = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const s = await start(kind, 'idcheck');
      times.push(s.coldStartMs);
      await s.stop();
    }
    times.sort((a, b) => a - b);
    results.coldStart[kind] = Math.round(times[Math.floor(times.length / 2)]);
    log(`cold start ${kind}: ${results.coldStart[kind]} ms`);
  }
}

/** The same mock server (its built CLI) on Node, Bun and Deno: the idcheck mix and the cold start. */
async function runtimes() {
  const versions = {
    mock: `Node ${process.version}`,
    'mock on Bun': `Bun ${execFileSync(BUN, ['--version']).toString().trim()}`,
    'mock on Deno': execFileSync(DENO, ['--version']).toString().split('\n')[0].replace('deno', 'Deno').split(' (')[0],
  };
  for (const [kind, name] of Object.entries(versions)) {
    const server = await start(kind, 'idcheck');
    log(`runtimes: ${name}`);
    await load(server.url, MIX.idcheck, { reset: true, seconds: WARMUP });
    results.runtimes[name] = {
      ...(await load(server.url, MIX.idcheck, { reset: true })),
      coldStartMs: Math.round(server.coldStartMs),
    };
    await server.stop();
  }
}

async function memory() {
  const mock = await start('mock', undefined, { nodeArgs: ['--expose-gc', '--import', here('./gc-on-signal.mjs')] });
  const requests = [...MIX.idcheck, ...MIX['text-assessment']];
  const send = (amount) => autocannon({ url: mock.url, connections: CONNECTIONS, amount, requests });
  // RSS after a full GC in the server (SIGUSR2, see gc-on-signal.mjs): retained memory, not garbage
  const settledRss = async () => {
    process.kill(mock.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 300));
    return rssOf(mock.pid);
  };
  await send(MEMORY_STEP);
  const rss1 = await settledRss();
  await send(MEMORY_STEP);
  const rss2 = await settledRss();
  results.memory = {
    [`rssAfter${MEMORY_STEP / 1000}k`]: rss1,
    [`rssAfter${(2 * MEMORY_STEP) / 1000}k`]: rss2,
    growth: Number(((rss2 - rss1) / rss1).toFixed(3)),
  };
  log(`memory: ${(rss1 / 2 ** 20).toFixed(1)} MiB -> ${(rss2 / 2 ** 20).toFixed(1)} MiB`);
  await mock.stop();
}

async function sdkCost() {
  const { createIdCheckClient } = await import('@scrub/sdk');
  const createClient = (await import('openapi-fetch')).default;
  const ky = (await import('ky')).default;
  const bare = await start('bare');
  const headers = { 'x-api-key': 'test-api-key' };
  const sdk = createIdCheckClient({ apiKey: 'test-api-key', baseUrl: bare.url, maxRetries: 0 });
  // a client as users create it: retries on (maxRetries 2), so a retriable GET pays what the policy costs
  const sdkDefault = createIdCheckClient({ apiKey: 'test-api-key', baseUrl: bare.url });
  const plain = createClient({ baseUrl: bare.url, headers });
  const contenders = {
    'raw fetch': async () => (await fetch(`${bare.url}/v3/projection`, { headers })).json(),
    'openapi-fetch': async () => (await plain.GET('/v3/projection')).data,
    'bare ky': () => ky.get(`${bare.url}/v3/projection`, { headers }).json(),
    'SDK projections.list()': () => sdk.projections.list(),
    'SDK projections.list(), default client (retries on)': () => sdkDefault.projections.list(),
  };
  const measure = async (fn) => {
    for (let i = 0; i < Math.min(500, SDK_CALLS); i++) await fn(); // warm-up
    const times = new Float64Array(SDK_CALLS);
    for (let i = 0; i < SDK_CALLS; i++) {
      const t = performance.now();
      await fn();
      times[i] = performance.now() - t;
    }
    times.sort();
    return {
      median: Number(times[Math.floor(SDK_CALLS / 2)].toFixed(4)),
      p99: Number(times[Math.floor(SDK_CALLS * 0.99)].toFixed(4)),
    };
  };
  // interleave rounds so drift on a busy machine hits every contender alike
  const rounds = SMOKE ? 1 : 3;
  const acc = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++)
    for (const [name, fn] of Object.entries(contenders)) acc[name].push(await measure(fn));
  for (const [name, runs] of Object.entries(acc)) {
    runs.sort((a, b) => a.median - b.median);
    results.sdk[name] = runs[Math.floor(runs.length / 2)];
    log(`sdk ${name}: median ${results.sdk[name].median} ms`);
  }
  await bare.stop();
}

async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-bundle-'));
  const entries = {
    'openapi-fetch + ky (floor)':
      "import createClient from 'openapi-fetch'; import ky from 'ky'; export { createClient, ky };",
    '@scrub/sdk': "export * from '@scrub/sdk';",
    '@scrub/spec/crypto': "export * from '@scrub/spec/crypto';",
    // the CommonJS build (ky inlined; no code splitting in CommonJS, so everything counts as loaded)
    '@scrub/sdk (CommonJS, require)': "module.exports = require('@scrub/sdk');",
  };
  for (const [name, source] of Object.entries(entries)) {
    const outdir = join(dir, name.replace(/[^a-z]/gi, '_'));
    const cjs = source.startsWith('module.exports');
    const built = await esbuild.build({
      stdin: { contents: source, resolveDir: here('.'), loader: 'js' },
      bundle: true,
      minify: true,
      format: cjs ? 'cjs' : 'esm',
      platform: 'browser',
      splitting: !cjs,
      outdir,
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    // what an `import` loads up front: the entry and its static imports, not lazy chunks
    const outputs = built.metafile.outputs;
    const files = new Map(
      built.outputFiles.map((f) => [f.path.slice(f.path.indexOf(outdir.split('/').pop())), f.contents]),
    );
    const byKey = (key) => [...files].find(([k]) => key.endsWith(k))?.[1];
    const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    const seen = new Set();
    const walk = (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const imp of outputs[key].imports) if (imp.kind === 'import-statement') walk(imp.path);
    };
    walk(entryKey);
    const upfront = Buffer.concat([...seen].map((k) => Buffer.from(byKey(k))));
    const all = Buffer.concat(
      built.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => Buffer.from(f.contents)),
    );
    results.bundle[name] = {
      minGzip: gzipSync(upfront, { level: 9 }).length,
      minGzipWithLazyChunks: gzipSync(all, { level: 9 }).length,
    };
    log(`bundle ${name}: ${results.bundle[name].minGzip} B min+gzip`);
  }
}

/** The frontend-test path: SDK calls answered in-process by the Scrub handlers vs a bare MSW handler
 *  answering a constant, and the cold import of `@scrub/mocks` vs `msw` alone. */
async function frontend() {
  const { setupServer } = await import('msw/node');
  const { http, HttpResponse } = await import('msw');
  const { createHandlers, createMockState } = await import('@scrub/mocks');
  const { createIdCheckClient } = await import('@scrub/sdk');
  const client = createIdCheckClient({ apiKey: 'test-api-key', maxRetries: 0 });
  const constant = { items: [], message: 'Get projection list success' };
  const setups = {
    'bare MSW handler': () =>
      setupServer(http.get('https://rest-api.argosidentity.com/v3/projection', () => HttpResponse.json(constant))),
    'Scrub handlers': () => setupServer(...createHandlers(createMockState(undefined, { onWarning: () => {} }))),
  };
  const calls = SMOKE ? 200 : 5_000;
  const rounds = SMOKE ? 1 : 3;
  const acc = Object.fromEntries(Object.keys(setups).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++)
    for (const [name, setup] of Object.entries(setups)) {
      const server = setup();
      server.listen({ onUnhandledRequest: 'error' });
      for (let i = 0; i < Math.min(300, calls); i++) await client.projections.list(); // warm-up
      const started = performance.now();
      for (let i = 0; i < calls; i++) await client.projections.list();
      acc[name].push(calls / ((performance.now() - started) / 1000));
      server.close();
    }
  for (const [name, rates] of Object.entries(acc)) {
    rates.sort((a, b) => a - b);
    results.frontend[name] = { callsPerSecond: Math.round(rates[Math.floor(rates.length / 2)]) };
    log(`frontend ${name}: ${results.frontend[name].callsPerSecond} calls/s`);
  }
  // cold import: a fresh process per run, median of several
  const importTime = async (specifier) => {
    const times = [];
    for (let i = 0; i < (SMOKE ? 2 : 7); i++) {
      const out = await new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const t = performance.now(); await import(${JSON.stringify(specifier)}); ` +
              'console.log(performance.now() - t);',
          ],
          { cwd: here('.'), stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`import of ${specifier} failed`))));
      });
      times.push(Number(out.trim()));
    }
    times.sort((a, b) => a - b);
    return Number(times[Math.floor(times.length / 2)].toFixed(1));
  };
  results.frontend.coldImportMs = { msw: await importTime('msw'), '@scrub/mocks': await importTime('@scrub/mocks') };
  log(
    `frontend cold import: msw ${results.frontend.coldImportMs.msw} ms, ` +
      `@scrub/mocks ${results.frontend.coldImportMs['@scrub/mocks']} ms`,
  );
}

// ------------------------------------------------------------------------------------------------
// profile: where the mock's time goes, one operation at a time (`--only profile`)
// ------------------------------------------------------------------------------------------------
const PROFILE_OPS = {
  'partial delete': { requests: [MIX.idcheck[0]] },
  'read through a projection': { requests: [MIX.idcheck[4]] },
  // each connection deletes what it created, so creates keep succeeding (2 in the fixture + 8 < 10)
  'create (each then deleted)': {
    connections: 8,
    requests: [
      { ...MIX.idcheck[1], onResponse: (_status, body, context) => (context.id = JSON.parse(body).projection_id) },
      {
        ...MIX.idcheck[3],
        method: 'DELETE',
        setupRequest: (req, context) => ({ ...req, path: `/v3/projection/${context.id}` }),
      },
    ],
  },
  'create refused (409, limit)': { requests: [MIX.idcheck[1]] },
  '400: unknown field': { requests: [INVALID.idcheck] },
  '400: author id too long': { requests: [INVALID['text-assessment']] },
};

const FLOOR = 'bare node:http (floor), answering a read through a projection';
/**
 * A CPU profile of the mock (log on, as `pnpm mock`) under one operation's load, summarised; and of the
 * bare server answering the same operation with a body of the mock's size, for the floor's split.
 */
async function profile() {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-profile-'));
  results.profile = {};
  const cases = Object.entries(PROFILE_OPS).map(([name, op]) => [name, op, 'mock (log)']);
  cases.push([FLOOR, { requests: [MIX.idcheck[4]] }, 'bare']);
  for (const [name, op, kind] of cases) {
    const file = `${name.replace(/\W+/g, '-')}.cpuprofile`;
    const nodeArgs = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', file];
    const bodyBytes = results.profile['read through a projection']?.answerBytes;
    const server = await start(kind, undefined, { nodeArgs, bodyBytes });
    // how big the mock's answers are (the floor answers with the size of a read through a projection)
    const answerBytes = kind === 'bare' ? bodyBytes : await averageAnswerBytes(server.url, op.requests, 5);
    log(`profile: ${name}`);
    const figures = await load(server.url, op.requests, { reset: kind !== 'bare', seconds: SECONDS / 2, ...op });
    await server.stop(); // the profile is written as the process exits
    const summary = summarise(join(dir, file));
    results.profile[name] = { rps: figures.rps, non2xxShare: figures.non2xxShare, answerBytes, ...summary };
  }
  results.profileDir = dir;
}

if (only.includes('throughput')) await throughput();
if (only.includes('profile')) await profile();
if (only.includes('cold')) await coldStart();
if (only.includes('runtimes')) await runtimes();
if (only.includes('memory')) await memory();
if (only.includes('sdk')) await sdkCost();
if (only.includes('bundle')) await bundle();
if (only.includes('frontend')) await frontend();

// ------------------------------------------------------------------------------------------------
// report: every figure is a number, or says why it was not measured (a busy machine can starve a case)
// ------------------------------------------------------------------------------------------------
/** `a / b` to two places, or `{ notMeasured }` with the reason when either side is missing or zero. */
const ratio = (a, b, what) => {
  const bothNumbers = typeof a === 'number' && typeof b === 'number';
  if (bothNumbers && a > 0 && b > 0) return Number((a / b).toFixed(2));
  return {
    notMeasured: `${what}: ${bothNumbers ? 'a side measured 0' : 'a side was not measured'} (${a} / ${b})`,
  };
};
const show = (r, suffix = '') => (typeof r === 'number' ? `${r}${suffix}` : 'not measured');
const kb = (b) => `${(b / 1024).toFixed(1)} kB (${b.toLocaleString('en')} B)`;
const lines = [
  `### Scrub benchmarks${SMOKE ? ' (smoke run: figures are not meaningful)' : ''}`,
  '',
  `Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per throughput case, ` +
    `${new Date().toISOString().slice(0, 10)}.`,
  '',
];
results.ratios = {};
/** The goals: each ratio against its bound (ratios above for speed, below for p99). */
const GOALS = {
  mockLogOverBare: { at: 0.8, above: true, label: 'log/bare >= 0.8' },
  mockQuietOverBare: { at: 0.9, above: true, label: 'quiet/bare >= 0.9' },
  mockOverPrism: { at: 15, above: true, label: 'mock/Prism >= 15' },
  p99MockOverPrism: { at: 0.1, above: false, label: 'p99 <= 1/10' },
};
const verdicts = (r) =>
  Object.entries(GOALS)
    .map(([key, goal]) => {
      const v = r[key];
      if (typeof v !== 'number') return `${goal.label}: not measured`;
      return `${goal.label}: ${(goal.above ? v >= goal.at : v <= goal.at) ? 'met' : 'missed'}`;
    })
    .join('; ');
if (only.includes('throughput')) {
  results.ratios.throughput = {};
  lines.push(
    '| Throughput (req/s) | mock (log) | mock (quiet) | Prism | bare node:http | answer B | log/bare | quiet/bare ' +
      '| mock/Prism | p99 mock / Prism (ms) | p99 ratio | goals |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const [name, row] of Object.entries(results.throughput)) {
    if (!row.prism) {
      lines.push(`| ${name} | ${row.mockLog.rps} | ${row.mockQuiet.rps} | | | | | | | ${row.mockLog.p99} / | | |`);
      continue;
    }
    // the mock as `pnpm mock` starts it (log on) against Prism: the figure a user meets
    const r = {
      mockLogOverBare: ratio(row.mockLog.rps, row.bare.rps, `${name} mock (log)/bare`),
      mockQuietOverBare: ratio(row.mockQuiet.rps, row.bare.rps, `${name} mock (quiet)/bare`),
      mockOverPrism: ratio(row.mockLog.rps, row.prism.rps, `${name} mock/Prism`),
      // p99 can be 0 ms at smoke scale: a 0 there is a measurement, not a missing figure
      p99MockOverPrism:
        row.mockLog.p99 === 0 && row.prism.p99 >= 0
          ? 0
          : ratio(row.mockLog.p99, row.prism.p99, `${name} p99 mock/Prism`),
    };
    results.ratios.throughput[name] = r;
    lines.push(
      `| ${name} | ${row.mockLog.rps} | ${row.mockQuiet.rps} | ${row.prism.rps} | ${row.bare.rps} ` +
        `| ${row.answerBytes} | ${show(r.mockLogOverBare, 'x')} | ${show(r.mockQuietOverBare, 'x')} ` +
        `| ${show(r.mockOverPrism, 'x')} | ${row.mockLog.p99} / ${row.prism.p99} | ${show(r.p99MockOverPrism)} ` +
        `| ${verdicts(r)} |`,
    );
  }
  lines.push('');
}
if (only.includes('profile')) {
  const pct = (x) => `${Math.round(x * 100)} %`;
  lines.push(
    `| Profile (mock, log on, one operation, ${SECONDS / 2} s) | req/s | answer B | idle | Scrub JS | Node JS ` +
      '| socket write | log write | GC | VM/native | top self time (share of busy) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const [name, p] of Object.entries(results.profile)) {
    const top = p.top
      .slice(0, 5)
      .map((f) => `${f.name} ${pct(f.share)}`)
      .join(', ');
    lines.push(
      `| ${name} | ${p.rps} | ${p.answerBytes} | ${pct(p.idle)} | ${pct(p.busy.scrub)} | ${pct(p.busy.node)} ` +
        `| ${pct(p.busy.write)} | ${pct(p.busy['log write'])} ` +
        `| ${pct(p.busy.gc)} | ${pct(p.busy.program + p.busy.native + p.busy['other JS'])} | ${top} |`,
    );
  }
  lines.push('', `(profiles: ${results.profileDir})`, '');
}
if (only.includes('cold')) {
  results.ratios.coldStartMockOverPrism = ratio(
    results.coldStart.mock,
    results.coldStart.prism,
    'cold start mock/Prism',
  );
  lines.push(
    '| Cold start (spawn to first 200) | ms |',
    '|---|---:|',
    `| mock server | ${results.coldStart.mock} |`,
    `| Prism | ${results.coldStart.prism} |`,
    `| mock/Prism | ${show(results.ratios.coldStartMockOverPrism)} |`,
    '',
  );
}
if (only.includes('runtimes')) {
  const [node, ...others] = Object.entries(results.runtimes);
  results.ratios.runtimes = {};
  lines.push(
    '| Mock server by runtime (idcheck, valid mix) | req/s | p99 ms | cold start ms | req/s vs Node |',
    '|---|---:|---:|---:|---:|',
    `| ${node[0]} | ${node[1].rps} | ${node[1].p99} | ${node[1].coldStartMs} | 1 |`,
  );
  for (const [name, r] of others) {
    results.ratios.runtimes[name] = ratio(r.rps, node[1].rps, `${name} req/s vs Node`);
    lines.push(`| ${name} | ${r.rps} | ${r.p99} | ${r.coldStartMs} | ${show(results.ratios.runtimes[name], 'x')} |`);
  }
  lines.push('');
}
if (only.includes('sdk')) {
  const median = (name) => results.sdk[name]?.median;
  results.ratios.sdkOverRawFetch = ratio(median('SDK projections.list()'), median('raw fetch'), 'SDK/raw fetch');
  results.ratios.sdkOverBareKy = ratio(median('SDK projections.list()'), median('bare ky'), 'SDK/bare ky');
  results.ratios.sdkDefaultClientOverBareKy = ratio(
    median('SDK projections.list(), default client (retries on)'),
    median('bare ky'),
    'SDK default client/bare ky',
  );
  results.ratios.bareKyOverRawFetch = ratio(median('bare ky'), median('raw fetch'), 'bare ky/raw fetch');
  results.ratios.openapiFetchOverRawFetch = ratio(
    median('openapi-fetch'),
    median('raw fetch'),
    'openapi-fetch/raw fetch',
  );
  lines.push(
    `| Per call against bare node:http (${SDK_CALLS} calls) | median ms | p99 ms |` +
      ' median / raw fetch | median / bare ky |',
    '|---|---:|---:|---:|---:|',
  );
  for (const [name, r] of Object.entries(results.sdk)) {
    const over = (base) => show(ratio(r.median, median(base), name));
    lines.push(`| ${name} | ${r.median} | ${r.p99} | ${over('raw fetch')} | ${over('bare ky')} |`);
  }
  lines.push('');
}
if (only.includes('bundle')) {
  results.ratios.sdkBundleOverFloor = ratio(
    results.bundle['@scrub/sdk'].minGzip,
    results.bundle['openapi-fetch + ky (floor)'].minGzip,
    'SDK bundle/floor',
  );
  lines.push('| Bundle (esbuild, minified, gzip -9) | loaded by `import` | with lazy chunks |', '|---|---:|---:|');
  for (const [name, r] of Object.entries(results.bundle))
    lines.push(`| ${name} | ${kb(r.minGzip)} | ${kb(r.minGzipWithLazyChunks)} |`);
  lines.push('');
}
if (only.includes('frontend')) {
  const f = results.frontend;
  results.ratios.scrubHandlersOverBareMsw = ratio(
    f['Scrub handlers'].callsPerSecond,
    f['bare MSW handler'].callsPerSecond,
    'Scrub handlers/bare MSW',
  );
  results.ratios.coldImportMocksOverMsw = ratio(
    f.coldImportMs['@scrub/mocks'],
    f.coldImportMs.msw,
    'cold import @scrub/mocks/msw',
  );
  lines.push('| Frontend tests: SDK `projections.list()` through MSW in-process | calls/s |', '|---|---:|');
  lines.push(
    `| bare MSW handler answering a constant | ${f['bare MSW handler'].callsPerSecond} |`,
    `| Scrub handlers (routing, gate, state, journal) | ${f['Scrub handlers'].callsPerSecond} |`,
    `| Scrub / bare | ${show(results.ratios.scrubHandlersOverBareMsw, 'x')} |`,
    '',
  );
  lines.push(
    '| Cold import (fresh process, median) | ms |',
    '|---|---:|',
    `| msw | ${f.coldImportMs.msw} |`,
    `| @scrub/mocks | ${f.coldImportMs['@scrub/mocks']} |`,
    `| @scrub/mocks / msw | ${show(results.ratios.coldImportMocksOverMsw)} |`,
    '',
  );
}
if (only.includes('memory')) {
  const memKeys = Object.keys(results.memory).filter((k) => k.startsWith('rss'));
  lines.push(
    '| Mock server memory | RSS |',
    '|---|---:|',
    ...memKeys.map(
      (k) => `| after ${k.replace('rssAfter', '')} requests | ${(results.memory[k] / 2 ** 20).toFixed(1)} MiB |`,
    ),
    `| growth between them | ${(results.memory.growth * 100).toFixed(1)} % |`,
  );
}
const table = lines.join('\n');
results.table = table;
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(table);
process.exit(0);
