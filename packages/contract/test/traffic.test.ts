// Unit tests of the traffic check on a HAR written here (the CLI and a replay against the mock are
// in test/e2e/traffic.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../src/har.js';
import { checkTraffic, operationOf, shownRequest, trafficJunit, trafficMarkdown } from '../src/traffic.js';

const call = (method: string, url: string, status: number, body?: unknown, key = 'secret-key'): HarEntry => ({
  request: { method, url: `https://api.test${url}`, headers: [{ name: 'x-api-key', value: key }] },
  response: { status, content: body === undefined ? {} : { text: JSON.stringify(body) } },
});

function har(entries: HarEntry[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scrub-traffic-')), 'rec.har');
  writeFileSync(file, JSON.stringify({ log: { entries } }));
  return file;
}

describe('operationOf and shownRequest', () => {
  it('finds the operation of a method on a path (under a base path too), and every operation on it', () => {
    const { op, onPath } = operationOf('delete', '/api/v3/projection/p1');
    expect(op?.operationId).toBe('deleteProjection');
    expect(onPath.map((o) => o.operationId)).toEqual(['getProjection', 'deleteProjection']);
    expect(operationOf('PUT', '/v3/projection/p1').op).toBeUndefined();
  });

  it('shows a request without personal values', () => {
    const url = new URL('https://x.test/v2.3.0/account/a/author/learner-7?userid=u1&count=2');
    expect(shownRequest('DELETE', url)).toBe('DELETE /v2.3.0/account/a/author/[redacted]?userid=[redacted]&count=2');
    expect(shownRequest('DELETE', url, false)).toBe('DELETE /v2.3.0/account/a/author/[redacted]');
  });
});

describe('checkTraffic', () => {
  it('judges each API call, ignores the rest, and redacts the credentials it saw', async () => {
    const file = har([
      call('GET', '/index.html', 200),
      call('OPTIONS', '/v3/projection', 204),
      call('GET', '/v3/projection/p1', 404, { message: 'Projection not found' }),
      call('GET', '/v3/projection/p1', 404, { message: 'secret-key is wrong' }),
      call('PUT', '/v3/projection/p1', 418),
    ]);
    const report = await checkTraffic(file);
    expect(report).toEqual({
      file,
      ok: false,
      exchanges: [
        { request: 'GET /index.html', status: 200, state: 'ignored', problems: [] },
        { request: 'OPTIONS /v3/projection', status: 204, state: 'ignored', problems: [] },
        { request: 'GET /v3/projection/p1', operationId: 'getProjection', status: 404, state: 'ok', problems: [] },
        {
          request: 'GET /v3/projection/p1',
          operationId: 'getProjection',
          status: 404,
          state: 'failed',
          problems: ['message "[redacted] is wrong" is not documented for 404'],
        },
        {
          request: 'PUT /v3/projection/p1',
          status: 418,
          state: 'failed',
          problems: ['status 418 is not documented for getProjection or deleteProjection'],
        },
      ],
    });
    expect(trafficMarkdown(report)).toBe(
      [
        `## Recorded traffic: ${file}`,
        '',
        '| request | operation | status | result |',
        '|---|---|---:|---|',
        '| GET /v3/projection/p1 | getProjection | 404 | ok |',
        '| GET /v3/projection/p1 | getProjection | 404 | message "[redacted] is wrong" is not documented for 404 |',
        '| PUT /v3/projection/p1 | (no such method) | 418 | ' +
          'status 418 is not documented for getProjection or deleteProjection |',
        '',
        '3 API calls: 1 ok, 2 failed; 2 other requests ignored',
      ].join('\n'),
    );
    const xml = trafficJunit(report);
    expect(xml).toContain(`<testsuite name="${file}" tests="3" failures="2">`);
    expect(xml).toContain(
      '<testcase classname="traffic.unknown" name="#3 PUT /v3/projection/p1 -&gt; 418"><failure message="status 418',
    );
  });
});
