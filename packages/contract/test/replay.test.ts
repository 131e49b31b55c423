import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarEntry } from '../src/har.js';
import { answerDifferences, Replayer } from '../src/replay.js';
import { reply, type Served, serve } from './support/fake.js';

let server: Served;
beforeAll(async () => {
  server = await serve((req, res) => {
    if (req.method === 'POST') return reply(res, 200, { message: 'Create projection success', projection_id: 'new-1' });
    reply(res, 200, { item: { projection_id: req.url.split('/').pop() } });
  });
});
afterAll(() => server.close());

const entry = (method: string, path: string, body?: string, length?: number): HarEntry => ({
  request: {
    method,
    url: `https://api.test${path}`,
    headers: length === undefined ? [] : [{ name: 'content-length', value: String(length) }],
    ...(body !== undefined ? { postData: { text: body } } : {}),
  },
  response: { status: 200 },
});

describe('answerDifferences', () => {
  it('names a different status, message and every key that is on one side only', () => {
    expect(
      answerDifferences(200, { message: 'a', id: 'x' }, { status: 400, json: { message: 'b', extra: 1 } }),
    ).toEqual([
      'status: 200 recorded, 400 replayed',
      'message: "a" recorded, "b" replayed',
      'body.extra: only replayed',
      'body.id: only recorded',
    ]);
    expect(answerDifferences(200, { n: 1 }, { status: 200, json: { n: 'one' } })).toEqual([
      'body.n: number recorded, string replayed',
    ]);
  });
});

describe('Replayer', () => {
  it('replays in order, carrying an id the target gave in place of the recorded one', async () => {
    const replayer = new Replayer(server.url);
    const created = { message: 'Create projection success', projection_id: 'old-1' };
    expect(await replayer.replay(entry('POST', '/v3/projection', '{}'), created)).toEqual({
      status: 200,
      differences: [],
    });
    expect(await replayer.replay(entry('GET', '/v3/projection/old-1'), { item: { projection_id: 'old-1' } })).toEqual({
      status: 200,
      differences: [],
    });
    expect(server.received.at(-1)?.url).toBe('/v3/projection/new-1');
  });

  it('does not replay a request whose body the recording lost, nor what names the id it created', async () => {
    const replayer = new Replayer(server.url);
    expect(await replayer.replay(entry('POST', '/v3/projection', undefined, 12), { projection_id: 'lost-1' })).toEqual({
      status: 0,
      differences: [],
      skipped: 'not replayed: the recording holds no request body',
    });
    expect(await replayer.replay(entry('GET', '/v3/projection/lost-1'), {})).toEqual({
      status: 0,
      differences: [],
      skipped: 'not replayed: it names lost-1, created by a request that was not replayed',
    });
  });

  it('reports a replay that failed, redacted', async () => {
    const replayer = new Replayer('http://127.0.0.1:9', (t) => t.replace('127.0.0.1', '[host]'));
    const result = await replayer.replay(entry('GET', '/v3/projection'), {});
    expect(result.status).toBe(0);
    expect(result.differences).toEqual([expect.stringMatching(/^the replay failed: /)]);
  });
});
