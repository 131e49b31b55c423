// Property tests over the mock core: partial delete removes exactly what was named, and no request,
// however malformed, gets a 5xx or changes state when it is refused.

import { dataFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMockState,
  defaultFixture,
  type Fixture,
  handleRequest,
  isFault,
  type MockResponse,
  toMockRequest,
} from '../src/index.js';

const KEY = 'test-api-key';

async function send(
  state: ReturnType<typeof createMockState>,
  input: Parameters<typeof toMockRequest>[0],
): Promise<MockResponse> {
  const result = await handleRequest(state, toMockRequest(input));
  if (!result || isFault(result)) throw new Error('expected a response');
  return result;
}

// ------------------------------------------------------------------------------------------------
// partial delete: exact effect
// ------------------------------------------------------------------------------------------------
const jsonValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string()),
);

const submissionArb = fc.record({
  topLevel: fc.dictionary(
    fc.constantFrom(
      ...submissionFieldValues.filter((f) => !['id_image', 'selfie_image', 'data', 'email', 'userid'].includes(f)),
    ),
    jsonValue,
  ),
  ids: fc.record({ email: fc.emailAddress(), userid: fc.string() }, { requiredKeys: [] }),
  data: fc.option(
    fc.tuple(
      fc.dictionary(fc.constantFrom(...dataFieldValues), fc.string()),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
    ),
    { nil: undefined },
  ),
  image: fc.option(
    fc.dictionary(fc.constantFrom('idImage', 'idBackImage', 'selfieImage', 'addressImage'), fc.string()),
    { nil: undefined },
  ),
  extra: fc.dictionary(fc.constantFrom('kyc', 'created_at', 'reviewer', 'memo'), jsonValue),
});

const requestArb = fc.record({
  fields: fc.array(fc.constantFrom(...submissionFieldValues), { minLength: 1, maxLength: 6 }),
  dataFields: fc.option(fc.array(fc.constantFrom(...dataFieldValues), { maxLength: 6 }), { nil: undefined }),
  spaces: fc.boolean(),
});

describe('partial delete removes exactly what the request named', () => {
  it('holds for random submissions and random field choices', async () => {
    await fc.assert(
      fc.asyncProperty(submissionArb, requestArb, async (shape, request) => {
        const submission: Record<string, unknown> = {
          submission_id: 'x1',
          ...shape.extra,
          ...shape.ids,
          ...shape.topLevel,
        };
        if (shape.data) submission.data = { ...shape.data[1], ...shape.data[0] };
        if (shape.image) submission.image = shape.image;
        const bystander = { submission_id: 'x2', ...structuredClone(submission), email: 'keep@example.com' };
        bystander.submission_id = 'x2';
        const fixture: Fixture = structuredClone(defaultFixture);
        fixture.idcheck.projects[0]!.submissions = [submission as never, bystander as never];
        const state = createMockState(fixture);

        const fields = request.fields;
        const dataFields = fields.includes('data') ? request.dataFields : undefined;
        const sep = request.spaces ? ' , ' : ',';
        let url = `/v3/submission/partial?submission_id=x1&fields=${encodeURIComponent(fields.join(sep))}`;
        if (dataFields !== undefined) url += `&data_fields=${encodeURIComponent(dataFields.join(sep))}`;
        const response = await send(state, { method: 'DELETE', url, headers: { 'x-api-key': KEY } });

        expect(response.status).toBe(200);
        const unique = <T>(xs: T[]) => [...new Set(xs)];
        expect(JSON.parse(response.body!)).toEqual({
          message: 'success',
          submission_id: 'x1',
          deleted: { fields: unique(fields), data_fields: unique(dataFields ?? []) },
        });

        // the model: what the docs say should be left
        const expected = structuredClone(submission) as Record<string, any>;
        for (const field of fields) {
          if (field === 'id_image') {
            if (expected.image) {
              delete expected.image.idImage;
              delete expected.image.idBackImage;
            }
          } else if (field === 'selfie_image') {
            if (expected.image) delete expected.image.selfieImage;
          } else if (field === 'data') {
            if (dataFields?.length) for (const key of dataFields) delete expected.data?.[key];
            else if ('data' in expected) expected.data = {};
          } else delete expected[field];
        }
        const stored = state.idcheck.projects.get('demo')!.submissions;
        expect(JSON.stringify(stored.get('x1'))).toBe(JSON.stringify(expected));
        expect(JSON.stringify(stored.get('x2'))).toBe(JSON.stringify(bystander));
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// robustness: random requests per operation never get a 5xx, and refused ones change nothing
// ------------------------------------------------------------------------------------------------
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '%', '%zz', '%00', '..', 'OCR_raw', 'data', ',', ' ', ''),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ minLength: 500, maxLength: 5000 }),
);
const segment = fc.oneof(
  nasty.map((s) => encodeURIComponent(s)),
  nasty.map((s) => s.replace(/[/?#]/g, '')),
);
const queryArb = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom('submission_id', 'fields', 'data_fields', 'admin_name', 'userid', 'email', 'count'),
      nasty,
    ),
    nasty,
  ),
  { maxLength: 6 },
);
const bodyArb = fc.oneof(
  fc.constant(undefined),
  nasty,
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      { name: nasty, mode: fc.oneof(nasty, fc.constant('exclude')), fields: fc.array(nasty) },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        text: nasty,
        author_id: nasty,
        task_id: nasty,
        session_id: nasty,
        sequence_id: fc.jsonValue(),
        sequence_count: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constant('{"__proto__": {"polluted": true}, "name": "__proto__", "mode": "exclude", "fields": ["__proto__"]}'),
);
const methodArb = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'BREW');
const headersArb = fc.record(
  {
    'x-api-key': fc.oneof(fc.constantFrom(KEY, 'other-api-key', 'orphan-api-key', 'encrypted-api-key'), nasty),
    authorization: fc.oneof(fc.constantFrom('Token token=demo-token', 'Token token=', 'Token'), nasty),
    'content-type': fc.constantFrom('application/json', 'text/plain'),
  },
  { requiredKeys: [] },
);

const operations: Record<string, fc.Arbitrary<string>> = {
  partialDeleteSubmission: fc.constant('/v3/submission/partial'),
  getSubmission: fc.constant('/v3/submission'),
  createProjection: fc.constant('/v3/projection'),
  listProjections: fc.constant('/v3/projection'),
  getProjection: segment.map((id) => `/v3/projection/${id}`),
  deleteProjection: fc.oneof(
    fc.constant('/v3/projection/hidebirth0001'),
    segment.map((id) => `/v3/projection/${id}`),
  ),
  deleteAuthorSubmissions: fc
    .tuple(fc.constantFrom('v2.3.0', 'v2.0.1', 'v9.0.0', 'v2'), fc.constantFrom('demo-account', 'x'), segment)
    .map(([v, a, id]) => `/${v}/account/${a}/author/${id}`),
  submitText: fc
    .tuple(fc.constantFrom('v2.3.0', 'v1.0.0'), segment)
    .map(([v, id]) => `/${v}/account/demo-account/text/${id}`),
  getTextResults: fc
    .tuple(fc.constantFrom('v2.3.0', 'v2.1.0'), fc.oneof(fc.constant('t1'), segment))
    .map(([v, id]) => `/${v}/account/demo-account/text/${id}/results`),
};
const preferredMethod: Record<string, string> = {
  partialDeleteSubmission: 'DELETE',
  getSubmission: 'GET',
  createProjection: 'POST',
  listProjections: 'GET',
  getProjection: 'GET',
  deleteProjection: 'DELETE',
  deleteAuthorSubmissions: 'DELETE',
  submitText: 'PUT',
  getTextResults: 'GET',
};

describe('no request gets a 5xx', () => {
  const state = createMockState();
  for (const [operationId, pathArb] of Object.entries(operations)) {
    it(`${operationId}: 2,000 random requests`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(preferredMethod[operationId]!) },
            { weight: 1, arbitrary: methodArb },
          ),
          pathArb,
          queryArb,
          headersArb,
          bodyArb,
          async (method, path, query, headers, body) => {
            const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
            const before = JSON.stringify(state.toFixture());
            const response = await send(state, { method, url: search ? `${path}?${search}` : path, headers, body });
            expect(response.status).toBeLessThan(500);
            expect(() => JSON.parse(response.body!)).not.toThrow();
            if (response.status >= 400) expect(JSON.stringify(state.toFixture())).toBe(before);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: 2000 },
      );
      state.reset();
    });
  }
});
