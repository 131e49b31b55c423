import { describe, expect, it } from 'vitest';
import { FlowGuard } from '../../src/flows/guard.js';
import type { Req, Sent } from '../../src/model.js';
import { answer, CREDS } from '../support/fake.js';

const RUN = 'mr1abc';
const guard = (controls = false) =>
  new FlowGuard({ controls, runId: RUN, deletableSubmissionId: 'given-s' }, async () => undefined);
const author = (id: string): Req => ({ method: 'DELETE', path: `/v2.3.0/account/a/author/${id}` });
const submit = (author_id: string): Req => ({
  method: 'PUT',
  path: '/v2.3.0/account/a/text/t1',
  body: JSON.stringify({ author_id, text: 'x', task_id: 't' }),
});

describe('FlowGuard.refusal', () => {
  it("allows deleting an author named after the run id (a workflow's starts with it), again and again", async () => {
    const g = guard();
    expect(await g.refusal(author(`flow-${RUN}`))).toBeUndefined();
    expect(await g.refusal(author(`flow-${RUN}03`))).toBeUndefined();
    g.record(author(`flow-${RUN}`), answer(200, { submissions_deleted: 1 }));
    expect(await g.refusal(author(`flow-${RUN}`))).toBeUndefined();
  });

  it("keeps the contract guard's rules for everything else", async () => {
    const g = guard();
    expect(await g.refusal(author('learner-1'))).toBe('a delete of author learner-1, whom this run did not create');
    expect(await g.refusal(author(`flow-x${RUN}`))).toBe(
      `a delete of author flow-x${RUN}, whom this run did not create`,
    );
    expect(await g.refusal({ method: 'DELETE', path: '/v3/submission/partial', query: 'submission_id=theirs' })).toBe(
      'a partial delete of submission theirs, which the set-up did not give as deletableSubmissionId',
    );
    expect(await g.refusal({ method: 'DELETE', path: '/v3/submission/partial', query: 'submission_id=given-s' })).toBe(
      undefined,
    );
    expect(await g.refusal({ method: 'DELETE', path: '/v3/projection/theirs' })).toBe(
      'a delete of projection theirs, which this run did not create',
    );
  });

  it('lets everything through on the mock', async () => {
    expect(await guard(true).refusal(author('learner-1'))).toBeUndefined();
  });
});

describe('FlowGuard: a repeat delete of a projection', () => {
  const created = (g: FlowGuard, id: string, name: string) =>
    g.record(
      { method: 'POST', path: '/v3/projection', body: JSON.stringify({ name }) },
      answer(200, { projection_id: id }),
    );
  const del = (id: string): Req => ({ method: 'DELETE', path: `/v3/projection/${id}`, headers: { 'x-api-key': 'k' } });

  it('is sent while the id names nothing or still the projection the run created, and learns nothing', async () => {
    const names: Record<string, unknown> = {};
    const reads: Req[] = [];
    const g = new FlowGuard({ controls: false, runId: RUN }, async (req) => {
      reads.push(req);
      const id = req.path.split('/').pop()!;
      return id in names ? answer(200, { item: { name: names[id] } }) : answer(404, {});
    });
    created(g, 'p1', 'mine');
    g.record(del('p1'), answer(200, {}));
    expect(await g.refusal(del('p1'))).toBeUndefined();
    expect(reads.at(-1)).toEqual({ method: 'GET', path: '/v3/projection/p1', headers: { 'x-api-key': 'k' } });
    names.p1 = 'mine';
    expect(await g.refusal(del('p1'))).toBeUndefined();
    names.p1 = 'theirs';
    expect(await g.refusal(del('p1'))).toBe(
      'a delete of projection p1: this run deleted it as "mine", the server now names it "theirs"',
    );
    // never created by the run: the contract guard's refusal
    expect(await g.refusal(del('p2'))).toBe('a delete of projection p2, which this run did not create');
    // a deleted projection is not cleaned up again
    const send = async (req: Req): Promise<Sent> => ({ ...answer(200, {}), request: req });
    expect(await g.cleanUp(send, CREDS)).toEqual({ done: [], failures: [] });
  });
});

describe('FlowGuard clean-up', () => {
  it("deletes the run's own authors left with texts and the projections it created, nothing else", async () => {
    const g = guard();
    g.record(submit(`flow-${RUN}01`), answer(200, { type: 'success' }));
    g.record(submit(`flow-${RUN}02`), answer(200, { type: 'success' }));
    g.record(submit('learner-1'), answer(200, { type: 'success' }));
    g.record(submit(`flow-${RUN}03`), answer(400, { type: 'error' }));
    g.record(author(`flow-${RUN}02`), answer(200, { submissions_deleted: 1 }));
    g.record(
      { method: 'POST', path: '/v3/projection', body: JSON.stringify({ name: `flow_${RUN}_1` }) },
      answer(200, { projection_id: 'p1' }),
    );
    const sent: Req[] = [];
    const send = async (req: Req): Promise<Sent> => {
      sent.push(req);
      return { ...answer(200, {}), request: req };
    };
    const { done, failures } = await g.cleanUp(send, CREDS);
    expect(failures).toEqual([]);
    expect(done).toEqual([
      `deleted projection p1 ("flow_${RUN}_1"), left by a case`,
      `deleted the texts of author flow-${RUN}01 (this run's own)`,
    ]);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /v3/projection/p1',
      `DELETE /v2.3.0/account/unit-account/author/flow-${RUN}01`,
    ]);
  });

  it('learns nothing from a body that is not JSON, nor on the mock', async () => {
    const g = guard();
    g.record({ ...submit('x'), body: '{' }, answer(200, {}));
    const onMock = guard(true);
    onMock.record(submit(`flow-${RUN}`), answer(200, {}));
    const send = async (req: Req): Promise<Sent> => ({ ...answer(200, {}), request: req });
    expect(await g.cleanUp(send, CREDS)).toEqual({ done: [], failures: [] });
    expect(await onMock.cleanUp(send, CREDS)).toEqual({ done: [], failures: [] });
  });
});
