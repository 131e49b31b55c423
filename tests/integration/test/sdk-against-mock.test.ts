// The SDK against the mock, two ways: MSW `setupServer` in-process, and the standalone server over
// real HTTP. Every client method, its documented errors as typed classes, encryption round trips.
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { createHandlers, createMockState, defaultFixture } from '@scrub/mocks';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createIdCheckClient,
  createTextAssessmentClient,
  isAPIError,
  NotFoundError,
  PermissionDeniedError,
} from '@scrub/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

interface Target {
  name: string;
  baseUrl: string;
  state: ReturnType<typeof createMockState>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function msw(): Target {
  const state = createMockState();
  const server = setupServer(
    ...createHandlers(state, { baseUrl: 'https://rest-api.argosidentity.com' }),
    ...createHandlers(state, { baseUrl: 'https://api.englishlanguageitutoring.com' }),
  );
  return {
    name: 'MSW handlers (default production base URLs)',
    baseUrl: '',
    state,
    start: async () => server.listen({ onUnhandledRequest: 'error' }),
    stop: async () => server.close(),
  };
}

function http(): Target {
  let running: RunningMockServer | undefined;
  return {
    name: 'standalone server over HTTP',
    get baseUrl() {
      return running?.url ?? '';
    },
    get state() {
      if (!running) throw new Error('the server is not started yet');
      return running.state;
    },
    start: async () => {
      running = await startMockServer();
    },
    stop: async () => void (await running?.close(0)),
  };
}

describe.each([msw(), http()])('SDK against $name', (target) => {
  beforeAll(() => target.start());
  afterAll(() => target.stop());
  beforeEach(() => target.state.load(defaultFixture));

  const base = () => (target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const id = (apiKey = 'test-api-key', extra = {}) => createIdCheckClient({ apiKey, ...base(), ...extra });
  const ta = (token = 'demo-token') => createTextAssessmentClient({ accountId: 'demo-account', token, ...base() });

  it('partialDelete deletes exactly the named parts', async () => {
    const client = id();
    const before = await client.submissions.get('s1');
    const result = await client.submissions.partialDelete({
      submissionId: 's1',
      fields: ['data', 'selfie_image'],
      dataFields: ['first_name', 'last_name'],
    });
    expect(result).toEqual({
      message: 'success',
      submission_id: 's1',
      deleted: { fields: ['data', 'selfie_image'], data_fields: ['first_name', 'last_name'] },
    });
    const after = await client.submissions.get('s1');
    expect(after.data).not.toHaveProperty('first_name');
    expect(after.data).not.toHaveProperty('last_name');
    expect(after.data).toHaveProperty('full_name', before.data!.full_name);
    expect(after.image).not.toHaveProperty('selfieImage');
    expect(after.image).toHaveProperty('idImage');
  });

  it('documented errors arrive as typed errors with the exact message', async () => {
    const e1 = await id()
      .submissions.partialDelete({ submissionId: 'missing', fields: ['email'] })
      .catch((e) => e);
    expect(e1).toBeInstanceOf(BadRequestError);
    expect(e1).toMatchObject({
      status: 400,
      code: 'not Exist Submission Data',
      body: { errorCode: 'not Exist Submission Data' },
      sent: true,
    });
    const e2 = await id('orphan-api-key')
      .projections.list()
      .catch((e) => e);
    expect(e2).toBeInstanceOf(PermissionDeniedError);
    expect(e2.code).toBe('Forbidden');
    const e3 = await id()
      .projections.get('zzzzzzzzzzzzz')
      .catch((e) => e);
    expect(e3).toBeInstanceOf(NotFoundError);
    expect(isAPIError(e3, 'getProjection') && e3.code).toBe('Projection not found');
    const e4 = await ta('wrong')
      .authors.delete('learner-1')
      .catch((e) => e);
    expect(e4).toBeInstanceOf(AuthenticationError);
    expect(e4.body).toEqual({ type: 'error', code: 401, message: 'invalid authentication credentials' });
  });

  it('reads by user id and email; projections hide fields until deleted', async () => {
    const client = id();
    expect((await client.submissions.list({ userid: 'user-2' })).map((s) => s.submission_id)).toEqual(['s2']);
    expect((await client.submissions.list({ email: 'john.smith@example.com', count: 5 }))[0]!.data).not.toHaveProperty(
      'date_of_birth',
    );
    await client.projections.delete('hidebirth0001');
    expect((await client.submissions.get('s3')).data).toHaveProperty('date_of_birth');
  });

  it('projection lifecycle and the limit of 10', async () => {
    const client = id('other-api-key');
    const created = await client.projections.create({ name: 'hide_names', fields: ['first_name', 'last_name'] });
    expect(created.message).toBe('Create projection success');
    expect(await client.projections.get(created.projection_id)).toMatchObject({
      name: 'hide_names',
      mode: 'exclude',
      fields: ['first_name', 'last_name'],
    });
    await expect(client.projections.create({ name: 'hide_names', fields: ['gender'] })).rejects.toMatchObject({
      status: 409,
      code: 'Projection name already exists',
    });
    for (let i = 0; i < 9; i++) await client.projections.create({ name: `p${i}`, fields: ['gender'] });
    const limit = await client.projections.create({ name: 'eleventh', fields: ['gender'] }).catch((e) => e);
    expect(limit).toBeInstanceOf(ConflictError);
    expect(limit.code).toBe('Projection count limit exceeded');
    expect(await client.projections.list()).toHaveLength(10);
    expect(await client.projections.delete(created.projection_id)).toEqual({ message: 'Delete projection success' });
    expect(await client.projections.list()).toHaveLength(9);
  });

  it('encryption: sealed requests and responses round-trip against the sealed project', async () => {
    const client = id('encrypted-api-key', { encryption: true });
    const created = await client.projections.create({ name: 'sealed_names', fields: ['first_name'] });
    expect(created.projection_id).toMatch(/^[a-z0-9]{13}$/);
    expect((await client.projections.list()).map((p) => p.name)).toEqual(['sealed_names']);
    expect((await client.submissions.get('e1')).submission_id).toBe('e1');
    expect(await client.submissions.partialDelete({ submissionId: 'e1', fields: ['email'] })).toEqual({
      message: 'success',
      submission_id: 'e1',
      deleted: { fields: ['email'], data_fields: [] },
    });
    // without the option, the SDK says what is wrong instead of returning ciphertext
    await expect(id('encrypted-api-key').projections.list()).rejects.toThrow(
      'create the client with `encryption: true`',
    );
  });

  it('text assessment: submit, wait past results_not_ready, delete by author idempotently', async () => {
    const client = ta();
    expect(
      await client.texts.submit('essay-1', {
        text: 'I has a dog. It run fast!',
        author_id: 'learner-7',
        task_id: 'task-1',
      }),
    ).toEqual({ type: 'success', code: 200 });
    expect(await client.texts.results('essay-1')).toEqual({ type: 'results_not_ready', code: 200 });
    const results = await client.texts.waitForResults('essay-1', { interval: 10 });
    expect(results.type).toBe('success');
    expect(results.text_stats?.word_count).toBe(7);
    const first = await client.authors.delete('learner-7');
    expect(first.submissions_deleted).toBe(1);
    expect(await client.authors.delete('learner-7')).toEqual(first);
    await expect(client.texts.results('essay-1')).rejects.toMatchObject({ status: 404, code: 'submission not found' });
    await expect(
      client.texts.submit('essay-1', { text: 'again', author_id: 'learner-7', task_id: 'task-1' }),
    ).rejects.toMatchObject({ status: 400, code: 'id already used' });
  });
});
