// `scrub-contract traffic <file.har>`: recorded exchanges checked against the specs, replayed against
// a mock, and reported without credentials or personal values. (A HAR recorded by Chromium from the
// playground is checked in apps/playground/test/e2e.test.ts.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../src/http.js';
import { checkTraffic } from '../../src/index.js';
import type { Req } from '../../src/model.js';
import { cli as runCli } from '../support/cli.js';
import { type Running, startMock } from '../support/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-traffic-'));
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });
const KEY = 'test-api-key'; // of the mock's built-in fixture

interface Entry {
  request: {
    method: string;
    url: string;
    headers: { name: string; value: string }[];
    postData?: { mimeType: string; text: string };
  };
  response: { status: number; headers: { name: string; value: string }[]; content: { mimeType: string; text: string } };
}

/** Sends each request to `base` and records the exchanges as HAR entries, as a browser would. */
async function record(base: string, requests: Req[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const req of requests) {
    const res = await send(base, req);
    entries.push({
      request: {
        method: req.method,
        url: `${base}${req.path}${req.query ? `?${req.query}` : ''}`,
        headers: Object.entries(req.headers ?? {}).map(([name, value]) => ({ name, value })),
        ...(req.body !== undefined ? { postData: { mimeType: 'application/json', text: req.body } } : {}),
      },
      response: {
        status: res.status,
        headers: [...res.headers].map(([name, value]) => ({ name, value })),
        content: { mimeType: 'application/json', text: res.text },
      },
    });
  }
  return entries;
}
const har = (entries: Entry[]) =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

const key = { 'x-api-key': KEY };
const json = { ...key, 'content-type': 'application/json' };
const SESSION: Req[] = [
  { method: 'GET', path: '/v3/submission', query: 'email=jisung.park%40example.com', headers: key },
  {
    method: 'DELETE',
    path: '/v3/submission/partial',
    query: 'submission_id=s1&fields=data&data_fields=first_name',
    headers: key,
  },
  { method: 'GET', path: '/v3/submission', query: 'submission_id=s1', headers: key },
  {
    method: 'POST',
    path: '/v3/projection',
    headers: json,
    body: JSON.stringify({ name: 'recorded', mode: 'exclude', fields: ['gender'] }),
  },
  { method: 'GET', path: '/v3/projection', headers: key },
  { method: 'GET', path: '/v3/projection/nosuchthing01', headers: key },
  {
    method: 'PUT',
    path: '/v2.3.0/account/demo-account/text/recorded-1',
    headers: { authorization: 'Token token=demo-token', 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'My recorded text.', author_id: 'learner-9', task_id: 't' }),
  },
  {
    method: 'DELETE',
    path: '/v2.3.0/account/demo-account/author/learner-9',
    headers: { authorization: 'Token token=demo-token' },
  },
];

let recordedFrom: Running;
let entries: Entry[];
beforeAll(async () => {
  recordedFrom = await startMock();
  entries = await record(recordedFrom.url, SESSION);
  // the projection just created, read back by its id: the replay has to map it to the replay's own id
  const id = JSON.parse(entries[3]!.response.content.text).projection_id;
  entries.push(...(await record(recordedFrom.url, [{ method: 'GET', path: `/v3/projection/${id}`, headers: key }])));
  // what a browser records besides API calls: the page, and a CORS preflight
  entries.unshift({
    request: { method: 'GET', url: `${recordedFrom.url}/index.html`, headers: [] },
    response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '<html></html>' } },
  });
  entries.push({
    request: { method: 'OPTIONS', url: `${recordedFrom.url}/v3/projection`, headers: [] },
    response: { status: 204, headers: [], content: { mimeType: 'text/plain', text: '' } },
  });
});
afterAll(() => recordedFrom.stop());

describe('scrub-contract traffic', () => {
  it('passes a recording of documented answers, and ignores pages and preflights', async () => {
    writeFileSync(join(dir, 'good.har'), har(entries));
    const report = await checkTraffic(join(dir, 'good.har'));
    expect(report.exchanges.filter((e) => e.state === 'failed')).toEqual([]);
    expect(report.exchanges.map((e) => e.operationId ?? e.state)).toEqual([
      'ignored',
      'getSubmission',
      'partialDeleteSubmission',
      'getSubmission',
      'createProjection',
      'listProjections',
      'getProjection',
      'submitText',
      'deleteAuthorSubmissions',
      'getProjection',
      'ignored',
    ]);
    expect(report.ok).toBe(true);
  });

  it('names each answer the specs do not document', async () => {
    const bad = structuredClone(entries);
    bad[1]!.response.status = 418; // undocumented status
    bad[6]!.response.content.text = '{"message":"projection not found"}'; // a message not in the spec
    bad[5]!.response.content.text = JSON.stringify({
      ...JSON.parse(bad[5]!.response.content.text),
      message: undefined,
    }); // schema: message missing
    bad[4]!.response.content.text = 'Created'; // not JSON
    writeFileSync(join(dir, 'bad.har'), har(bad));
    const r = await cli(['traffic', 'bad.har', '--report', 'bad.json', '--junit', 'bad.xml']);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'bad.json'), 'utf8'));
    // the first problem of each (a schema break also lists the oneOf branches it fails)
    const failed = report.exchanges
      .filter((e: { state: string }) => e.state === 'failed')
      .map((e: { operationId: string; problems: string[] }) => [e.operationId, e.problems[0]]);
    expect(failed).toEqual([
      ['getSubmission', 'status 418 is not documented for getSubmission'],
      ['createProjection', 'the body is not JSON'],
      ['listProjections', "body must have required property 'message'"],
      ['getProjection', 'message "projection not found" is not documented for 404'],
    ]);
    expect(r.out).toContain('9 API calls: 5 ok, 4 failed; 2 other requests ignored');
    expect(readFileSync(join(dir, 'bad.xml'), 'utf8')).toMatch(/tests="9" failures="4"/);
  });

  it('reports hold no credential and no personal value', async () => {
    const r = await cli([
      'traffic',
      'good.har',
      '--report',
      'good.json',
      '--markdown',
      'good.md',
      '--junit',
      'good.xml',
    ]);
    expect(r.code, r.out + r.err).toBe(0);
    const everything =
      r.out + r.err + ['good.json', 'good.md', 'good.xml'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(everything).toContain('GET /v3/submission?email=[redacted]');
    expect(everything).toContain('DELETE /v2.3.0/account/demo-account/author/[redacted]');
    for (const secret of [KEY, 'demo-token', 'jisung.park', 'Ji Sung', 'Park', 'My recorded text', 'learner-9'])
      expect(everything).not.toContain(secret);
  });

  it(
    '--replay sends the recording to a fresh mock: the same answers (a created id mapped to the new ' +
      'one); a changed recording differs',
    async () => {
      const fresh = await startMock();
      const other = await startMock();
      try {
        const same = await checkTraffic(join(dir, 'good.har'), { replay: fresh.url });
        expect(same.exchanges.filter((e) => e.replay?.differences.length)).toEqual([]);
        expect(same.exchanges.filter((e) => e.replay).length).toBe(9);
        const changed = structuredClone(entries);
        const body = JSON.parse(changed[3]!.response.content.text);
        body.Items[0].data.first_name = 'Ji Sung'; // as if the partial delete had not deleted it
        changed[3]!.response.content.text = JSON.stringify(body);
        writeFileSync(join(dir, 'changed.har'), har(changed));
        const r = await cli(['traffic', 'changed.har', '--replay', other.url]);
        expect(r.code).toBe(1);
        expect(r.out).toContain(
          '| GET /v3/submission?submission_id=s1 | getSubmission | 200 | ' +
            'replay: body.Items[].data.first_name: only recorded',
        );
        expect(r.out).not.toContain('Ji Sung');
      } finally {
        await fresh.stop();
        await other.stop();
      }
    },
  );

  it('--fixture writes the recording as a fixture with keys of its own, and prints them', async () => {
    writeFileSync(join(dir, 'good.har'), har(entries));
    const r = await cli(['traffic', 'good.har', '--fixture', 'fixture.json', '--redact-key', 'e2e-redact-key-0001']);
    expect(r.code, r.err).toBe(0);
    const written = readFileSync(join(dir, 'fixture.json'), 'utf8');
    expect(written).not.toContain(KEY);
    const [project] = JSON.parse(written).idcheck.projects;
    expect(r.out).toContain(`Fixture written to fixture.json (serve it: scrub-mock --fixture fixture.json)`);
    expect(r.out).toContain(`ID-check project ${project.id}: x-api-key ${project.apiKeys[0]}`);
    expect(r.out + r.err).not.toContain(KEY);
  });

  it.each([
    [
      ['traffic', 'good.har', '--fixture', 'f.json', '--redact-key', 'short'],
      'the redact key (--redact-key or SCRUB_REDACT_KEY) must be at least 16 characters',
    ],
    [['traffic', 'good.har', '--redact-key', 'long-enough-key-0001'], '--redact-key needs --fixture'],
    [['--target', 'http://localhost:1', '--fixture', 'f.json'], '--fixture is an option of traffic'],
    [
      ['compare', '--target', 'http://a.test', '--target', 'http://b.test', '--replay', 'http://c.test'],
      '--replay is an option of traffic',
    ],
  ])('bad usage %j exits 2: %s', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`scrub-contract: ${message}`);
  });

  it('refuses what is not a HAR file (exit 2)', async () => {
    writeFileSync(join(dir, 'not.har'), '{"hello":1}');
    const r = await cli(['traffic', 'not.har']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not.har is not a HAR file: no log.entries');
  });
});
