import { describe, expect, it } from 'vitest';
import { recordingOf } from '../../src/recording/record.js';
import { exchange, requestOf } from './support.js';

const auth = (token: string) => ({ authorization: `Token token=${token}` });
const base = '/v2.3.0/account/acct-upstream-1';
const submit = (id: string, body: Record<string, unknown>, token = 'tok-upstream-1') =>
  exchange({
    method: 'PUT',
    url: `${base}/text/${id}`,
    headers: auth(token),
    body,
    answer: { type: 'success', code: 200 },
  });
const poll = (id: string, answer: unknown = { type: 'results_not_ready', code: 200 }) =>
  exchange({ url: `${base}/text/${id}/results`, headers: auth('tok-upstream-1'), answer });

describe('the text-assessment fixture of a recording', () => {
  it('an account per account id, with fresh id and token; texts from submissions, with their ids from the path', () => {
    const r = recordingOf(
      [
        submit('essay-1', {
          text: 'My essay, by Jane.',
          author_id: 'learner-jane',
          task_id: 'task-1',
          session_id: 'sess-1',
          sequence_id: 0,
          sequence_count: 2,
          question_text: 'Why?',
          ignored: 'x',
        }),
        submit('essay-2', { text: 'Another one.', author_id: 'learner-bob', task_id: 'task-1' }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const [account] = r.fixture.textAssessment.accounts;
    expect(account!.id).toMatch(/^rec-account-[a-z0-9]{24}$/);
    expect(account!.token).toMatch(/^rec-token-[a-z0-9]{24}$/);
    expect(r.exchanges[0]!.request.url).toBe(
      `http://staging.test/v2.3.0/account/${account!.id}/text/${account!.texts[0]!.id}`,
    );
    const sent = requestOf(r.exchanges[0]!);
    expect(account!.texts[0]).toEqual({
      id: account!.texts[0]!.id,
      text: sent.text,
      author_id: sent.author_id,
      task_id: 'task-1',
      session_id: sent.session_id,
      sequence_id: 0,
      sequence_count: 2,
      question_text: sent.question_text,
    });
    expect(account!.texts[0]!.id).toMatch(/^[a-z]{5}-\d$/);
    expect(account!.usedTextIds).toEqual(account!.texts.map((t) => t.id));
    expect(r.credentials.textAssessment).toEqual([{ accountId: account!.id, token: account!.token }]);
  });

  it('a polled text counts its polls, so the mock answers results at once', () => {
    const r = recordingOf(
      [
        submit('essay-1', { text: 'x', author_id: 'a1', task_id: 't' }),
        poll('essay-1'),
        poll('essay-1', { type: 'success', code: 200 }),
        poll('essay-9'),
      ],
      { key: 'unit-test-key-000k' },
    );
    expect(r.fixture.textAssessment.accounts[0]!.texts[0]!.polls).toBe(2);
    expect(r.notes).toEqual([
      'exchange 4 (getTextResults): results of a text the recording did not see submitted: not in the fixture',
    ]);
  });

  it("an author's deletion removes their texts, keeps the ids used, and remembers the answer", () => {
    const r = recordingOf(
      [
        submit('essay-1', { text: 'one', author_id: 'learner-del', task_id: 't' }),
        submit('essay-2', { text: 'two', author_id: 'learner-keep', task_id: 't' }),
        exchange({
          method: 'DELETE',
          url: `${base}/author/learner-del`,
          headers: auth('tok-upstream-1'),
          answer: { type: 'success', code: 200, submissions_deleted: 1, timestamp: '2024-05-01T10:00:00Z' },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const [account] = r.fixture.textAssessment.accounts;
    const author = requestOf(r.exchanges[0]!).author_id;
    expect(r.exchanges[2]!.request.url.endsWith(`/author/${author}`)).toBe(true);
    expect(account!.texts.map((t) => t.author_id)).toEqual([requestOf(r.exchanges[1]!).author_id]);
    expect(account!.usedTextIds).toHaveLength(2);
    expect(account!.authorDeletions).toEqual({
      [author]: { submissions_deleted: 1, timestamp: '2024-05-01T10:00:00Z', textsSince: false },
    });
    // a text by that author after the deletion: the mock deletes anew on a repeat
    const later = recordingOf(
      [
        submit('essay-1', { text: 'one', author_id: 'learner-del', task_id: 't' }),
        exchange({
          method: 'DELETE',
          url: `${base}/author/learner-del`,
          headers: auth('tok-upstream-1'),
          answer: { type: 'success', code: 200, submissions_deleted: 1, timestamp: '2024-05-01T10:00:00Z' },
        }),
        submit('essay-3', { text: 'three', author_id: 'learner-del', task_id: 't' }),
      ],
      { key: 'unit-test-key-000k' },
    );
    expect(Object.values(later.fixture.textAssessment.accounts[0]!.authorDeletions!)[0]!.textsSince).toBe(true);
  });

  it('the token is the one a 2xx answer accepted; a wrong one still gets a fresh value, but not the account', () => {
    const wrong = exchange({
      method: 'PUT',
      url: `${base}/text/e`,
      headers: auth('tok-wrong-1'),
      body: { text: 'x', author_id: 'a', task_id: 't' },
      status: 401,
      answer: { type: 'error', code: 401, message: 'invalid authentication credentials' },
    });
    const r = recordingOf([wrong, submit('essay-1', { text: 'x', author_id: 'a', task_id: 't' })], {
      key: 'unit-test-key-000k',
    });
    const [account] = r.fixture.textAssessment.accounts;
    expect(r.fixture.textAssessment.accounts).toHaveLength(1);
    expect(r.exchanges[1]!.request.headers[0]!.value).toBe(`Token token=${account!.token}`);
    expect(r.exchanges[0]!.request.headers[0]!.value).toMatch(/^Token token=rec-token-/);
    expect(r.exchanges[0]!.request.headers[0]!.value).not.toBe(`Token token=${account!.token}`);
    expect(account!.texts).toHaveLength(1);
  });

  it('an account seen without a token is not in the fixture (noted)', () => {
    const r = recordingOf(
      [
        exchange({
          url: `${base}/text/e/results`,
          status: 401,
          answer: { type: 'error', code: 401, message: 'invalid authentication credentials' },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    expect(r.fixture.textAssessment.accounts).toEqual([]);
    expect(r.notes).toEqual(['an account seen without a token: not in the fixture']);
  });
});
