// `startRecorder()` from code: a free port on 127.0.0.1, the upstream checked, the exchanges as they
// come, and `stop()` that lets requests in flight finish (or cuts them off) and pseudonymises.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecorder } from '../../src/record/recorder.js';
import { type RunningMockServer, startMockServer } from '../../src/start.js';

const KEY = { 'x-api-key': 'test-api-key' };
let mock: RunningMockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

describe('startRecorder', () => {
  it('listens on a free port of 127.0.0.1, records what passes, and stop() pseudonymises it', async () => {
    const recorder = await startRecorder({ upstream: mock.url });
    expect(recorder.url).toBe(`http://127.0.0.1:${recorder.port}`);
    const answer = await fetch(`${recorder.url}/v3/submission?submission_id=s1`, { headers: KEY });
    expect(answer.status).toBe(200);
    const body = await answer.text();
    expect(recorder.exchanges().map((e) => [e.request.url, e.response.status, e.response.body])).toEqual([
      [`${mock.url}/v3/submission?submission_id=s1`, 200, body],
    ]);
    const recording = await recorder.stop();
    expect(recording.exchanges).toHaveLength(1);
    expect(JSON.stringify(recording.exchanges)).not.toContain('test-api-key');
    await expect(fetch(`${recorder.url}/v3/projection`, { headers: KEY })).rejects.toThrow();
  });

  it('stop() lets a request in flight finish and keeps it', async () => {
    const recorder = await startRecorder({ upstream: mock.url });
    const pending = fetch(`${recorder.url}/v3/projection`, { headers: { ...KEY, prefer: 'delay=500' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = recorder.stop(5_000);
    const answer = await pending;
    expect([answer.status, answer.headers.get('connection')]).toEqual([200, 'close']);
    expect((await stopped).exchanges).toHaveLength(1);
  });

  it('stop(graceMs) cuts off what is in flight after graceMs, a second stop() at once; neither is kept', async () => {
    const recorder = await startRecorder({ upstream: mock.url });
    const slow = (ms: number) =>
      fetch(`${recorder.url}/v3/projection`, { headers: { ...KEY, prefer: `delay=${ms}` } }).catch((e: Error) => e);
    const cut = slow(20_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const recording = await recorder.stop(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await cut).toBeInstanceOf(Error);
    expect(recording.exchanges).toEqual([]);

    const second = await startRecorder({ upstream: mock.url });
    const held = fetch(`${second.url}/v3/projection`, { headers: { ...KEY, prefer: 'delay=20000' } }).catch(
      (e: Error) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = second.stop(60_000);
    const again = performance.now();
    const [a, b] = await Promise.all([first, second.stop()]);
    expect(performance.now() - again).toBeLessThan(5_000);
    expect(a).toBe(b);
    expect(await held).toBeInstanceOf(Error);
  });

  it('hands its key on: the same key gives the same pseudonyms in two recordings, another key others', async () => {
    const recorded = async (key: string) => {
      const recorder = await startRecorder({ upstream: mock.url, key });
      await (await fetch(`${recorder.url}/v3/submission?submission_id=s1`, { headers: KEY })).arrayBuffer();
      return (await recorder.stop()).exchanges[0]!.response.body;
    };
    const first = await recorded('the-same-key-0123456789');
    expect(first).not.toContain('jisung.park@example.com');
    expect(await recorded('the-same-key-0123456789')).toBe(first);
    expect(await recorded('another-key-0123456789')).not.toBe(first);
  });

  it.each([
    ['ftp://staging.test', 'the upstream must be an http:// or https:// URL'],
    ['staging.test', 'the upstream must be an http:// or https:// URL'],
    ['https://user:secret-pw@staging.test', 'the upstream URL must not carry credentials (clients send their own)'],
    ['https://staging.test/?api_key=k', 'the upstream URL must have no query or fragment'],
  ])('refuses the upstream %s with a TypeError that repeats no part of it', async (upstream, message) => {
    const attempt = startRecorder({ upstream });
    await expect(attempt).rejects.toThrow(new TypeError(message));
  });

  it('adminOrigins: a listed origin uses /__mock through it when the mock lists it too; others get 403', async () => {
    const listed = 'http://localhost:5173';
    const guarded = await startMockServer({ adminOrigins: [listed] });
    const recorder = await startRecorder({ upstream: guarded.url, adminOrigins: [listed] });
    try {
      const read = await fetch(`${recorder.url}/__mock/state`, { headers: { origin: listed } });
      expect([read.status, read.headers.get('access-control-allow-origin')]).toEqual([200, listed]);
      expect(await read.json()).toEqual(await (await fetch(`${guarded.url}/__mock/state`)).json());
      const other = await fetch(`${recorder.url}/__mock/state`, { headers: { origin: 'http://localhost:3000' } });
      expect([other.status, other.headers.get('access-control-allow-origin')]).toEqual([403, null]);
      expect(recorder.exchanges().map((e) => [new URL(e.request.url).pathname, e.response.status])).toEqual([
        ['/__mock/state', 200],
      ]);
    } finally {
      await recorder.stop(100);
      await guarded.close();
    }
  });

  it('says whether it listens on loopback from the address it is bound to (an IPv4-mapped one too)', async () => {
    for (const [host, loopback] of [
      ['127.0.0.1', true],
      ['::ffff:127.0.0.1', true],
      ['0.0.0.0', false],
    ] as const) {
      const recorder = await startRecorder({ upstream: mock.url, host });
      try {
        expect([host, recorder.loopback]).toEqual([host, loopback]);
      } finally {
        await recorder.stop(0);
      }
    }
  });

  it('rejects with code EADDRINUSE when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(startRecorder({ upstream: mock.url, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
