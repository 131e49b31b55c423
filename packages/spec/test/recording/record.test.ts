// End to end: traffic full of unique synthetic personal values and credentials in, and not one of
// them in what may be written (the HAR of the exchanges, the fixture), while relations hold.
import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/crypto.js';
import { ALPHA3 } from '../../src/recording/countries.js';
import { dateLayout } from '../../src/recording/dates.js';
import type { Exchange } from '../../src/recording/exchange.js';
import { toHar } from '../../src/recording/har.js';
import { recordingOf } from '../../src/recording/record.js';
import { identifierProblem } from '../../src/rules/identifier.js';
import { answerOf, exchange, requestOf, sealedAnswer, submissionOf } from './support.js';

const KEY_A = 'upstream-key-aaaa-1111';
const KEY_ENC = 'upstream-key-enc-2222';
const ACCOUNT = 'acct-upstream-3333';
const TOKEN = 'tok-upstream-4444';
const LONG_TEXT = `Essay by Zelda Quorn-Hastings, born 1977-03-09. ${'Lorem ipsum dolor sit amet. '.repeat(400)}`.slice(
  0,
  10_000,
);
const TEXTS = {
  'essay-zq-1': {
    text: 'I am Zelda Quorn-Hastings and I live at 9 Elm Row.',
    author_id: 'author-zq-77',
    session_id: 'sess-zq-9',
    question_text: 'Who are you, Zelda?',
  },
  'essay-zq-2': { text: LONG_TEXT, author_id: 'author-zq-77' },
  'essay-yb-1': { text: 'Yorick Blanchett writes: hello.', author_id: 'author-yb-88' },
};

function traffic(): Exchange[] {
  const one = submissionOf(1);
  // a second submission sharing the first one's email: the relation must survive
  const two = { ...submissionOf(2), email: one.email };
  const enc = submissionOf(3);
  const idcheck = { 'x-api-key': KEY_A };
  const auth = { authorization: `Token token=${TOKEN}` };
  const base = `/v2.3.0/account/${ACCOUNT}`;
  return [
    exchange({ url: `/v3/submission?submission_id=${one.submission_id}`, headers: idcheck, answer: { Items: [one] } }),
    exchange({
      url: `/v3/submission?email=${encodeURIComponent(one.email)}&count=10`,
      headers: idcheck,
      answer: { Items: [one, two] },
    }),
    exchange({
      url: `/v3/submission?userid=${two.userid}&api_key=${KEY_A}`,
      headers: idcheck,
      answer: { Items: [two] },
      answerHeaders: { 'x-request-note': `read for ${two.userid}`, 'set-cookie': `sid=${TOKEN}` },
    }),
    exchange({
      method: 'DELETE',
      url:
        `/v3/submission/partial?submission_id=${two.submission_id}&fields=data,selfie_image` +
        '&data_fields=gender,phoneNumber&admin_name=Admin%20Quentin%20Ravel',
      headers: idcheck,
      answer: {
        message: 'success',
        submission_id: two.submission_id,
        deleted: { fields: ['data', 'selfie_image'], data_fields: ['gender', 'phoneNumber'] },
      },
    }),
    exchange({
      method: 'POST',
      url: '/v3/projection',
      headers: idcheck,
      body: { name: 'hide_names', mode: 'exclude', fields: ['first_name', 'last_name'] },
      answer: { projection_id: 'prj0000000001', message: 'Create projection success' },
    }),
    exchange({
      url: `/v3/submission?submission_id=${enc.submission_id}`,
      headers: { 'x-api-key': KEY_ENC },
      answer: sealedAnswer(KEY_ENC, { Items: [enc] }),
    }),
    exchange({
      url: `/v3/submission?submission_id=nope-${one.userid}`,
      headers: idcheck,
      status: 400,
      answer: { errorCode: 'not Exist Submission Data' },
    }),
    ...Object.entries(TEXTS).map(([id, body]) =>
      exchange({
        method: 'PUT',
        url: `${base}/text/${id}`,
        headers: auth,
        body: { task_id: 'task-essay', ...body },
        answer: { type: 'success', code: 200 },
      }),
    ),
    exchange({
      url: `${base}/text/essay-zq-1/results`,
      headers: auth,
      answer: { type: 'success', code: 200, overall_score: 3.2, textual_errors: [[5, 10, 'Zelda', 'S']] },
    }),
    exchange({
      method: 'DELETE',
      url: `${base}/author/author-yb-88`,
      headers: auth,
      answer: { type: 'success', code: 200, submissions_deleted: 1, timestamp: '2024-05-01T10:00:00Z' },
    }),
  ];
}

/** Every string of the synthetic traffic that is personal or a credential (kept parts aside). */
function originals(): string[] {
  const kept = new Set(['2024-03-01-10-15-30-123', '2024-03-01-10-16-02-456', 'approved']);
  const out = new Set<string>([KEY_A, KEY_ENC, ACCOUNT, TOKEN, 'Admin Quentin Ravel', ...Object.keys(TEXTS)]);
  const collect = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!kept.has(v)) out.add(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
  };
  for (const n of [1, 2, 3]) collect(submissionOf(n));
  collect(Object.values(TEXTS));
  return [...out];
}

describe('recordingOf, end to end', () => {
  const exchanges = traffic();
  const r = recordingOf(exchanges, { key: 'end-to-end-test-key-01' });
  const har = JSON.stringify(toHar(r.exchanges, { name: 'test', version: '0' }));
  const fixture = JSON.stringify(r.fixture, null, 2);

  it('no original personal value or credential is in the written HAR or the fixture (searched one by one)', () => {
    const all = originals();
    expect(all.length).toBeGreaterThan(60);
    for (const original of all) {
      // short ones (country codes) can only be told as whole values; the rest anywhere, in any encoding
      const forms =
        original.length < 6
          ? [JSON.stringify(original), JSON.stringify(JSON.stringify(original)).slice(1, -1)]
          : [original, encodeURIComponent(original), JSON.stringify(original).slice(1, -1)];
      for (const form of forms) {
        expect(har.includes(form), `HAR holds an original (${all.indexOf(original)})`).toBe(false);
        expect(fixture.includes(form), `fixture holds an original (${all.indexOf(original)})`).toBe(false);
      }
    }
    expect(r.leaks(har)).toEqual([]);
    expect(r.leaks(fixture)).toEqual([]);
    for (const note of r.notes) for (const original of all) expect(note.includes(original)).toBe(false);
  });

  it('leaks finds the originals in the traffic as it came, by kind and offset only', () => {
    const raw = JSON.stringify(toHar(exchanges, { name: 'test', version: '0' }));
    const leaks = r.leaks(raw);
    expect(leaks.length).toBeGreaterThan(50);
    for (const kind of [
      'an email',
      'a date',
      'an image URL',
      'an IP address',
      'a personal value',
      'an API key',
      'a token',
      'an account id',
    ])
      expect(leaks.some((l) => l.startsWith(`${kind} at offset `))).toBe(true);
    const all = originals();
    for (const leak of leaks) {
      expect(leak).toMatch(/^[a-zA-Z -]+ at offset \d+$/);
      for (const original of all) if (original.length > 3) expect(leak.includes(original)).toBe(false);
    }
  });

  it('relations hold: a shared email, ids in URLs and bodies, an author in path and body', () => {
    const [first, byEmail, byUser, partial] = r.exchanges;
    const one = answerOf(first!).Items[0];
    const [a, b] = answerOf(byEmail!).Items;
    expect(a.email).toBe(one.email);
    expect(b.email).toBe(one.email);
    expect(b.submission_id).not.toBe(one.submission_id);
    expect(first!.request.url).toBe(`http://staging.test/v3/submission?submission_id=${one.submission_id}`);
    expect(byEmail!.request.url).toBe(
      `http://staging.test/v3/submission?email=${encodeURIComponent(one.email)}&count=10`,
    );
    expect(byUser!.request.url).toContain(`userid=${b.userid}&api_key=${r.credentials.idcheck[0]!.apiKey}`);
    expect(partial!.request.url).toContain(
      `submission_id=${b.submission_id}&fields=data,selfie_image&data_fields=gender,phoneNumber`,
    );
    const texts = r.exchanges.slice(7, 10).map(requestOf);
    expect(texts[0].author_id).toBe(texts[1].author_id);
    expect(r.exchanges[11]!.request.url.endsWith(`/author/${texts[2].author_id}`)).toBe(true);
  });

  it('formats hold: emails, dates, alpha-3 codes, image URLs, IP addresses, ids and text lengths', () => {
    const project = r.fixture.idcheck.projects[0]!;
    for (const s of project.submissions as Record<string, any>[]) {
      expect(s.email).toMatch(/^[a-z0-9]+@example\.com$/);
      expect(ALPHA3).toContain(s.data.nationality);
      expect(ALPHA3).toContain(s.data.idcard_issuingCountry);
      if (s.data.date_of_birth) expect(dateLayout(s.data.date_of_birth)).toEqual({ order: 'ymd', separator: '-' });
      expect(dateLayout(s.data.idcard_issueDate)).toEqual({ order: 'dmy', separator: '.' });
      expect(dateLayout(s.data.idcard_expireDate)).toEqual({ order: 'ymd', separator: '' });
      expect(s.data.ip_address).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(s.image.idImage).toMatch(/^https:\/\/images\.example\.invalid\/[a-z0-9]{20}\.jpg$/);
      expect(s.ocr.birth).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(s.created_at).toBe('2024-03-01-10-15-30-123');
      expect(s.kyc.result).toBe('approved');
    }
    const [account] = r.fixture.textAssessment.accounts;
    for (const t of account!.texts) {
      expect(identifierProblem(t.id)).toBeUndefined();
      expect(identifierProblem(t.author_id)).toBeUndefined();
      expect(t.task_id).toBe('task-essay');
    }
    expect([...account!.texts[1]!.text]).toHaveLength(10_000);
  });

  it('the fixture shows what the traffic did, under fresh credentials', () => {
    const [project, encrypted] = r.fixture.idcheck.projects;
    expect(project!.submissions).toHaveLength(2);
    const deleted = project!.submissions[1] as Record<string, any>;
    expect(deleted.data.gender).toBeUndefined();
    expect(deleted.data.phoneNumber).toBeUndefined();
    expect(deleted.data.first_name).toBeDefined();
    expect(deleted.image.selfieImage).toBeUndefined();
    expect(project!.projections).toEqual([
      {
        projection_id: 'prj0000000001',
        name: 'hide_names',
        mode: 'exclude',
        fields: ['first_name', 'last_name'],
        created_at: '2024-05-01T10:00:00.000Z',
      },
    ]);
    expect(encrypted!.encryption).toBe(true);
    expect(JSON.parse(decrypt(encrypted!.apiKeys[0]!, answerOf(r.exchanges[5]!).data)!).Items).toEqual(
      encrypted!.submissions,
    );
    const [account] = r.fixture.textAssessment.accounts;
    expect(account!.texts.map((t) => t.polls ?? 0)).toEqual([1, 0]);
    expect(account!.usedTextIds).toHaveLength(3);
    expect(r.credentials).toEqual({
      idcheck: [
        { projectId: 'recorded-1', apiKey: project!.apiKeys[0], encryption: false },
        { projectId: 'recorded-2', apiKey: encrypted!.apiKeys[0], encryption: true },
      ],
      textAssessment: [{ accountId: account!.id, token: account!.token }],
    });
    expect(r.notes).toEqual([]);
  });

  it('is deterministic per key, and another key gives other pseudonyms', () => {
    const again = recordingOf(traffic(), { key: 'end-to-end-test-key-01' });
    expect(again.exchanges).toEqual(r.exchanges);
    expect(again.fixture).toEqual(r.fixture);
    const other = recordingOf(traffic(), { key: 'another-unit-test-key' });
    expect(other.fixture.idcheck.projects[0]!.apiKeys).not.toEqual(r.fixture.idcheck.projects[0]!.apiKeys);
    expect(other.fixture.idcheck.projects[0]!.submissions[0]).not.toEqual(
      r.fixture.idcheck.projects[0]!.submissions[0],
    );
    const random = recordingOf(traffic());
    expect(random.fixture.textAssessment.accounts[0]!.token).not.toBe(r.fixture.textAssessment.accounts[0]!.token);
  });

  it('does not change the exchanges it was given', () => {
    expect(exchanges).toEqual(traffic());
  });
});
