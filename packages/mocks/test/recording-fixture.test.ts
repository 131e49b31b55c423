// A recording of this mock (a staging stand-in loaded with synthetic personal data) gives a fixture
// this mock loads, under fresh credentials, and serves: the recorded reads answer as they did.
import { type Exchange, recordingOf } from '@scrub/spec/recording';
import { describe, expect, it } from 'vitest';
import {
  assertFixture,
  createMockState,
  defineFixture,
  encrypt,
  handleRequest,
  isFault,
  type MockState,
  toMockRequest,
} from '../src/index.js';

const PLAIN_KEY = 'staging-key-plain-7f3a';
const SEALED_KEY = 'staging-key-sealed-91bc';
const ACCOUNT = 'staging-acct-55d2';
const TOKEN = 'staging-token-c0ffee';

const person = (n: number) => ({
  submission_id: `stg-sub-${n}-a81`,
  email: `stg.person${n}@corp.test`,
  userid: `stg-user-${n}`,
  applicant_id: `stg-applicant-${n}`,
  data: {
    first_name: `Stgfirst${n}`,
    last_name: `Stglast${n}`,
    nationality: 'NLD',
    date_of_birth: `198${n}-07-1${n}`,
    idcard_expireDate: `1${n}.09.2031`,
    ip_address: `192.0.2.${n}`,
  },
  image: { idImage: `https://cdn.corp.test/${n}/front.jpg`, selfieImage: `https://cdn.corp.test/${n}/selfie.jpg` },
  OCR_raw: { raw: `OCR RAW TEXT ${n} STGFIRST${n}` },
  created_at: '2024-03-01-10-15-30-123',
});

function staging(): MockState {
  return createMockState(
    defineFixture({
      idcheck: {
        projects: [
          { id: 'stg-plain', apiKeys: [PLAIN_KEY], submissions: [person(1), { ...person(2), email: person(1).email }] },
          { id: 'stg-sealed', apiKeys: [SEALED_KEY], encryption: true, submissions: [person(3)] },
        ],
      },
      textAssessment: { accounts: [{ id: ACCOUNT, token: TOKEN }] },
    }),
  );
}

interface Call {
  method?: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** One call to a mock state, as an exchange a recording proxy would have seen. */
function call(state: MockState, { method = 'GET', url, headers, body }: Call): Exchange {
  const result = handleRequest(state, toMockRequest({ method, url, headers, body }));
  if (!result || result instanceof Promise || isFault(result)) throw new Error('expected a synchronous answer');
  return {
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 1,
    request: {
      method,
      url: `http://staging.test${url}`,
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      ...(body !== undefined ? { body } : {}),
    },
    response: {
      status: result.status,
      statusText: '',
      headers: Object.entries(result.headers).map(([name, value]) => ({ name, value })),
      ...(result.body !== undefined ? { body: result.body } : {}),
    },
  };
}

/** A session against the staging stand-in: reads, a partial delete, projections, texts, an author deletion. */
function session(): Exchange[] {
  const s = staging();
  const plain = { 'x-api-key': PLAIN_KEY };
  const sealed = { 'x-api-key': SEALED_KEY };
  const auth = { authorization: `Token token=${TOKEN}` };
  const base = `/v2.3.0/account/${ACCOUNT}`;
  const text = (body: Record<string, unknown>) => JSON.stringify({ task_id: 'task-stg', ...body });
  return [
    call(s, { url: `/v3/submission?email=${encodeURIComponent(person(1).email)}`, headers: plain }),
    call(s, { url: `/v3/submission?submission_id=${person(2).submission_id}`, headers: plain }),
    call(s, {
      method: 'DELETE',
      url: `/v3/submission/partial?submission_id=${person(2).submission_id}&fields=data,OCR_raw&data_fields=first_name`,
      headers: plain,
    }),
    call(s, {
      method: 'POST',
      url: '/v3/projection',
      headers: plain,
      body: '{"name":"hide_dob","mode":"exclude","fields":["date_of_birth"]}',
    }),
    call(s, { url: '/v3/projection', headers: plain }),
    call(s, { url: `/v3/submission?submission_id=${person(3).submission_id}`, headers: sealed }),
    call(s, {
      method: 'POST',
      url: '/v3/projection',
      headers: sealed,
      body: JSON.stringify({ body: encrypt(SEALED_KEY, '{"name":"sealed_p","mode":"exclude","fields":["gender"]}') }),
    }),
    call(s, { url: '/v3/submission?submission_id=stg-missing', headers: plain }),
    call(s, {
      method: 'PUT',
      url: `${base}/text/stg-text-1`,
      headers: auth,
      body: text({ text: 'Stgfirst1 wrote this.', author_id: 'stg-author-1' }),
    }),
    call(s, {
      method: 'PUT',
      url: `${base}/text/stg-text-2`,
      headers: auth,
      body: text({ text: 'Stglast2 wrote that.', author_id: 'stg-author-2' }),
    }),
    call(s, { url: `${base}/text/stg-text-1/results`, headers: auth }),
    call(s, { method: 'DELETE', url: `${base}/author/stg-author-2`, headers: auth }),
  ];
}

/** The written exchange sent again, to a mock serving the recorded fixture. */
function replay(state: MockState, x: Exchange) {
  const url = new URL(x.request.url);
  const headers = Object.fromEntries(x.request.headers.map((h) => [h.name, h.value]));
  const result = handleRequest(
    state,
    toMockRequest({ method: x.request.method, url: url.pathname + url.search, headers, body: x.request.body }),
  );
  if (!result || result instanceof Promise || isFault(result)) throw new Error('expected a synchronous answer');
  return result;
}

describe('a recording of the mock, served by the mock', () => {
  const exchanges = session();
  const recording = recordingOf(exchanges, { key: 'mocks-recording-test-key' });

  it('the session did what it should upstream (so the recording has something to show)', () => {
    expect(exchanges.map((x) => x.response.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 400, 200, 200, 200, 200,
    ]);
  });

  it('createMockState accepts the fixture; its JSON holds no original', () => {
    expect(() => assertFixture(recording.fixture)).not.toThrow();
    expect(() => createMockState(recording.fixture)).not.toThrow();
    expect(() => createMockState(JSON.parse(JSON.stringify(recording.fixture, null, 2)))).not.toThrow();
    expect(recording.leaks(JSON.stringify(recording.fixture, null, 2))).toEqual([]);
    expect(recording.notes).toEqual([]);
  });

  it('the recorded reads answer as they did, with the fresh credentials of the written exchanges', () => {
    const served = createMockState(recording.fixture);
    for (const x of recording.exchanges.filter((e) => e.request.method === 'GET')) {
      expect(replay(served, x).status, x.request.url.replace(/\?.*/, '')).toBe(x.response.status);
    }
    // the second read happened before the partial delete: the fixture holds the state after it
    const [, read, partial] = recording.exchanges;
    const after = JSON.parse(replay(served, read!).body!).Items[0];
    expect(after.OCR_raw).toBeUndefined();
    expect(after.data.first_name).toBeUndefined();
    expect(after.data.last_name).toBe(JSON.parse(read!.response.body!).Items[0].data.last_name);
    expect(replay(served, partial!).status).toBe(200);
  });

  it('the sealed project stays sealed under its fresh key; texts answer results at once', () => {
    const served = createMockState(recording.fixture);
    const sealedRead = recording.exchanges[5]!;
    expect(replay(served, sealedRead).body).toBe(sealedRead.response.body);
    const results = JSON.parse(replay(served, recording.exchanges[10]!).body!);
    expect(results.type).toBe('success');
    // the deleted author's text is gone, its id still used
    const resubmit = replay(served, recording.exchanges[9]!);
    expect(JSON.parse(resubmit.body!)).toEqual({ type: 'error', code: 400, message: 'id already used' });
  });
});
