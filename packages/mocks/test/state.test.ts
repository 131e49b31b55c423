// Fixtures: malformed ones are refused with a message naming the bad path, and the old state stays.
import { describe, expect, it } from 'vitest';
import { createMockState, defaultFixture, type Fixture, FixtureError } from '../src/index.js';

const mutate = (change: (f: any) => void): unknown => {
  const f = structuredClone(defaultFixture) as any;
  change(f);
  return f;
};

describe('fixture validation', () => {
  it.each([
    [
      'apiKeys not an array',
      (f: any) => (f.idcheck.projects[0].apiKeys = 'test-api-key'),
      'idcheck.projects[0].apiKeys: expected array',
    ],
    ['missing idcheck', (f: any) => delete f.idcheck, 'idcheck: expected a value (required)'],
    [
      'submission without id',
      (f: any) => delete f.idcheck.projects[1].submissions[0].submission_id,
      'idcheck.projects[1].submissions[0].submission_id: expected a value (required)',
    ],
    [
      'encryption not boolean',
      (f: any) => (f.idcheck.projects[2].encryption = 'yes'),
      'idcheck.projects[2].encryption: expected boolean',
    ],
    [
      'text without author',
      (f: any) => delete f.textAssessment.accounts[0].texts[1].author_id,
      'textAssessment.accounts[0].texts[1].author_id: expected a value (required)',
    ],
    [
      'sequence_id negative',
      (f: any) => (f.textAssessment.accounts[0].texts[0].sequence_id = -1),
      'textAssessment.accounts[0].texts[0].sequence_id: expected integer >= 0',
    ],
    [
      'one key in two projects',
      (f: any) => f.idcheck.projects[1].apiKeys.push('test-api-key'),
      'idcheck.projects[1].apiKeys[1]: key used by two projects',
    ],
    [
      'duplicate submission ids',
      (f: any) => f.idcheck.projects[0].submissions.push({ submission_id: 's1' }),
      'idcheck.projects[0].submissions[3].submission_id: duplicate "s1"',
    ],
    ['not an object at all', () => 42, 'fixture: expected object'],
    [
      'an empty API key',
      (f: any) => f.idcheck.projects[0].apiKeys.push(''),
      'idcheck.projects[0].apiKeys[1]: expected a non-empty string',
    ],
    [
      'an empty orphan key',
      (f: any) => f.idcheck.orphanApiKeys.push(''),
      'idcheck.orphanApiKeys[1]: expected a non-empty string',
    ],
    [
      'an empty submission id',
      (f: any) => (f.idcheck.projects[0].submissions[0].submission_id = ''),
      'idcheck.projects[0].submissions[0].submission_id: expected a non-empty string',
    ],
    [
      'an empty token',
      (f: any) => (f.textAssessment.accounts[0].token = ''),
      'textAssessment.accounts[0].token: expected a non-empty string',
    ],
    [
      'an empty text id',
      (f: any) => (f.textAssessment.accounts[0].texts[0].id = ''),
      'textAssessment.accounts[0].texts[0].id: expected a non-empty string',
    ],
    [
      'a key that is a project key and an orphan key',
      (f: any) => f.idcheck.orphanApiKeys.push('test-api-key'),
      'idcheck.orphanApiKeys[1]: also a key of project "demo" (a key is a project\'s or an orphan\'s, not both)',
    ],
    [
      'an audit log over the cap',
      (f: any) =>
        (f.idcheck.projects[0].auditLog = Array.from({ length: 1001 }, (_, i) => ({
          at: '2026-01-01T00:00:00.000Z',
          projectId: 'demo',
          submission_id: `s${i}`,
          fields: ['email'],
          data_fields: [],
        }))),
      'idcheck.projects[0].auditLog: expected at most 1000 entries (the mock keeps the latest 1,000)',
    ],
  ])('%s', (_name, change, message) => {
    const fixture =
      typeof change === 'function' && change.length === 0
        ? (change as () => unknown)()
        : mutate(change as (f: any) => void);
    expect(() => createMockState(fixture)).toThrow(new FixtureError(message));
  });

  it('extra keys are allowed', () => {
    const state = createMockState(
      mutate((f) => {
        f.comment = 'mine';
        f.idcheck.projects[0].owner = 'me';
      }),
    );
    expect(state.idcheck.projects.get('demo')?.submissions.size).toBe(3);
  });

  it('a refused load keeps the old state', () => {
    const state = createMockState();
    state.idcheck.projects.get('demo')!.submissions.delete('s1');
    expect(() => state.load(mutate((f) => (f.idcheck.orphanApiKeys = {})))).toThrow(
      'idcheck.orphanApiKeys: expected array',
    );
    expect(state.idcheck.projects.get('demo')!.submissions.has('s1')).toBe(false);
  });

  it('a state dump loads back to the same state, and reset returns to the fixture', () => {
    const state = createMockState();
    state.textAssessment.accounts.get('demo-account')!.texts.delete('t1');
    const dump = state.toFixture();
    expect(createMockState(dump).toFixture()).toEqual(dump);
    state.reset();
    expect(state.textAssessment.accounts.get('demo-account')!.texts.has('t1')).toBe(true);
  });

  it("each area's slice is read where the state names it; load and reset replace it there", () => {
    const state = createMockState();
    const before = state.idcheck;
    expect(state.slices.idcheck).toBe(before);
    expect(state.slices.textAssessment).toBe(state.textAssessment);
    state.load(mutate((f) => (f.idcheck.projects = f.idcheck.projects.filter((p: { id: string }) => p.id === 'demo'))));
    expect(state.idcheck).not.toBe(before);
    expect(state.slices.idcheck).toBe(state.idcheck);
    expect([...state.idcheck.projects.keys()]).toEqual(['demo']);
    state.reset();
    expect(state.slices.idcheck).toBe(state.idcheck);
    expect(state.idcheck.projects.size).toBe(before.projects.size);
    // a session's slices are its own, seeded from the fixture
    const session = state.session('typed') as typeof state;
    expect(session.idcheck).not.toBe(state.idcheck);
    expect(session.slices.idcheck).toBe(session.idcheck);
  });

  it('the built-in fixture has what the README promises', () => {
    const f: Fixture = defaultFixture;
    const demo = f.idcheck.projects.find((p) => p.id === 'demo')!;
    expect(demo.apiKeys).toEqual(['test-api-key']);
    expect(demo.submissions.length).toBeGreaterThanOrEqual(3);
    for (const s of demo.submissions) {
      const record = s as Record<string, any>;
      for (const key of [
        'data',
        'OCR_raw',
        'ocr',
        'review',
        'applicant_id',
        'email',
        'userid',
        'additional_list',
        'duplicated_information',
        'custom_duplicated_information',
        'injection_action',
      ])
        expect(record, key).toHaveProperty(key);
      expect(Object.keys(record.image)).toEqual(expect.arrayContaining(['idImage', 'idBackImage', 'selfieImage']));
      expect(Object.keys(record.data)).toHaveLength(31);
    }
    expect(f.idcheck.projects.find((p) => p.id === 'other')!.apiKeys).toEqual(['other-api-key']);
    expect(f.idcheck.projects.find((p) => p.id === 'sealed')).toMatchObject({
      apiKeys: ['encrypted-api-key'],
      encryption: true,
    });
    expect(f.idcheck.orphanApiKeys).toEqual(['orphan-api-key']);
    const account = f.textAssessment.accounts.find((a) => a.id === 'demo-account')!;
    expect(account.token).toBe('demo-token');
    expect(new Set(account.texts.map((t) => t.author_id)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('defineFixture', () => {
  it('fills every omitted key, so a one-project fixture is a few lines', async () => {
    const { defineFixture } = await import('../src/index.js');
    const fixture = defineFixture({
      idcheck: { projects: [{ id: 'p', apiKeys: ['k'], submissions: [{ submission_id: 's1', email: 'a@b.c' }] }] },
    });
    expect(fixture).toEqual({
      idcheck: {
        projects: [
          {
            id: 'p',
            apiKeys: ['k'],
            encryption: false,
            submissions: [{ submission_id: 's1', email: 'a@b.c' }],
            projections: [],
          },
        ],
        orphanApiKeys: [],
      },
      textAssessment: { accounts: [] },
    });
    const state = createMockState(fixture);
    expect(state.idcheck.projects.get('p')!.submissions.get('s1')).toEqual({ submission_id: 's1', email: 'a@b.c' });
    expect(createMockState(defineFixture()).toFixture()).toEqual({
      idcheck: { projects: [], orphanApiKeys: [] },
      textAssessment: { accounts: [] },
    });
    expect(defineFixture({ textAssessment: { accounts: [{ id: 'a', token: 't' }] } }).textAssessment.accounts).toEqual([
      { id: 'a', token: 't', texts: [] },
    ]);
  });
});
