// Error classes: one per failure kind, `instanceof` across duplicate copies of the SDK, no secrets
// in messages, JSON, inspect output or logs.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import * as sdk from '../src/index.js';
import { fakeFetch, json } from './support/fake-fetch.js';

describe('error classes', () => {
  it('map each documented status to its class, all APIError and ScrubError', async () => {
    const cases: [number, unknown, string, typeof sdk.APIError][] = [
      [400, { errorCode: 'not Exist Submission Data' }, 'BadRequestError', sdk.BadRequestError],
      [
        401,
        { type: 'error', code: 401, message: 'invalid authentication credentials' },
        'AuthenticationError',
        sdk.AuthenticationError,
      ],
      [403, { message: 'Forbidden' }, 'PermissionDeniedError', sdk.PermissionDeniedError],
      [404, { message: 'Projection not found' }, 'NotFoundError', sdk.NotFoundError],
      [
        405,
        { message: 'Method not allowed for /projections path' },
        'MethodNotAllowedError',
        sdk.MethodNotAllowedError,
      ],
      [409, { message: 'Projection count limit exceeded' }, 'ConflictError', sdk.ConflictError],
      [413, { message: 'Request Entity Too Large' }, 'PayloadTooLargeError', sdk.PayloadTooLargeError],
      [500, { message: 'Internal server error' }, 'InternalServerError', sdk.InternalServerError],
      [502, { message: 'Bad Gateway' }, 'InternalServerError', sdk.InternalServerError],
    ];
    for (const [status, body, name, Class] of cases) {
      const f = fakeFetch(json(status, body));
      const client = sdk.createIdCheckClient({
        apiKey: 'k',
        baseUrl: 'http://api.test',
        fetch: f.fetch,
        maxRetries: 0,
      });
      const error = await client.projections.get('x').catch((e) => e);
      expect(error, name).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(sdk.APIError);
      expect(error).toBeInstanceOf(sdk.ScrubError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.body).toEqual(body);
      expect(error.headers.get('content-type')).toBe('application/json');
      expect(error.code).toBe(
        (body as { errorCode?: string; message?: string }).errorCode ?? (body as { message: string }).message,
      );
    }
  });

  it('instanceof works across two copies of the SDK module', async () => {
    vi.resetModules();
    const other = await import('../src/errors.js?copy=1' as string);
    expect(other.BadRequestError).not.toBe(sdk.BadRequestError);
    const foreign = new other.BadRequestError({ status: 400, code: 'x', body: {}, operation: 'getSubmission' });
    expect(foreign).toBeInstanceOf(sdk.BadRequestError);
    expect(foreign).toBeInstanceOf(sdk.APIError);
    expect(sdk.isAPIError(foreign)).toBe(true);
    expect(foreign).not.toBeInstanceOf(sdk.NotFoundError);
    expect(new sdk.APITimeoutError('t')).toBeInstanceOf(other.APIConnectionError);
    expect(new sdk.APIUserAbortError('a')).not.toBeInstanceOf(other.APIConnectionError);
    expect({ name: 'BadRequestError' }).not.toBeInstanceOf(sdk.BadRequestError);
  });

  it('isAPIError narrows by operation', async () => {
    const f = fakeFetch(json(400, { errorCode: 'not Exist Submission Data' }));
    const client = sdk.createIdCheckClient({ apiKey: 'k', baseUrl: 'http://api.test', fetch: f.fetch });
    const error = await client.submissions.partialDelete({ submissionId: 'nope', fields: ['email'] }).catch((e) => e);
    expect(sdk.isAPIError(error, 'partialDeleteSubmission')).toBe(true);
    expect(sdk.isAPIError(error, 'createProjection')).toBe(false);
    if (sdk.isAPIError(error, 'partialDeleteSubmission')) {
      // the literal union of the operation's documented messages
      const code: sdk.ErrorMessages['partialDeleteSubmission'] = error.code;
      expect(code).toBe('not Exist Submission Data');
    }
  });
});

describe('secrets never leak', () => {
  const apiKey = 'sk-live-0123456789abcdef';
  const token = 'tok-live-fedcba9876543210';

  it('not in errors (message, stack, JSON, inspect), clients or log lines', async () => {
    const lines: string[] = [];
    const f = fakeFetch(json(400, { errorCode: 'invalid API key for this project' }));
    const id = sdk.createIdCheckClient({
      apiKey,
      baseUrl: 'http://api.test',
      fetch: f.fetch,
      log: (l) => lines.push(l),
    });
    const ta = sdk.createTextAssessmentClient({
      accountId: 'acc',
      token,
      baseUrl: 'http://api.test',
      fetch: fakeFetch(json(401, { type: 'error', code: 401, message: 'invalid authentication credentials' })).fetch,
      log: (l) => lines.push(l),
    });
    const errors = [
      await id.submissions.partialDelete({ submissionId: 's1', fields: ['email'] }).catch((e) => e),
      await ta.authors.delete('learner-1').catch((e) => e),
      await sdk
        .createIdCheckClient({
          apiKey,
          baseUrl: 'http://api.test',
          fetch: fakeFetch(new TypeError('connect ECONNREFUSED')).fetch,
          maxRetries: 0,
        })
        .projections.list()
        .catch((e) => e),
      await sdk
        .createIdCheckClient({
          apiKey,
          baseUrl: 'http://api.test',
          fetch: fakeFetch('hang').fetch,
          maxRetries: 0,
          timeout: 20,
        })
        .projections.list()
        .catch((e) => e),
    ];
    const seen = [
      ...errors.flatMap((e) => [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10 }), String(e)]),
      inspect(id, { depth: 10, showHidden: true }),
      inspect(ta, { depth: 10, showHidden: true }),
      JSON.stringify(id),
      ...lines,
    ].join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^DELETE \/v3\/submission\/partial 400 \d+ms$/);
    expect(seen).not.toContain(apiKey);
    expect(seen).not.toContain(token);
    expect(errors[0]).toBeInstanceOf(sdk.BadRequestError);
    expect(errors[1]).toBeInstanceOf(sdk.AuthenticationError);
  });

  it('clients refuse to start without credentials, naming the option only', () => {
    expect(() => sdk.createIdCheckClient({ apiKey: '' })).toThrow('createIdCheckClient: `apiKey` is required.');
    expect(() => sdk.createTextAssessmentClient({ accountId: 'a', token: '' })).toThrow(
      'createTextAssessmentClient: `token` is required.',
    );
  });
});
