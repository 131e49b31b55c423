// The command's buffered stdout writer: lines in order and unchanged, few writes, a stdout that cannot
// keep up never holds a caller (lines past the bound are dropped and counted), a closed one ends the
// log quietly; then the command itself: a paused stdout pipe, SIGTERM with lines still queued, EPIPE.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestLog, type Sink } from '../../src/serve/request-log.js';

/** A sink that keeps what it is given; `hold` keeps the callbacks instead of calling them. */
function recordingSink(hold = false) {
  const writes: string[] = [];
  const held: (() => void)[] = [];
  const sink: Sink = (bytes, done) => {
    writes.push(Buffer.from(bytes).toString());
    if (hold) held.push(() => done(null, bytes.length));
    else setImmediate(() => done(null, bytes.length));
  };
  return { sink, writes, held, text: () => writes.join('') };
}

describe('RequestLog', () => {
  it('writes the lines in order, each as given plus a newline, never on the caller’s turn', async () => {
    const { sink, writes, text } = recordingSink();
    const log = new RequestLog({ sink });
    const lines = ['GET /v3/projection 200 0.4ms', 'DELETE /v3/submission/partial 400 1.2ms', 'warning: x%sy'];
    for (const line of lines) log.line(line);
    expect(writes).toEqual([]);
    await log.drain(5_000);
    expect(text()).toBe(`${lines.join('\n')}\n`);
  });

  it('batches: 10,000 lines go out in a handful of writes', async () => {
    const { sink, writes, text } = recordingSink();
    const log = new RequestLog({ sink });
    const lines = Array.from({ length: 10_000 }, (_, i) => `GET /v3/projection/p${i} 200 0.1ms`);
    for (const line of lines) log.line(line);
    await log.drain(5_000);
    expect(text()).toBe(`${lines.join('\n')}\n`);
    // about 340 kB in batches of 64 KiB
    expect(writes.length).toBeLessThanOrEqual(8);
  });

  it('a stdout that never drains holds no caller: lines past the bound are dropped and counted', async () => {
    const { sink, writes, held, text } = recordingSink(true);
    const log = new RequestLog({ sink, intervalMs: 1, bound: 1_000 });
    log.line('first');
    await vi.waitFor(() => expect(writes).toHaveLength(1)); // in flight, never finished
    const lines = Array.from({ length: 200 }, (_, i) => `line ${String(i).padStart(4, '0')}`);
    const started = performance.now();
    for (const line of lines) log.line(line);
    expect(performance.now() - started).toBeLessThan(100);
    expect(await Promise.race([log.drain(50).then(() => 'gave up'), new Promise((r) => setTimeout(r, 5_000))])).toBe(
      'gave up',
    );
    held.shift()!(); // stdout takes the first write at last
    await vi.waitFor(() => expect(writes).toHaveLength(2));
    held.shift()!();
    const kept = lines.filter((line) => text().includes(`${line}\n`));
    expect(kept.length).toBeGreaterThan(50);
    expect(text()).toBe(
      `first\n${kept.join('\n')}\nlog: ${200 - kept.length} lines dropped (stdout could not keep up)\n`,
    );
    expect(kept).toEqual(lines.slice(0, kept.length)); // the earliest lines are the ones kept
  });

  it('retries a full pipe (EAGAIN) and finishes a partial write', async () => {
    const writes: string[] = [];
    let calls = 0;
    const sink: Sink = (bytes, done) => {
      calls++;
      if (calls <= 2) return setImmediate(() => done({ code: 'EAGAIN' }, 0));
      const half = Math.max(1, Math.floor(bytes.length / 2));
      writes.push(Buffer.from(bytes.subarray(0, half)).toString());
      setImmediate(() => done(null, half));
    };
    const log = new RequestLog({ sink });
    log.line('GET /v3/projection 200 0.4ms');
    log.line('GET /v3/projection/p1 404 0.2ms');
    await log.drain(5_000);
    expect(writes.join('')).toBe('GET /v3/projection 200 0.4ms\nGET /v3/projection/p1 404 0.2ms\n');
  });

  it('a closed stdout (EPIPE) ends the log quietly: no throw, nothing more written, drain does not wait', async () => {
    let calls = 0;
    const sink: Sink = (_bytes, done) => {
      calls++;
      setImmediate(() => done({ code: 'EPIPE' }, 0));
    };
    const log = new RequestLog({ sink });
    log.line('GET /v3/projection 200 0.4ms');
    await log.drain(5_000);
    log.line('GET /v3/projection 200 0.3ms');
    const started = performance.now();
    await log.drain(5_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(calls).toBe(1);
  });
});

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** The command, log on, on a free port: its URL once ready, its stdout so far, its exit code. */
async function startCommand() {
  const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  stops.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await vi.waitFor(() => expect(out).toMatch(/listening on http:\/\/localhost:\d+/), { timeout: 30_000 });
  const url = /listening on (http:\/\/\S+)/.exec(out)![1]!.replace('localhost', '127.0.0.1');
  return { child, url, exited, out: () => out };
}

/** `count` GETs of /v3/projection over 20 keep-alive connections; resolves with their statuses. */
async function load(url: string, count: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  const one = () =>
    new Promise<number>((resolve, reject) =>
      request(`${url}/v3/projection`, { agent, headers: { 'x-api-key': 'test-api-key' } }, (res) => {
        res.resume().on('end', () => resolve(res.statusCode!));
      })
        .on('error', reject)
        .end(),
    );
  const statuses: number[] = [];
  const worker = async () => {
    while (statuses.length < count) {
      const i = statuses.push(0) - 1;
      statuses[i] = await one();
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  agent.destroy();
  return statuses;
}

const requestLines = (out: string) =>
  out.split('\n').filter((line) => /^GET \/v3\/projection 200 [\d.]+ms$/.test(line));

describe('scrub-mock request log', () => {
  it('a paused stdout does not stop the answers; once read again, every line is there', async () => {
    const run = await startCommand();
    run.child.stdout.pause(); // the pipe fills (about 6,000 lines of 35 bytes is more than it holds)
    const statuses = await load(run.url, 6_000);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6_000);
    run.child.stdout.resume();
    await vi.waitFor(() => expect(requestLines(run.out())).toHaveLength(6_000), { timeout: 30_000 });
    expect(run.out()).not.toContain('dropped');
  });

  it('SIGTERM writes every line already logged, in order, before exiting 0', async () => {
    const run = await startCommand();
    const statuses = await load(run.url, 300);
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    run.child.kill('SIGTERM'); // the last lines are still queued (the interval has not passed)
    expect(await run.exited).toBe(0);
    const lines = run.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Scrub mock server listening on http:\/\/localhost:\d+ \(fixture: built-in\)$/);
    expect(requestLines(run.out())).toHaveLength(300);
    expect(lines.slice(1, 301).every((line) => /^GET \/v3\/projection 200 [\d.]+ms$/.test(line))).toBe(true);
    expect(lines.slice(301)).toEqual(['SIGTERM: finishing requests in flight (up to 5000 ms), then stopping']);
  });

  it('a closed stdout (EPIPE) neither crashes the server nor stalls it', async () => {
    const run = await startCommand();
    run.child.stdout.destroy();
    const statuses = await load(run.url, 2_000);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2_000);
    expect(run.child.exitCode).toBe(null);
    const started = performance.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
