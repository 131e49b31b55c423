// `createTextAssessmentClient`: ELiT text assessment (submit texts, poll results, delete by author).
import type { components, paths } from '@scrub/spec/text-assessment';
import { APITimeoutError, APIUserAbortError, ScrubError } from './errors.js';
import { encode } from './internal/call.js';
import type { RequestOptions, TransportOptions } from './internal/options.js';
import { createPipeline, type Send } from './internal/pipeline.js';

type Schemas = components['schemas'];
export type TextSubmission = Schemas['TextSubmission'];
export type TextResults = Schemas['TextResults'];
export type TextResultsResponse = Schemas['TextResultsResponse'];
export type AuthorSubmissionsDeleted = Schemas['AuthorSubmissionsDeleted'];
export type Success = Schemas['Success'];

export const TEXT_ASSESSMENT_BASE_URL = 'https://api.englishlanguageitutoring.com';

export interface TextAssessmentClientOptions extends TransportOptions {
  /** Your API account ID (part of every URL). */
  accountId: string;
  /** The account's access token (`Authorization: Token token=...`). */
  token: string;
  /** API version path segment (default `v2.3.0`). */
  version?: string;
  /** Default: the production host. */
  baseUrl?: string;
}

export interface WaitOptions {
  /** Milliseconds between polls (default 1000). */
  interval?: number;
  /** Give up after this many milliseconds with `APITimeoutError` (default 60 000). */
  timeout?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError('Request was aborted.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError('Request was aborted.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function createTextAssessmentClient(options: TextAssessmentClientOptions) {
  if (!options?.accountId) throw new ScrubError('createTextAssessmentClient: `accountId` is required.');
  if (!options.token) throw new ScrubError('createTextAssessmentClient: `token` is required.');
  const { send, raw } = createPipeline<paths>({
    ...options,
    baseUrl: options.baseUrl ?? TEXT_ASSESSMENT_BASE_URL,
    credentials: { authorization: `Token token=${options.token}` },
  });
  // the path parameters of every call, refused at creation when no URL can hold them
  const account = { version: options.version ?? 'v2.3.0', account_id: options.accountId };
  encode(account.version, 'version');
  encode(account.account_id, 'accountId');
  return { raw, authors: authorMethods(send, account), texts: textMethods(send, account) };
}

type Account = { version: string; account_id: string };

function textMethods(send: Send, account: Account) {
  const texts = {
    /** Submits a text under a new id (ids are never reused). No local id check: the server checks the body first. */
    submit(id: string, body: TextSubmission, o?: RequestOptions): Promise<Success> {
      return send({ operation: 'submitText', params: { ...account, id }, body }, o);
    },

    /** One poll: `{ type: 'results_not_ready' }` or the results. */
    results(id: string, o?: RequestOptions): Promise<TextResultsResponse> {
      return send({ operation: 'getTextResults', params: { ...account, id } }, o);
    },

    /** Polls `results` past `results_not_ready` until the results are there. */
    async waitForResults(id: string, wait: WaitOptions = {}): Promise<TextResults> {
      const interval = wait.interval ?? 1000;
      const deadline = Date.now() + (wait.timeout ?? 60_000);
      for (;;) {
        // each poll gets only the time left, so the whole wait keeps its deadline
        const response = await texts.results(id, { signal: wait.signal, timeout: Math.max(1, deadline - Date.now()) });
        if (response.type === 'success') return response as TextResults;
        if (Date.now() + interval > deadline)
          throw new APITimeoutError(`Results for text ${id} not ready after ${wait.timeout ?? 60_000} ms.`);
        await sleep(interval, wait.signal);
      }
    },
  };
  return texts;
}

function authorMethods(send: Send, account: Account) {
  return {
    /** Deletes every text (and result) of an author; a repeat returns the remembered count and time. */
    async delete(authorId: string, o?: RequestOptions): Promise<AuthorSubmissionsDeleted> {
      // an empty id would address no author (`.../author/` is another route): a programming error, not an API answer
      if (typeof authorId !== 'string' || authorId === '')
        throw new ScrubError('authors.delete: `authorId` must be a non-empty string.');
      const refused = (await import('./internal/refusals.js')).authorIdRefusal(authorId);
      if (refused) throw refused;
      return send({ operation: 'deleteAuthorSubmissions', params: { ...account, id: authorId } }, o);
    },
  };
}

export type TextAssessmentClient = ReturnType<typeof createTextAssessmentClient>;
