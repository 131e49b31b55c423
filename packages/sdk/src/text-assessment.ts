// `createTextAssessmentClient`: ELiT text assessment (submit texts, poll results, delete by author).
import type { components, paths } from './generated/text-assessment.js';
import { apiClient, refuse, settle, unwrap } from './api-client.js';
import { identifierProblem } from './rules/identifier.js';
import { APITimeoutError, APIUserAbortError, ScrubError } from './errors.js';
import { wasRetried, type RequestOptions, type TransportOptions } from './transport.js';

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


function checkAuthorId(id: string): void {
  const problem = identifierProblem(String(id));
  if (problem) throw refuse('deleteAuthorSubmissions', `id ${problem}`, 'text');
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
  const version = options.version ?? 'v2.3.0';
  const account_id = options.accountId;
  const api = apiClient<paths>(options.baseUrl ?? TEXT_ASSESSMENT_BASE_URL, { authorization: `Token token=${options.token}` }, options);
  const { raw } = api;
  const call = (o?: RequestOptions) => ({ fetch: api.fetchFor(o), signal: o?.signal, headers: o?.headers });

  const texts = {
    /** Submits a text under a new id (ids are never reused). */
    async submit(id: string, body: TextSubmission, o?: RequestOptions): Promise<Success> {
      // no local id check: the server checks the body first, and the SDK must not answer differently
      const result = await settle(raw.PUT('/{version}/account/{account_id}/text/{id}', { params: { path: { version, account_id, id } }, body, ...call(o) }));
      // a retry after a lost answer finds the id taken by the first attempt: that is the success
      if (wasRetried(result.response) && (result.error as { message?: string } | undefined)?.message === 'id already used') return { type: 'success', code: 200 };
      return unwrap('submitText', result);
    },

    /** One poll: `{ type: 'results_not_ready' }` or the results. */
    async results(id: string, o?: RequestOptions): Promise<TextResultsResponse> {
      const result = await settle(raw.GET('/{version}/account/{account_id}/text/{id}/results', { params: { path: { version, account_id, id } }, ...call(o) }));
      return unwrap('getTextResults', result) as TextResultsResponse;
    },

    /** Polls `results` past `results_not_ready` until the results are there. */
    async waitForResults(id: string, wait: WaitOptions = {}): Promise<TextResults> {
      const interval = wait.interval ?? 1000;
      const deadline = Date.now() + (wait.timeout ?? 60_000);
      for (;;) {
        // each poll gets only the time left, so the whole wait keeps its deadline
        const response = await texts.results(id, { signal: wait.signal, timeout: Math.max(1, deadline - Date.now()) });
        if (response.type === 'success') return response as TextResults;
        if (Date.now() + interval > deadline) throw new APITimeoutError(`Results for text ${id} not ready after ${wait.timeout ?? 60_000} ms.`);
        await sleep(interval, wait.signal);
      }
    },
  };

  return {
    raw,
    authors: {
      /** Deletes every text (and result) of an author; a repeat returns the remembered count and time. */
      async delete(authorId: string, o?: RequestOptions): Promise<AuthorSubmissionsDeleted> {
        checkAuthorId(authorId);
        const result = await settle(raw.DELETE('/{version}/account/{account_id}/author/{id}', { params: { path: { version, account_id, id: authorId } }, ...call(o) }));
        return unwrap('deleteAuthorSubmissions', result);
      },
    },
    texts,
  };
}

export type TextAssessmentClient = ReturnType<typeof createTextAssessmentClient>;
