// The ID-check cases with a fake `send`: what each multi-request case sends, and what its check says.
import { describe, expect, it } from 'vitest';
import { idcheckCases, NO_SUBMISSION } from '../../src/cases/idcheck.js';
import type { Case, Req, Res } from '../../src/model.js';
import { answer, CREDS, fakeCtx } from '../support/fake.js';

const find = (operationId: string, title: string): Case => {
  const c = idcheckCases.find((x) => x.operationId === operationId && x.title === title);
  if (!c) throw new Error(`no case ${operationId} "${title}"`);
  return c;
};
const line = (r: Req) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`;

async function runAndCheck(c: Case, reply: (req: Req) => Res) {
  const ctx = fakeCtx(reply);
  const { res, extra } = await c.run(ctx);
  return { sent: ctx.sent.map(line), res, problems: (await c.check?.(res, extra, ctx)) ?? [] };
}

describe('idcheck cases', () => {
  it('cover every ID-check operation, the failing requests naming no real submission', () => {
    expect([...new Set(idcheckCases.map((c) => c.operationId))]).toEqual([
      'partialDeleteSubmission',
      'getSubmission',
      'createProjection',
      'listProjections',
      'getProjection',
      'deleteProjection',
    ]);
    const partial = idcheckCases.filter((c) => c.operationId === 'partialDeleteSubmission' && c.status >= 400);
    expect(partial.length).toBe(16);
    expect(NO_SUBMISSION.startsWith('scrub-contract-')).toBe(true);
  });

  it('the partial delete reads the submission before and after, and only the named parts may go', async () => {
    const before = {
      submission_id: 'unit-s2',
      email: 'e',
      data: { first_name: 'Ada', gender: 'f' },
      image: { idImage: 'i', idBackImage: 'b', selfieImage: 's' },
    };
    const body = {
      message: 'success',
      submission_id: 'unit-s2',
      deleted: { fields: ['data', 'id_image'], data_fields: ['first_name'] },
    };
    let after: unknown = { ...before, data: { gender: 'f' }, image: { selfieImage: 's' } };
    const reply = (req: Req) =>
      req.method === 'GET' ? answer(200, { Items: [after === undefined ? before : after] }) : answer(200, body);
    const c = find('partialDeleteSubmission', 'deletes the named parts and keeps everything else');
    let reads = 0;
    const ok = await runAndCheck(c, (req) => {
      if (req.method === 'GET' && reads++ === 0) return answer(200, { Items: [before] });
      return reply(req);
    });
    expect(ok.sent).toEqual([
      'GET /v3/submission?submission_id=unit-s2',
      'DELETE /v3/submission/partial?submission_id=unit-s2&fields=data%2Cid_image&data_fields=first_name',
      'GET /v3/submission?submission_id=unit-s2',
    ]);
    expect(ok.problems).toEqual([]);
    after = before; // nothing deleted
    reads = 0;
    const wrong = await runAndCheck(c, (req) => {
      if (req.method === 'GET' && reads++ === 0) return answer(200, { Items: [before] });
      return reply(req);
    });
    expect(wrong.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          '^the submission after the delete \\(only data.first_name, image.idImage, image.idBackImage may go\\): ' +
            'expected .*"image":\\{"selfieImage":"\\[redacted\\]"\\}\\}, got .*"idImage"',
        ),
      ),
    ]);
  });

  it('creating a projection reads it back and deletes it; the check compares what was read', async () => {
    const c = find('createProjection', 'creates a projection that reads back');
    const item = { projection_id: 'p1', name: 'contract_unit_0', mode: 'exclude', fields: ['first_name', 'gender'] };
    const reply = (req: Req) =>
      req.method === 'POST'
        ? answer(200, { message: 'Create projection success', projection_id: 'p1' })
        : answer(200, { item: req.method === 'GET' ? item : undefined });
    const ok = await runAndCheck(c, reply);
    expect(ok.sent).toEqual(['POST /v3/projection', 'GET /v3/projection/p1', 'DELETE /v3/projection/p1']);
    expect(ok.problems).toEqual([]);
    const changed = { ...item, mode: 'include' };
    const other = await runAndCheck(c, (req) => (req.method === 'GET' ? answer(200, { item: changed }) : reply(req)));
    // `name` is a personal key in reports (a data field of a submission)
    expect(other.problems).toEqual([
      'the projection read back: expected ' +
        '{"projection_id":"p1","name":"[redacted]","mode":"exclude","fields":["first_name","gender"]}, ' +
        'got {"projection_id":"p1","name":"[redacted]","mode":"include","fields":["first_name","gender"]}',
    ]);
  });

  it('deleting a created projection checks it cannot be read afterwards', async () => {
    const c = find('deleteProjection', 'deletes a created projection');
    const created = (req: Req) => (req.method === 'POST' ? answer(200, { projection_id: 'p1' }) : undefined);
    const gone = await runAndCheck(c, (req) => created(req) ?? answer(req.method === 'GET' ? 404 : 200, {}));
    expect(gone.sent).toEqual(['POST /v3/projection', 'DELETE /v3/projection/p1', 'GET /v3/projection/p1']);
    expect(gone.problems).toEqual([]);
    const still = await runAndCheck(c, (req) => created(req) ?? answer(200, {}));
    expect(still.problems).toEqual(['the projection can still be read after its deletion']);
  });

  it('the projection limit fills the limit project to 10, then deletes what it created', async () => {
    const c = find('createProjection', 'beyond 10 projections');
    let n = 0;
    const run = await runAndCheck(c, (req) =>
      req.method === 'GET' ? answer(200, { items: new Array(8).fill({}) }) : answer(200, { projection_id: `p${n++}` }),
    );
    expect(run.sent).toEqual([
      'GET /v3/projection',
      'POST /v3/projection',
      'POST /v3/projection',
      'POST /v3/projection',
      'DELETE /v3/projection/p0',
      'DELETE /v3/projection/p1',
    ]);
    expect(fakeCtx(() => answer(200)).creds.limitApiKey).toBe(CREDS.limitApiKey);
  });
});
