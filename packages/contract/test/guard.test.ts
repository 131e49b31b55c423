import { describe, expect, it } from 'vitest';
import { TargetGuard } from '../src/guard.js';
import type { Req, Res, Sent } from '../src/model.js';
import { answer, CREDS } from './support/fake.js';

const guard = (readBack: (req: Req) => Promise<Res | undefined> = async () => undefined, controls = false) =>
  new TargetGuard({ controls, deletableSubmissionId: 'given-s', readBack });
const del = (path: string, query?: string): Req => ({ method: 'DELETE', path, ...(query ? { query } : {}) });
const created = (g: TargetGuard, id: string, name: string) =>
  g.record(
    { method: 'POST', path: '/v3/projection', body: JSON.stringify({ name }) },
    answer(200, { projection_id: id }),
  );

describe('TargetGuard.refusal', () => {
  it('lets everything through on the mock, and every request that is not a DELETE', async () => {
    expect(await guard(undefined, true).refusal(del('/v3/projection/anything'))).toBeUndefined();
    expect(await guard().refusal({ method: 'POST', path: '/v3/projection' })).toBeUndefined();
  });

  it('allows a partial delete of the given submission or an own id only', async () => {
    const g = guard();
    expect(await g.refusal(del('/v3/submission/partial', 'submission_id=given-s&fields=email'))).toBeUndefined();
    expect(await g.refusal(del('/v3/submission/partial', 'submission_id=scrub-contract-x'))).toBeUndefined();
    expect(await g.refusal(del('/v3/submission/partial', 'submission_id=theirs'))).toBe(
      'a partial delete of submission theirs, which the set-up did not give as deletableSubmissionId',
    );
  });

  it('allows a delete of a projection the run created while the server still names it so', async () => {
    const names: Record<string, unknown> = { p1: 'mine', p2: 'renamed' };
    const reads: Req[] = [];
    const g = guard(async (req) => {
      reads.push(req);
      const id = req.path.split('/').pop()!;
      return id === 'p3' ? answer(404, {}) : answer(200, { item: { name: names[id] } });
    });
    created(g, 'p1', 'mine');
    created(g, 'p2', 'mine');
    created(g, 'p3', 'gone');
    expect(await g.refusal({ ...del('/v3/projection/p1'), headers: { 'x-api-key': 'k' } })).toBeUndefined();
    expect(reads[0]).toEqual({ method: 'GET', path: '/v3/projection/p1', headers: { 'x-api-key': 'k' } });
    expect(await g.refusal(del('/v3/projection/p2'))).toBe(
      'a delete of projection p2: this run created it as "mine", the server now names it "renamed"',
    );
    expect(await g.refusal(del('/v3/projection/p3'))).toBeUndefined();
    expect(await g.refusal(del('/v3/projection/theirs'))).toBe(
      'a delete of projection theirs, which this run did not create',
    );
    // ids that exist nowhere: the cases that must fail name them
    expect(await g.refusal(del('/v3/projection/zzzzzzzzzzzzz'))).toBeUndefined();
  });

  it("allows a delete of the suite's own authors only, and of nothing it does not know", async () => {
    const g = guard();
    expect(await g.refusal(del('/v2.3.0/account/a/author/scrub-contract-1'))).toBeUndefined();
    expect(await g.refusal(del('/v2.3.0/account/a/author/learner-1'))).toBe(
      'a delete of author learner-1, whom this run did not create',
    );
    expect(await g.refusal(del('/v3/elsewhere'))).toBe('a DELETE of /v3/elsewhere, which the suite does not know');
  });
});

describe('TargetGuard.record and cleanUp', () => {
  it('learns what the run created from successful answers, and forgets what it deleted', () => {
    const g = guard();
    created(g, 'p1', 'one');
    created(g, 'p2', 'two');
    g.record({ method: 'POST', path: '/v3/projection', body: '{}' }, answer(409, { projection_id: 'p9' }));
    g.record(del('/v3/projection/p1'), answer(200, {}));
    const put = (author: string): Req => ({ method: 'PUT', path: '/x', body: JSON.stringify({ author_id: author }) });
    g.record(put('scrub-contract-a'), answer(200, {}));
    g.record(put('scrub-contract-b'), answer(200, {}));
    g.record(put('learner'), answer(200, {}));
    g.record(del('/v2.3.0/account/acc/author/scrub-contract-b'), answer(200, {}));
    expect([...g.created]).toEqual([['p2', 'two']]);
    expect([...g.authors]).toEqual(['scrub-contract-a']);
  });

  it('deletes what is left with any of the keys, and reports what it could not delete', async () => {
    const g = guard();
    created(g, 'p1', 'one');
    created(g, 'p2', 'two');
    g.record({ method: 'PUT', path: '/x', body: '{"author_id":"scrub-contract-a"}' }, answer(200, {}));
    const sent: Req[] = [];
    const send = async (req: Req): Promise<Sent> => {
      sent.push(req);
      const ok = req.path.endsWith('/p1') && req.headers?.['x-api-key'] === 'unit-limit-key';
      return { ...answer(ok || req.path.includes('/author/') ? 200 : 404, {}), request: req };
    };
    expect(await g.cleanUp(send, CREDS)).toEqual({
      done: [
        'deleted projection p1 ("one"), left by a case',
        "deleted the texts of author scrub-contract-a (this run's own)",
      ],
      failures: ['could not delete projection p2 ("two"), created by this run: delete it by hand'],
    });
    expect(sent.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.headers)}`)).toEqual([
      'DELETE /v3/projection/p1 {"x-api-key":"unit-api-key"}',
      'DELETE /v3/projection/p1 {"x-api-key":"unit-limit-key"}',
      'DELETE /v3/projection/p2 {"x-api-key":"unit-api-key"}',
      'DELETE /v3/projection/p2 {"x-api-key":"unit-limit-key"}',
      'DELETE /v2.3.0/account/unit-account/author/scrub-contract-a {"authorization":"Token token=unit-token"}',
    ]);
  });

  it('has nothing to clean up on the mock (its state is put back whole)', async () => {
    const g = guard(undefined, true);
    created(g, 'p1', 'one');
    expect(await g.cleanUp(async () => Promise.reject(new Error('no')), CREDS)).toEqual({ done: [], failures: [] });
  });
});
