// Local refusals: the server's own rules applied before sending, answered with the documented 400.
import { describe, expect, it } from 'vitest';
import { BadRequestError, createIdCheckClient, createTextAssessmentClient, isAPIError } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const client = (fetch: typeof globalThis.fetch) =>
  createIdCheckClient({ apiKey: 'sk-secret-key', baseUrl: 'http://api.test', fetch });

describe('local refusals: the documented error, no request', () => {
  const f = fakeFetch(json(500, {}));
  const id = client(f.fetch);
  const ta = createTextAssessmentClient({ accountId: 'acc', token: 'tok', baseUrl: 'http://api.test', fetch: f.fetch });

  it.each([
    [
      'unknown field (plain JS)',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: ['data', 'bogus' as never] }),
      'invalid fields found in fields: bogus',
    ],
    [
      'no fields',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: [] }),
      'fields parameter is required and cannot be empty',
    ],
    [
      'no submission id',
      () => id.submissions.partialDelete({ submissionId: '', fields: ['email'] }),
      'submission_id is required',
    ],
    [
      'data_fields without data',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: ['email'], dataFields: ['first_name'] }),
      'data_fields parameter is not allowed when fields does not include data',
    ],
    [
      'unknown data field',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: ['data'], dataFields: ['mid_name' as never] }),
      'invalid fields found in data_fields: mid_name',
    ],
    ['author id too long', () => ta.authors.delete('a'.repeat(41)), 'id too long'],
    ['author id charset', () => ta.authors.delete('learner_1'), 'id must only contain alphanumerics and hyphens'],
    [
      'a bad character in fields (the server checks format before names)',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: ['data', 'ocr-raw' as never] }),
      'invalid format for fields: invalid character "-" at position 2',
    ],
    [
      'only blanks in fields',
      () => id.submissions.partialDelete({ submissionId: 's1', fields: [' ' as never] }),
      'fields cannot be empty',
    ],
    [
      'an empty name in data_fields',
      () =>
        id.submissions.partialDelete({ submissionId: 's1', fields: ['data'], dataFields: ['first_name', '' as never] }),
      'invalid format for data_fields: empty name at position 2',
    ],
  ])('%s', async (_name, run, code) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(isAPIError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code, sent: false });
    expect(f.calls).toHaveLength(0);
  });

  it('plain JS: what is checked is what is sent (a string where a list is typed)', async () => {
    const g = fakeFetch(
      json(200, {
        message: 'success',
        submission_id: 's1',
        deleted: { fields: ['data'], data_fields: ['first_name'] },
      }),
    );
    const plain = client(g.fetch);
    await plain.submissions.partialDelete({
      submissionId: 's1',
      fields: 'data' as never,
      dataFields: 'first_name' as never,
    });
    expect(g.calls.map((c) => c.url)).toEqual([
      'http://api.test/v3/submission/partial?submission_id=s1&fields=data&data_fields=first_name',
    ]);
    const refused = await plain.submissions
      .partialDelete({ submissionId: 's1', fields: 'email' as never, dataFields: 'first_name' as never })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 400,
      code: 'data_fields parameter is not allowed when fields does not include data',
      sent: false,
    });
    expect(g.calls).toHaveLength(1);
  });

  it('the local error body has the area envelope', async () => {
    const a = await id.submissions
      .partialDelete({ submissionId: 's1', fields: ['email'], dataFields: [] })
      .catch((e) => e);
    expect(a.body).toEqual({ errorCode: 'data_fields parameter is not allowed when fields does not include data' });
    const b = await ta.authors.delete('x'.repeat(41)).catch((e) => e);
    expect(b.body).toEqual({ type: 'error', code: 400, message: 'id too long' });
  });
});
