// The text-assessment part of a recording's fixture: an account per account id seen, with the token
// its first 2xx answer accepted (else the first one sent), and what its 2xx answers showed: texts
// submitted, results polled, authors' deletions.
import type { FixtureAccount, FixtureAuthorDeletion, FixtureText, TextAssessmentFixture } from '../fixture.js';
import { headerValue } from './exchange.js';
import { tokenOf } from './headers.js';
import type { Rewritten } from './rewrite.js';

interface Account {
  id: string;
  token: string | undefined;
  /** Whether the token is one a 2xx answer accepted. */
  accepted: boolean;
  texts: Map<string, FixtureText>;
  usedTextIds: Set<string>;
  authorDeletions: Map<string, FixtureAuthorDeletion>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
/** The longest text the API takes, in code points. */
const TEXT_MAX_LENGTH = 10_000;

/** The text of a submitText request as the API stores it (attributes it does not know are ignored), or undefined. */
function textOf(id: string, body: unknown): FixtureText | undefined {
  if (!isObject(body)) return undefined;
  const { text, author_id, task_id, session_id, sequence_id, sequence_count, question_text } = body;
  if (typeof text !== 'string' || [...text].length > TEXT_MAX_LENGTH || !isId(author_id) || !isId(task_id))
    return undefined;
  return {
    id,
    author_id,
    task_id,
    text,
    ...(typeof session_id === 'string' ? { session_id } : {}),
    ...(isCount(sequence_id) ? { sequence_id } : {}),
    ...(isCount(sequence_count) ? { sequence_count } : {}),
    ...(typeof question_text === 'string' ? { question_text } : {}),
  };
}

export class TextAssessmentBuilder {
  readonly #accounts = new Map<string, Account>();

  #account(id: string, token: string | undefined, ok: boolean): Account {
    let account = this.#accounts.get(id);
    if (!account) {
      account = { id, token, accepted: false, texts: new Map(), usedTextIds: new Set(), authorDeletions: new Map() };
      this.#accounts.set(id, account);
    }
    if (token !== undefined && (account.token === undefined || (ok && !account.accepted))) account.token = token;
    if (ok && token !== undefined) account.accepted = true;
    return account;
  }

  /** Takes what one written exchange shows (`note` for what it cannot use). */
  add(x: Rewritten, note: (text: string) => void): void {
    const accountId = x.route?.params.account_id;
    if (x.route?.area !== 'text-assessment' || !accountId) return;
    const { status } = x.exchange.response;
    const ok = status >= 200 && status < 300;
    const account = this.#account(accountId, tokenOf(headerValue(x.exchange.request.headers, 'authorization')), ok);
    const id = x.route.params.id;
    if (!ok || !isId(id)) return;
    if (x.route.operationId === 'submitText') {
      const text = textOf(id, x.request);
      if (!text) {
        note("a submitted text is not in the spec's shape: left out");
        return;
      }
      account.texts.set(id, text);
      account.usedTextIds.add(id);
      const deletion = account.authorDeletions.get(text.author_id);
      if (deletion) deletion.textsSince = true;
    } else if (x.route.operationId === 'getTextResults' && status === 200) {
      const text = account.texts.get(id);
      // polled once more: the mock then answers results at once, as upstream did by now
      if (text) text.polls = (text.polls ?? 0) + 1;
      else note('results of a text the recording did not see submitted: not in the fixture');
    } else if (x.route.operationId === 'deleteAuthorSubmissions' && status === 200) {
      this.#authorDeleted(account, id, x.response, note);
    }
  }

  #authorDeleted(account: Account, author: string, body: unknown, note: (text: string) => void): void {
    const answer = isObject(body) ? body : {};
    for (const [textId, text] of account.texts) if (text.author_id === author) account.texts.delete(textId);
    if (!isCount(answer.submissions_deleted) || typeof answer.timestamp !== 'string') {
      note("an author deletion answer is not in the spec's shape: its count and time are not in the fixture");
      return;
    }
    account.authorDeletions.set(author, {
      submissions_deleted: answer.submissions_deleted,
      timestamp: answer.timestamp,
      textsSince: false,
    });
  }

  fixture(note: (text: string) => void): TextAssessmentFixture {
    const accounts: FixtureAccount[] = [];
    for (const a of this.#accounts.values()) {
      if (a.token === undefined) {
        note('an account seen without a token: not in the fixture');
        continue;
      }
      accounts.push({
        id: a.id,
        token: a.token,
        texts: [...a.texts.values()],
        usedTextIds: [...a.usedTextIds],
        authorDeletions: Object.fromEntries(a.authorDeletions),
      });
    }
    return { accounts };
  }
}
