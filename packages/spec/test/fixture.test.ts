// The fixture format is types only: what a recording builds and the mock loads. These pin its shape.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fixture, FixtureAccount, FixtureProject, FixtureText } from '../src/index.js';
import * as root from '../src/index.js';

describe('the fixture format', () => {
  it('is types only (the root exports no value for it)', () => {
    for (const name of ['Fixture', 'FixtureProject', 'FixtureAccount', 'FixtureText', 'IdCheckFixture'])
      expect(Object.keys(root)).not.toContain(name);
  });

  it('a fixture: projects with keys, submissions and projections; accounts with a token and texts', () => {
    const fixture: Fixture = {
      idcheck: {
        projects: [
          {
            id: 'p',
            apiKeys: ['k'],
            encryption: false,
            submissions: [{ submission_id: 's', data: { first_name: 'f' } }],
            projections: [
              { projection_id: 'aaaaaaaaaaaaa', name: 'n', mode: 'exclude', fields: ['gender'], created_at: 't' },
            ],
          },
        ],
        orphanApiKeys: [],
      },
      textAssessment: {
        accounts: [
          {
            id: 'a',
            token: 't',
            texts: [{ id: 'x', author_id: 'y', task_id: 'z', text: 'w', polls: 1 }],
            authorDeletions: { y: { submissions_deleted: 1, timestamp: 't' } },
          },
        ],
      },
    };
    expect(fixture.textAssessment.accounts[0]!.texts[0]!.polls).toBe(1);
    expectTypeOf<FixtureProject['projections'][number]['mode']>().toEqualTypeOf<'exclude'>();
    expectTypeOf<FixtureAccount['usedTextIds']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<FixtureText['sequence_id']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error a projection field outside the spec's list
    const bad: FixtureProject['projections'][number]['fields'] = ['not_a_field'];
    void bad;
  });
});
