// Frontend-style tests steering the mock while app code owns its requests: an armed error reaches the
// SDK once (no retries, the journal shows one request), and a lost answer (`apply-then-reset`)
// resolves as the SDK documents.

import { createHandlers, createMockState } from '@scrub/mocks';
import { ConflictError, createIdCheckClient, createTextAssessmentClient, InternalServerError } from '@scrub/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const state = createMockState(undefined, { onWarning: () => {} });
const server = setupServer(...createHandlers(state));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => state.reset());
afterAll(() => server.close());

// the app's own client, with its default retries (2) and backoff
const app = () => createIdCheckClient({ apiKey: 'test-api-key' });

describe('arming the mock under app code', () => {
  it('an armed 500 is an InternalServerError after one request (armed answers say x-should-retry: false)', async () => {
    state.arm({ operationId: 'listProjections', status: 500 });
    const started = performance.now();
    const error = await app()
      .projections.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'Internal server error', operation: 'listProjections' });
    expect(state.requests({ operationId: 'listProjections' })).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(400); // no backoff was waited
    // what the SDK honoured: the armed answer's own header
    state.arm({ operationId: 'listProjections', status: 500 });
    const raw = await fetch('https://rest-api.argosidentity.com/v3/projection', {
      headers: { 'x-api-key': 'test-api-key' },
    });
    expect([raw.status, raw.headers.get('x-should-retry')]).toEqual([500, 'false']);
  });

  it('an armed 409 by message, with the documented body', async () => {
    state.arm({ operationId: 'createProjection', message: 'Projection count limit exceeded' });
    const error = await app()
      .projections.create({ name: 'eleventh', fields: ['gender'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 'Projection count limit exceeded',
      body: { message: 'Projection count limit exceeded' },
    });
  });

  it('apply-then-reset: the delete happened, the answer was lost, the retry finds it gone: a success', async () => {
    state.arm({ operationId: 'deleteProjection', fault: 'apply-then-reset' });
    await expect(app().projections.delete('hidebirth0001')).resolves.toEqual({ message: 'Delete projection success' });
    expect(state.idcheck.projects.get('demo')!.projections).toEqual([]);
    expect(state.requests({ operationId: 'deleteProjection' }).map((r) => [r.status, r.fault])).toEqual([
      [0, 'apply-then-reset'],
      [404, null],
    ]);
  });

  it('apply-then-reset on a text submit: the retry meets "id already used" and resolves as success', async () => {
    state.arm({ operationId: 'submitText', fault: 'apply-then-reset' });
    const elit = createTextAssessmentClient({ accountId: 'demo-account', token: 'demo-token' });
    await expect(
      elit.texts.submit('lost-1', { text: 'Hello.', author_id: 'learner-1', task_id: 'task-1' }),
    ).resolves.toEqual({ type: 'success', code: 200 });
    expect(state.textAssessment.accounts.get('demo-account')!.texts.has('lost-1')).toBe(true);
  });

  it('the journal shows what the app sent, never its credentials', async () => {
    await app().submissions.partialDelete({
      submissionId: 's1',
      fields: ['data'],
      dataFields: ['first_name'],
      adminName: 'Ann',
    });
    const [entry] = state.requests({ operationId: 'partialDeleteSubmission' });
    expect(entry).toMatchObject({
      method: 'DELETE',
      path: '/v3/submission/partial',
      query: { submission_id: ['s1'], fields: ['data'], data_fields: ['first_name'], admin_name: ['Ann'] },
      status: 200,
    });
    expect(JSON.stringify(state.requests())).not.toContain('test-api-key');
  });
});
