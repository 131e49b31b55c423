import { describe, expect, it } from 'vitest';
import {
  auth,
  BIG,
  expectEqual,
  json,
  key,
  one,
  prefer,
  serverError,
  ta,
  tooLarge,
  withoutExtra,
} from '../../src/cases/build.js';
import { answer, fakeCtx } from '../support/fake.js';

describe('cases/build', () => {
  const ctx = fakeCtx(() => answer(200, {}), {
    apiKey: 'k1',
    sealedApiKey: 'k2',
    token: 't1',
    accountId: 'acc/1',
    version: 'v2.3.0',
  });

  it('builds the request parts: JSON bodies, keys, tokens, text-assessment paths, Prefer', () => {
    expect(json({ a: 'b' }, { x: 1 })).toEqual({
      headers: { a: 'b', 'content-type': 'application/json' },
      body: '{"x":1}',
    });
    expect(key(ctx)).toEqual({ 'x-api-key': 'k1' });
    expect(key(ctx, 'sealedApiKey')).toEqual({ 'x-api-key': 'k2' });
    expect(auth(ctx)).toEqual({ authorization: 'Token token=t1' });
    expect(auth(ctx, 'other')).toEqual({ authorization: 'Token token=other' });
    expect(ta(ctx, '/text/x')).toBe('/v2.3.0/account/acc%2F1/text/x');
    expect(ta(ctx, '/text/x', 'v9.0.0')).toBe('/v9.0.0/account/acc%2F1/text/x');
    expect(prefer('code=500')).toEqual({ prefer: 'code=500' });
    expect(BIG.length).toBe(1024 * 1024 + 16);
  });

  it('expectEqual says nothing when equal, and shows a difference with personal values redacted', () => {
    expect(expectEqual({ a: [1] }, { a: [1] }, 'body')).toEqual([]);
    expect(expectEqual({ first_name: 'Ada', n: 1 }, { first_name: 'Bob', n: 2 }, 'body')).toEqual([
      'body: expected {"first_name":"[redacted]","n":2}, got {"first_name":"[redacted]","n":1}',
    ]);
  });

  it('one() sends its one request and hands check no extra data', async () => {
    const c = one({
      operationId: 'listProjections',
      title: 't',
      status: 200,
      needs: [],
      request: () => ({ method: 'GET', path: '/v3/projection' }),
    });
    const outcome = await c.run(ctx);
    expect(outcome.extra).toBeUndefined();
    expect(outcome.res.request).toEqual({ method: 'GET', path: '/v3/projection' });
    expect(await withoutExtra(outcome.res)).toEqual({ res: outcome.res, extra: undefined });
  });

  it('tooLarge() sends a JSON body over 1 MiB on the request it is given', async () => {
    const c = tooLarge('getSubmission', 'Request Entity Too Large', ['apiKey'], (x) => ({
      method: 'GET',
      path: '/v3/submission',
      headers: key(x),
    }));
    expect(c).toMatchObject({
      status: 413,
      documented: 'Request Entity Too Large',
      message: 'Request Entity Too Large',
      invalid: true,
    });
    const { res } = await c.run(ctx);
    expect(res.request).toEqual({
      method: 'GET',
      path: '/v3/submission',
      headers: { 'x-api-key': 'k1', 'content-type': 'application/json' },
      body: BIG,
    });
  });

  it('serverError() asks for the documented 500 with Prefer: code=500 and needs the controls', async () => {
    const c = serverError('deleteAuthorSubmissions', 'internal server error', ['account'], (x) => ({
      method: 'DELETE',
      path: ta(x, '/author/a-1'),
      headers: auth(x),
    }));
    expect(c).toMatchObject({
      title: 'failing on the server (Prefer: code=500)',
      status: 500,
      documented: 'internal server error',
      message: 'internal server error',
      needs: ['account', 'controls'],
    });
    const { res } = await c.run(ctx);
    expect(res.request).toEqual({
      method: 'DELETE',
      path: '/v2.3.0/account/acc%2F1/author/a-1',
      headers: { authorization: 'Token token=t1', prefer: 'code=500' },
    });
  });
});
