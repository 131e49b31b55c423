// The text-assessment cases: one or more per documented response of every operation (author
// deletion, text submission, results). The runner checks status, schema and exact message; `check`
// adds what a case knows more.
import type { DocumentedMessage } from '@scrub/spec';
import type { Case, Ctx, Req, Res, Sent } from '../model.js';
import { auth, BIG, defineCase, expectEqual, one, serverError, ta, tooLarge, withoutExtra } from './build.js';

/** A text body; bodies that must be refused name an author no deployment has. */
const text = (over: Record<string, unknown> = {}) => ({
  text: 'Contract text.',
  author_id: 'scrub-contract-nobody',
  task_id: 'task-1',
  ...over,
});

function common(
  operationId: 'deleteAuthorSubmissions' | 'submitText' | 'getTextResults',
  method: string,
  rest: (ctx: Ctx) => string,
  body?: () => string,
): Case[] {
  const base = (ctx: Ctx, headers: Record<string, string>, version?: string): Req => ({
    method,
    path: ta(ctx, rest(ctx), version),
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(body ? { body: body() } : {}),
  });
  return [
    one({
      operationId,
      title: 'with a wrong token',
      status: 401,
      documented: 'invalid authentication credentials',
      message: 'invalid authentication credentials',
      needs: ['account'],
      request: (ctx) => base(ctx, auth(ctx, 'scrub-contract-wrong-token')),
    }),
    one({
      operationId,
      title: 'on an unsupported version',
      status: 404,
      documented: 'unsupported API version',
      message: 'unsupported API version',
      needs: ['account'],
      request: (ctx) => base(ctx, auth(ctx), 'v9.0.0'),
    }),
    serverError(operationId, 'internal server error', ['account'], (ctx) => base(ctx, auth(ctx))),
  ];
}

function submitFails(
  title: string,
  documented: DocumentedMessage<'submitText'>,
  message: string,
  id: (ctx: Ctx) => string,
  body: string,
): Case {
  return one({
    operationId: 'submitText',
    title,
    status: 400,
    documented,
    message,
    needs: ['account'],
    invalid: true,
    request: (ctx) => ({
      method: 'PUT',
      path: ta(ctx, `/text/${id(ctx)}`),
      headers: { ...auth(ctx), 'content-type': 'application/json' },
      body,
    }),
  });
}

export const textAssessmentCases: Case[] = [
  defineCase<{ first: Res }>({
    operationId: 'deleteAuthorSubmissions',
    title: "deletes an author's texts, and a repeat returns the same result",
    status: 200,
    needs: ['account'],
    writes: true,
    async run(ctx) {
      // an author of this run only: the suite never deletes an author it did not create
      const author = ctx.unique('scrub-contract').replace(/_/g, '-');
      await ctx.send({
        method: 'PUT',
        path: ta(ctx, `/text/${ctx.unique('text').replace(/_/g, '-')}`),
        headers: { ...auth(ctx), 'content-type': 'application/json' },
        body: JSON.stringify(text({ author_id: author })),
      });
      const first = await ctx.send({ method: 'DELETE', path: ta(ctx, `/author/${author}`), headers: auth(ctx) });
      const again = await ctx.send({ method: 'DELETE', path: ta(ctx, `/author/${author}`), headers: auth(ctx) });
      return { res: again, extra: { first } };
    },
    check: (res, { first }) => [
      ...expectEqual(first.json, res.json, 'the repeated deletion'),
      ...expectEqual((res.json as { submissions_deleted?: number })?.submissions_deleted, 1, 'submissions_deleted'),
    ],
  }),
  // ids of the suite's own (`scrub-contract-`): a server that skipped the check would delete no one's texts
  one({
    operationId: 'deleteAuthorSubmissions',
    title: 'with an id of 41 characters',
    status: 400,
    documented: 'id too long',
    message: 'id too long',
    needs: ['account'],
    invalid: true,
    request: (ctx) => ({
      method: 'DELETE',
      path: ta(ctx, `/author/scrub-contract-${'a'.repeat(26)}`),
      headers: auth(ctx),
    }),
  }),
  one({
    operationId: 'deleteAuthorSubmissions',
    title: 'with an underscore in the id',
    status: 400,
    documented: 'id must only contain alphanumerics and hyphens',
    message: 'id must only contain alphanumerics and hyphens',
    needs: ['account'],
    invalid: true,
    request: (ctx) => ({ method: 'DELETE', path: ta(ctx, '/author/scrub-contract-learner_1'), headers: auth(ctx) }),
  }),
  ...common('deleteAuthorSubmissions', 'DELETE', () => '/author/scrub-contract-nobody'),

  one({
    operationId: 'submitText',
    title: 'accepts a text',
    status: 200,
    needs: ['account'],
    writes: true,
    request: (ctx) => ({
      method: 'PUT',
      path: ta(ctx, `/text/${ctx.unique('text').replace(/_/g, '-')}`),
      headers: { ...auth(ctx), 'content-type': 'application/json' },
      body: JSON.stringify(
        text({ author_id: ctx.author, session_id: 's-1', sequence_id: 0, sequence_count: 1, question_text: 'Q?' }),
      ),
    }),
    check: (res) => expectEqual(res.json, { type: 'success', code: 200 }, 'body'),
  }),
  submitFails(
    'with a body that is not JSON',
    'invalid JSON',
    'invalid JSON',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    '{',
  ),
  submitFails(
    'without text',
    '{attribute} is required',
    'text is required',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify({ author_id: 'a', task_id: 't' }),
  ),
  submitFails(
    'with author_id of the wrong type',
    '{attribute} must be a string',
    'author_id must be a string',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify(text({ author_id: 7 })),
  ),
  submitFails(
    'with sequence_count of the wrong type',
    '{attribute} must be an integer',
    'sequence_count must be an integer',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify(text({ sequence_count: '1' })),
  ),
  submitFails(
    'with task_id over 40 characters',
    '{attribute} too long',
    'task_id too long',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify(text({ task_id: 't'.repeat(41) })),
  ),
  submitFails(
    'with a space in author_id',
    '{attribute} must only contain alphanumerics and hyphens',
    'author_id must only contain alphanumerics and hyphens',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify(text({ author_id: 'learner 1' })),
  ),
  submitFails(
    'with a control character in text',
    'text contains invalid control characters',
    'text contains invalid control characters',
    (ctx) => ctx.unique('t').replace(/_/g, '-'),
    JSON.stringify(text({ text: 'bell \u0007' })),
  ),
  {
    operationId: 'submitText',
    title: 'with an id already used',
    status: 400,
    documented: 'id already used',
    message: 'id already used',
    needs: ['account'],
    writes: true,
    async run(ctx) {
      const id = ctx.unique('text').replace(/_/g, '-');
      const put = () =>
        ctx.send({
          method: 'PUT',
          path: ta(ctx, `/text/${id}`),
          headers: { ...auth(ctx), 'content-type': 'application/json' },
          body: JSON.stringify(text({ author_id: ctx.author })),
        });
      await put();
      return withoutExtra(put());
    },
  },
  one({
    operationId: 'submitText',
    title: 'with a body over 1 MiB',
    status: 413,
    documented: 'request entity too large',
    message: 'request entity too large',
    needs: ['account'],
    invalid: true,
    request: (ctx) => ({
      method: 'PUT',
      path: ta(ctx, '/text/contract-big'),
      headers: { ...auth(ctx), 'content-type': 'application/json' },
      body: BIG,
    }),
  }),
  ...common(
    'submitText',
    'PUT',
    (ctx) => `/text/${ctx.unique('t').replace(/_/g, '-')}`,
    () => JSON.stringify(text()),
  ),

  defineCase<{ earlier: Res[] }>({
    operationId: 'getTextResults',
    title: 'answers results_not_ready, then results',
    status: 200,
    needs: ['account'],
    writes: true,
    async run(ctx) {
      const id = ctx.unique('text').replace(/_/g, '-');
      await ctx.send({
        method: 'PUT',
        path: ta(ctx, `/text/${id}`),
        headers: { ...auth(ctx), 'content-type': 'application/json' },
        body: JSON.stringify(text({ author_id: ctx.author })),
      });
      const polls: Sent[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await ctx.send({ method: 'GET', path: ta(ctx, `/text/${id}/results`), headers: auth(ctx) });
        polls.push(res);
        if ((res.json as { type?: string })?.type !== 'results_not_ready') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return { res: polls.at(-1)!, extra: { earlier: polls.slice(0, -1) } };
    },
    check: (res, { earlier }) => {
      const problems = (res.json as { type?: string })?.type === 'success' ? [] : ['results never became ready'];
      for (const poll of earlier)
        problems.push(
          ...expectEqual(
            [poll.status, poll.json],
            [200, { type: 'results_not_ready', code: 200 }],
            'a poll before the results',
          ),
        );
      return problems;
    },
  }),

  one({
    operationId: 'getTextResults',
    title: 'of an unknown text',
    status: 404,
    documented: 'submission not found',
    message: 'submission not found',
    needs: ['account'],
    request: (ctx) => ({
      method: 'GET',
      path: ta(ctx, '/text/scrub-contract-no-such-text/results'),
      headers: auth(ctx),
    }),
  }),
  ...common('getTextResults', 'GET', () => '/text/contract-t1/results'),
  tooLarge('deleteAuthorSubmissions', 'request entity too large', ['account'], (ctx) => ({
    method: 'DELETE',
    path: ta(ctx, '/author/scrub-contract-nobody'),
    headers: auth(ctx),
  })),
  tooLarge('getTextResults', 'request entity too large', ['account'], (ctx) => ({
    method: 'GET',
    path: ta(ctx, '/text/contract-t1/results'),
    headers: auth(ctx),
  })),
];
