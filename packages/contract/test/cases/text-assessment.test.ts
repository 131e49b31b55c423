// The text-assessment cases with a fake `send`: what each multi-request case sends, and what its check says.
import { describe, expect, it } from 'vitest';
import { textAssessmentCases } from '../../src/cases/text-assessment.js';
import type { Case, Req, Res } from '../../src/model.js';
import { answer, fakeCtx } from '../support/fake.js';

const find = (operationId: string, title: string): Case => {
  const c = textAssessmentCases.find((x) => x.operationId === operationId && x.title === title);
  if (!c) throw new Error(`no case ${operationId} "${title}"`);
  return c;
};

async function runAndCheck(c: Case, reply: (req: Req) => Res) {
  const ctx = fakeCtx(reply);
  const { res, extra } = await c.run(ctx);
  return { sent: ctx.sent, res, problems: (await c.check?.(res, extra, ctx)) ?? [] };
}

describe('text-assessment cases', () => {
  it('cover the three operations', () => {
    expect([...new Set(textAssessmentCases.map((c) => c.operationId))]).toEqual([
      'deleteAuthorSubmissions',
      'submitText',
      'getTextResults',
    ]);
  });

  it("deleting an author's texts submits one under an author of the run's own, then deletes twice", async () => {
    const c = find('deleteAuthorSubmissions', "deletes an author's texts, and a repeat returns the same result");
    let deletes = 0;
    const run = await runAndCheck(c, (req) =>
      req.method === 'PUT'
        ? answer(200, {})
        : answer(200, { type: 'success', code: 200, submissions_deleted: 1 + deletes++ }),
    );
    const author = JSON.parse(run.sent[0]!.body!).author_id as string;
    expect(author).toBe('scrub-contract-unit-0');
    expect(run.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /v2.3.0/account/unit-account/text/text-unit-1',
      `DELETE /v2.3.0/account/unit-account/author/${author}`,
      `DELETE /v2.3.0/account/unit-account/author/${author}`,
    ]);
    expect(run.sent[1]!.headers).toEqual({ authorization: 'Token token=unit-token' });
    // the judged answer is the repeat; the first deletion is the extra data
    expect(run.problems).toEqual([
      'the repeated deletion: expected {"type":"success","code":200,"submissions_deleted":2}, ' +
        'got {"type":"success","code":200,"submissions_deleted":1}',
      'submissions_deleted: expected 1, got 2',
    ]);
  });

  it('results are polled until ready; every earlier poll must be results_not_ready', async () => {
    const c = find('getTextResults', 'answers results_not_ready, then results');
    let polls = 0;
    const ready = await runAndCheck(c, (req) =>
      req.method === 'PUT'
        ? answer(200, { type: 'success', code: 200 })
        : answer(200, polls++ < 2 ? { type: 'results_not_ready', code: 200 } : { type: 'success', code: 200 }),
    );
    expect(ready.sent.map((r) => r.method)).toEqual(['PUT', 'GET', 'GET', 'GET']);
    expect(ready.res.json).toEqual({ type: 'success', code: 200 });
    expect(ready.problems).toEqual([]);
    polls = 0;
    const odd = await runAndCheck(c, (req) =>
      req.method === 'PUT'
        ? answer(200, {})
        : answer(polls++ ? 200 : 202, { type: polls > 1 ? 'success' : 'results_not_ready' }),
    );
    expect(odd.problems).toEqual([
      'a poll before the results: expected [200,{"type":"results_not_ready","code":200}], ' +
        'got [202,{"type":"results_not_ready"}]',
    ]);
  });

  it('an id already used is judged on the second submission of the same id', async () => {
    const c = find('submitText', 'with an id already used');
    let puts = 0;
    const run = await runAndCheck(c, () => answer(puts++ ? 400 : 200, { n: puts }));
    expect(run.sent.map((r) => r.path)).toEqual([
      '/v2.3.0/account/unit-account/text/text-unit-0',
      '/v2.3.0/account/unit-account/text/text-unit-0',
    ]);
    expect(run.res.status).toBe(400);
    expect(JSON.parse(run.sent[0]!.body!).author_id).toBe('scrub-contract-unit');
  });
});
