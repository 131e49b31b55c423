// The text-assessment part of a fixture and of the live state: accounts with their token, texts,
// used ids and remembered author deletions.
import type { FixtureText, TextAssessmentFixture } from '@scrub/spec';
import {
  arrayOf,
  boolean,
  count,
  FixtureError,
  fail,
  identifier,
  object,
  recordOf,
  string,
} from '../core/fixture-check.js';

// the fixture's types are the spec's (a recording builds fixtures too); re-exported under the same names
export type { FixtureAccount, FixtureAuthorDeletion, FixtureText, TextAssessmentFixture } from '@scrub/spec';

export interface StoredText extends FixtureText {
  polls: number;
}

export interface AuthorDeletion {
  submissions_deleted: number;
  timestamp: string;
  textsSince: boolean;
}

export interface TextAccount {
  id: string;
  token: string;
  texts: Map<string, StoredText>;
  usedTextIds: Set<string>;
  authorDeletions: Map<string, AuthorDeletion>;
}

export interface TextAssessmentState {
  accounts: Map<string, TextAccount>;
}

/** The longest text the API takes, in characters (code points). */
export const TEXT_MAX_LENGTH = 10_000;

const textBody = (v: unknown, p: string) =>
  void (
    (typeof v === 'string' && [...v].length <= TEXT_MAX_LENGTH) ||
    fail(p, 'a string of at most 10,000 characters')
  );
const text = object(
  { id: identifier, author_id: identifier, task_id: identifier, text: textBody },
  { session_id: string, sequence_id: count, sequence_count: count, question_text: string, polls: count },
);

export const checkTextAssessmentFixture = object({
  accounts: arrayOf(
    object(
      { id: identifier, token: identifier, texts: arrayOf(text) },
      {
        usedTextIds: arrayOf(string),
        authorDeletions: recordOf(object({ submissions_deleted: count, timestamp: string }, { textsSince: boolean })),
      },
    ),
  ),
});

const clone = <T>(value: T): T => structuredClone(value);

export function loadTextAssessment(fixture: TextAssessmentFixture, path: string): TextAssessmentState {
  const accounts = new Map<string, TextAccount>();
  fixture.accounts.forEach((a, i) => {
    const at = `${path}.accounts[${i}]`;
    if (accounts.has(a.id)) throw new FixtureError(`${at}.id: duplicate account id "${a.id}"`);
    const texts = new Map<string, StoredText>();
    a.texts.forEach((t, j) => {
      if (texts.has(t.id)) throw new FixtureError(`${at}.texts[${j}].id: duplicate "${t.id}"`);
      texts.set(t.id, { ...clone(t), polls: t.polls ?? 0 });
    });
    const deletions = new Map<string, AuthorDeletion>();
    for (const [author, d] of Object.entries(a.authorDeletions ?? {}))
      deletions.set(author, {
        submissions_deleted: d.submissions_deleted,
        timestamp: d.timestamp,
        textsSince: d.textsSince ?? false,
      });
    accounts.set(a.id, {
      id: a.id,
      token: a.token,
      texts,
      usedTextIds: new Set([...(a.usedTextIds ?? []), ...texts.keys()]),
      authorDeletions: deletions,
    });
  });
  return { accounts };
}

export function dumpTextAssessment(state: TextAssessmentState): TextAssessmentFixture {
  return {
    accounts: [...state.accounts.values()].map((a) => ({
      id: a.id,
      token: a.token,
      texts: clone([...a.texts.values()]),
      usedTextIds: [...a.usedTextIds],
      authorDeletions: Object.fromEntries(a.authorDeletions),
    })),
  };
}
