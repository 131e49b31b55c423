// Rules the behaviour table does not reach through HTTP alone: counts and defaults of lists,
// check order across credentials and parameters, code-point offsets, options, fixture limits.
import { describe, expect, it, vi } from 'vitest';
import {
  createMockState,
  defaultFixture,
  type Fixture,
  FixtureError,
  handleRequest,
  isFault,
  toMockRequest,
} from '../src/index.js';

const KEY = { 'x-api-key': 'test-api-key' };
const AUTH = { authorization: 'Token token=demo-token' };

function call(state: ReturnType<typeof createMockState>, input: Parameters<typeof toMockRequest>[0]) {
  const result = handleRequest(state, toMockRequest(input));
  if (!result || result instanceof Promise || isFault(result)) throw new Error('expected a synchronous response');
  return { status: result.status, body: JSON.parse(result.body!) };
}

function withSubmissions(count: number, userid: string): Fixture {
  const fixture = structuredClone(defaultFixture);
  fixture.idcheck.projects[1]!.submissions = Array.from({ length: count }, (_, i) => ({
    submission_id: `u${i}`,
    userid,
    email: `u${i}@example.com`,
  }));
  return fixture;
}

describe('lists', () => {
  it('count limits a list; the default is 50; matching is exact and case-sensitive', () => {
    const state = createMockState(withSubmissions(60, 'same-user'));
    const read = (q: string) =>
      call(state, { method: 'GET', url: `/v3/submission?${q}`, headers: { 'x-api-key': 'other-api-key' } });
    expect(read('userid=same-user&count=2').body.Items.map((s: { submission_id: string }) => s.submission_id)).toEqual([
      'u0',
      'u1',
    ]);
    expect(read('userid=same-user').body.Items).toHaveLength(50);
    expect(read('userid=same-user&count=2000').body.Items).toHaveLength(60);
    expect(read('userid=SAME-USER').body).toEqual({ Items: [] });
    expect(read('email=U0@example.com').body).toEqual({ Items: [] });
  });
});

describe('check order', () => {
  const state = createMockState();
  it('credentials come before any parameter', () => {
    expect(call(state, { method: 'DELETE', url: '/v3/submission/partial', headers: {} }).body).toEqual({
      errorCode: 'invalid API key for this project',
    });
    expect(call(state, { method: 'GET', url: '/v3/submission', headers: {} })).toEqual({
      status: 403,
      body: { message: 'Forbidden' },
    });
    expect(call(state, { method: 'POST', url: '/v3/projection', headers: {}, body: '{' })).toEqual({
      status: 403,
      body: { message: 'Forbidden' },
    });
    expect(
      call(state, { method: 'DELETE', url: `/v2.3.0/account/demo-account/author/${'x'.repeat(41)}`, headers: {} })
        .status,
    ).toBe(401);
  });

  it('a body over 1 MiB: 413 before credentials for ID check, after them for text assessment (as specified)', () => {
    expect(call(state, { method: 'POST', url: '/v3/projection', headers: {}, bodyTooLarge: true })).toEqual({
      status: 413,
      body: { message: 'Request Entity Too Large' },
    });
    expect(
      call(state, { method: 'PUT', url: '/v2.3.0/account/demo-account/text/x', headers: {}, bodyTooLarge: true })
        .status,
    ).toBe(401);
    expect(
      call(state, { method: 'PUT', url: '/v2.3.0/account/demo-account/text/x', headers: AUTH, bodyTooLarge: true }),
    ).toEqual({ status: 413, body: { type: 'error', code: 413, message: 'request entity too large' } });
  });

  it('a version without its `v` is an unsupported version, and other paths are not ours', () => {
    expect(call(state, { method: 'GET', url: '/2.3.0/account/demo-account/text/t1/results', headers: AUTH })).toEqual({
      status: 404,
      body: { type: 'error', code: 404, message: 'unsupported API version' },
    });
    expect(
      handleRequest(state, toMockRequest({ method: 'GET', url: '/api/account/settings', headers: {} })),
    ).toBeUndefined();
  });
});

describe('texts', () => {
  it('result offsets count code points, not UTF-16 units', () => {
    const state = createMockState(defaultFixture, { resultsNotReadyPolls: 0 });
    call(state, {
      method: 'PUT',
      url: '/v2.3.0/account/demo-account/text/emoji',
      headers: AUTH,
      body: JSON.stringify({ text: '😀😀 Hi. Thx wrld.', author_id: 'a', task_id: 't' }),
    });
    const { body } = call(state, {
      method: 'GET',
      url: '/v2.3.0/account/demo-account/text/emoji/results',
      headers: AUTH,
    });
    expect(body.sentence_scores.map((s: number[]) => s.slice(0, 2))).toEqual([
      [0, 6],
      [7, 16],
    ]);
    expect(body.suspect_tokens).toEqual([
      [7, 10],
      [11, 15],
    ]);
  });

  it('resultsNotReadyPolls sets how many polls answer results_not_ready', () => {
    const state = createMockState(defaultFixture, { resultsNotReadyPolls: 3 });
    const poll = () =>
      call(state, { method: 'GET', url: '/v2.3.0/account/demo-account/text/t1/results', headers: AUTH }).body.type;
    expect([poll(), poll(), poll(), poll()]).toEqual([
      'results_not_ready',
      'results_not_ready',
      'results_not_ready',
      'success',
    ]);
  });
});

describe('options and fixtures', () => {
  it('unknown Prefer values are reported through onWarning', () => {
    const onWarning = vi.fn();
    const state = createMockState(defaultFixture, { onWarning });
    expect(
      call(state, { method: 'GET', url: '/v3/projection', headers: { ...KEY, prefer: 'respond-async, colour=blue' } })
        .status,
    ).toBe(200);
    expect(onWarning).toHaveBeenCalledWith('Prefer: ignored respond-async, colour=blue');
  });

  it('an own __proto__ key of a stored submission survives a projected read', () => {
    const fixture = structuredClone(defaultFixture);
    const s3 = JSON.parse(
      JSON.stringify(fixture.idcheck.projects[0]!.submissions[2]).replace('"email"', '"__proto__":"kept","email"'),
    );
    fixture.idcheck.projects[0]!.submissions[2] = s3;
    const state = createMockState(fixture);
    const read = handleRequest(
      state,
      toMockRequest({ method: 'GET', url: '/v3/submission?submission_id=s3', headers: KEY }),
    );
    expect((read as { body: string }).body).toContain('"__proto__":"kept"');
  });

  it.each([
    [
      'duplicate text ids',
      (f: any) => f.textAssessment.accounts[0].texts.push({ ...f.textAssessment.accounts[0].texts[0] }),
      'textAssessment.accounts[0].texts[3].id: duplicate "t1"',
    ],
    [
      'a projection of another mode',
      (f: any) => (f.idcheck.projects[0].projections[0].mode = 'include'),
      'idcheck.projects[0].projections[0].mode: expected "exclude"',
    ],
    [
      'a projection field outside the allow-list',
      (f: any) => f.idcheck.projects[0].projections[0].fields.push('name'),
      'idcheck.projects[0].projections[0].fields[2]: expected a projection field name',
    ],
    [
      'duplicate projection names',
      (f: any) =>
        f.idcheck.projects[0].projections.push({
          ...f.idcheck.projects[0].projections[0],
          projection_id: 'abcdefghijklm',
        }),
      'idcheck.projects[0].projections[1]: duplicate projection name hide_birth',
    ],
    [
      'a text over 10,000 characters',
      (f: any) => (f.textAssessment.accounts[0].texts[0].text = 'x'.repeat(10_001)),
      'textAssessment.accounts[0].texts[0].text: expected a string of at most 10,000 characters',
    ],
  ])('refuses %s', (_name, change, message) => {
    const fixture = structuredClone(defaultFixture) as any;
    change(fixture);
    expect(() => createMockState(fixture)).toThrow(new FixtureError(message));
  });

  it('refuses a fixture nested too deep to store, as a FixtureError', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20_000; i++) {
      const next: Record<string, unknown> = {};
      deep.next = next;
      deep = next;
    }
    const fixture = structuredClone(defaultFixture) as any;
    fixture.idcheck.projects[1].submissions[0].data = root;
    expect(() => createMockState(fixture)).toThrow(FixtureError);
  });
});
