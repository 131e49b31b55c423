// The SDK refuses locally exactly what the mock refuses, with the same status and body: for random
// partial-delete parameters and author ids, a local refusal (`sent: false`) equals the mock's answer
// to the same request, and input the SDK sends is input the mock's request rules accept.

import { createHandlers, createMockState, handleRequest, isFault, type MockState, toMockRequest } from '@scrub/mocks';
import { APIError, createIdCheckClient, createTextAssessmentClient } from '@scrub/sdk';
import { dataFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The mock's answer to a request, straight from the core (no SDK in between). */
function mockAnswer(state: MockState, method: string, url: string, headers: Record<string, string>) {
  const result = handleRequest(state, toMockRequest({ method, url, headers }));
  if (!result || result instanceof Promise || isFault(result)) throw new Error(`unexpected mock result for ${url}`);
  return { status: result.status, body: JSON.parse(result.body ?? 'null') as unknown };
}

/** A `fetch` answered by the mock core, so the SDK's sent requests reach the same state. */
function coreFetch(state: MockState): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const result = handleRequest(
      state,
      toMockRequest({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body ? await request.text() : undefined,
      }),
    );
    const answered = await result;
    if (!answered || isFault(answered)) throw new TypeError('fetch failed');
    return new Response(answered.body ?? null, { status: answered.status, headers: answered.headers });
  };
}

const name = (valid: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    fc.constantFrom(
      '',
      ' ',
      ',',
      ' , ',
      'ocr_raw',
      'Data',
      'mid_name',
      'first-name',
      'a b',
      'é',
      '__proto__',
      'data,email',
    ),
    fc.string({ maxLength: 12 }),
  );
const names = (valid: readonly string[]) => fc.array(name(valid), { maxLength: 4 });

describe('SDK local refusals equal the mock', () => {
  it('partial delete: random submission ids, fields and data fields', async () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    const client = createIdCheckClient({
      apiKey: 'test-api-key',
      baseUrl: 'http://mock.test',
      fetch: coreFetch(state),
      maxRetries: 0,
    });
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('s1', 's2', 'nope', ''),
        names(submissionFieldValues),
        fc.option(names(dataFieldValues), { nil: undefined }),
        async (submissionId, fields, dataFields) => {
          const outcome = await client.submissions
            .partialDelete({ submissionId, fields: fields as never, dataFields: dataFields as never })
            .then(
              () => ({ status: 200 }),
              (error: unknown) => error,
            );
          const q = new URLSearchParams({ submission_id: submissionId, fields: fields.join(',') });
          if (dataFields !== undefined) q.set('data_fields', dataFields.join(','));
          const answer = mockAnswer(state, 'DELETE', `/v3/submission/partial?${q}`, { 'x-api-key': 'test-api-key' });
          if (outcome instanceof APIError && !outcome.sent) {
            refused++;
            expect({ status: outcome.status, body: outcome.body }).toEqual(answer);
          } else {
            // sent: the mock's request rules accepted it (only the submission's existence may fail), and the
            // SDK says so
            expect(
              answer.status === 200 ||
                (answer.body as { errorCode?: string }).errorCode === 'not Exist Submission Data',
              JSON.stringify(answer),
            ).toBe(true);
            if (outcome instanceof APIError)
              expect({ sent: outcome.sent, status: outcome.status, code: outcome.code }).toEqual({
                sent: true,
                status: 400,
                code: 'not Exist Submission Data',
              });
            else expect(outcome).toEqual({ status: 200 });
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(refused).toBeGreaterThan(50); // the generators reach the refusals, not only the happy path
  });

  it('author delete: random author ids', async () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    const client = createTextAssessmentClient({
      accountId: 'demo-account',
      token: 'demo-token',
      baseUrl: 'http://mock.test',
      fetch: coreFetch(state),
      maxRetries: 0,
    });
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 50 }),
          fc.string({ unit: fc.constantFrom('a', 'Z', '7', '-'), minLength: 1, maxLength: 60 }),
          fc.constantFrom('learner-1', 'x'.repeat(40), 'x'.repeat(41), 'é'.repeat(41), 'a_b', 'a b', '%41'),
        ),
        async (authorId) => {
          const outcome = await client.authors.delete(authorId).then(
            () => ({ status: 200 }),
            (error: unknown) => error,
          );
          const answer = mockAnswer(
            state,
            'DELETE',
            `/v2.3.0/account/demo-account/author/${encodeURIComponent(authorId)}`,
            { authorization: 'Token token=demo-token' },
          );
          if (outcome instanceof APIError && !outcome.sent) {
            refused++;
            expect({ status: outcome.status, body: outcome.body }).toEqual(answer);
          } else {
            expect(answer.status, JSON.stringify(answer)).toBe(200);
            expect(outcome).toEqual({ status: 200 });
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(50);
  });
});

// msw is what users wire the handlers into; one run through it shows the same refusal reaches them unchanged
it('the same refusal through MSW handlers', async () => {
  const { setupServer } = await import('msw/node');
  const server = setupServer(...createHandlers(createMockState()));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const response = await fetch(
      'https://rest-api.argosidentity.com/v3/submission/partial?submission_id=s1&fields=ocr_raw',
      { method: 'DELETE', headers: { 'x-api-key': 'test-api-key' } },
    );
    const local: unknown = await createIdCheckClient({ apiKey: 'test-api-key' })
      .submissions.partialDelete({ submissionId: 's1', fields: ['ocr_raw' as never] })
      .catch((e: unknown) => e);
    expect(local).toBeInstanceOf(APIError);
    expect({ status: (local as APIError).status, body: (local as APIError).body }).toEqual({
      status: response.status,
      body: await response.json(),
    });
  } finally {
    server.close();
  }
});
