import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/crypto.js';
import { recordingOf } from '../../src/recording/record.js';
import { answerOf, exchange, sealedAnswer, sealedRequest } from './support.js';

const A = 'upstream-key-a';
const B = 'upstream-key-b';
const read = (key: string, id: string, item: Record<string, unknown>) =>
  exchange({ url: `/v3/submission?submission_id=${id}`, headers: { 'x-api-key': key }, answer: { Items: [item] } });
const projection = (id: string, name: string, fields = ['gender']) => ({
  projection_id: id,
  name,
  mode: 'exclude',
  fields,
  created_at: '2024-01-01T00:00:00.000Z',
});

describe('the ID-check fixture of a recording', () => {
  it('a project per API key, in order of first use, with its fresh key; no orphans', () => {
    const r = recordingOf(
      [
        exchange({
          url: '/v3/projection',
          headers: { 'x-api-key': B },
          answer: { items: [], message: 'Get projection list success' },
        }),
        exchange({ url: '/v3/projection', headers: { 'x-api-key': A }, status: 403, answer: { message: 'Forbidden' } }),
        exchange({
          url: '/v3/projection',
          headers: { 'x-api-key': B },
          answer: { items: [], message: 'Get projection list success' },
        }),
        exchange({ url: '/v3/projection', answer: { message: 'Forbidden' }, status: 403 }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const { projects, orphanApiKeys } = r.fixture.idcheck;
    expect(projects.map((p) => p.id)).toEqual(['recorded-1', 'recorded-2']);
    expect(projects[0]!.apiKeys).toEqual([r.exchanges[0]!.request.headers[0]!.value]);
    expect(projects[1]!.apiKeys).toEqual([r.exchanges[1]!.request.headers[0]!.value]);
    expect(projects.flatMap((p) => p.apiKeys).every((k) => /^rec-key-[a-z0-9]{24}$/.test(k))).toBe(true);
    expect(orphanApiKeys).toEqual([]);
    expect(r.credentials.idcheck).toEqual(
      projects.map((p) => ({ projectId: p.id, apiKey: p.apiKeys[0], encryption: false })),
    );
  });

  it('submissions read are merged per id: later values win, keys a later read leaves out stay', () => {
    const r = recordingOf(
      [
        read(A, 'sub-merge-1', {
          submission_id: 'sub-merge-1',
          email: 'first.read@mail.test',
          data: { first_name: 'Alpha', gender: 'female' },
        }),
        read(A, 'sub-merge-1', {
          submission_id: 'sub-merge-1',
          email: 'second.read@mail.test',
          data: { gender: 'femalex' },
        }),
        exchange({
          url: '/v3/submission?submission_id=zzz',
          headers: { 'x-api-key': A },
          status: 400,
          answer: { errorCode: 'not Exist Submission Data' },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const [submission] = r.fixture.idcheck.projects[0]!.submissions;
    const later = answerOf(r.exchanges[1]!).Items[0];
    const earlier = answerOf(r.exchanges[0]!).Items[0];
    expect(submission).toEqual({
      submission_id: later.submission_id,
      email: later.email,
      data: { first_name: earlier.data.first_name, gender: later.data.gender },
    });
    expect(r.fixture.idcheck.projects[0]!.submissions).toHaveLength(1);
  });

  it('a partial delete removes what its answer lists, by the spec rule', () => {
    const item = {
      submission_id: 'sub-pd-1',
      email: 'pd.person@mail.test',
      data: { first_name: 'Pdfirst', last_name: 'Pdlast' },
      image: {
        idImage: 'https://f.test/a.jpg',
        idBackImage: 'https://f.test/b.jpg',
        selfieImage: 'https://f.test/c.jpg',
      },
    };
    const r = recordingOf(
      [
        read(A, 'sub-pd-1', item),
        exchange({
          method: 'DELETE',
          url: '/v3/submission/partial?submission_id=sub-pd-1&fields=data,id_image,email&data_fields=first_name',
          headers: { 'x-api-key': A },
          answer: {
            message: 'success',
            submission_id: 'sub-pd-1',
            deleted: { fields: ['data', 'id_image', 'email'], data_fields: ['first_name'] },
          },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const [submission] = r.fixture.idcheck.projects[0]!.submissions;
    const written = answerOf(r.exchanges[0]!).Items[0];
    expect(submission).toEqual({
      submission_id: written.submission_id,
      data: { last_name: written.data.last_name },
      image: { selfieImage: written.image.selfieImage },
    });
  });

  it('projections: a list replaces, a create adds (request fields, its time), a read upserts, a delete removes', () => {
    const list = exchange({
      url: '/v3/projection',
      headers: { 'x-api-key': A },
      answer: {
        items: [projection('aaaaaaaaaaaa1', 'one'), projection('aaaaaaaaaaaa2', 'two')],
        message: 'Get projection list success',
      },
    });
    const create = exchange({
      method: 'POST',
      url: '/v3/projection',
      headers: { 'x-api-key': A },
      at: '2024-06-02T08:09:10.500Z',
      body: { name: 'three', mode: 'exclude', fields: ['first_name', 'date_of_birth'] },
      answer: { projection_id: 'aaaaaaaaaaaa3', message: 'Create projection success' },
    });
    const get = exchange({
      url: '/v3/projection/aaaaaaaaaaaa1',
      headers: { 'x-api-key': A },
      answer: { item: projection('aaaaaaaaaaaa1', 'one', ['nationality']), message: 'Get projection success' },
    });
    const remove = exchange({
      method: 'DELETE',
      url: '/v3/projection/aaaaaaaaaaaa2',
      headers: { 'x-api-key': A },
      answer: { message: 'Delete projection success' },
    });
    const refused = exchange({
      method: 'DELETE',
      url: '/v3/projection/aaaaaaaaaaaa1',
      headers: { 'x-api-key': A },
      status: 404,
      answer: { message: 'Projection not found' },
    });
    const r = recordingOf([list, create, get, remove, refused], { key: 'unit-test-key-000k' });
    expect(r.fixture.idcheck.projects[0]!.projections).toEqual([
      projection('aaaaaaaaaaaa1', 'one', ['nationality']),
      {
        projection_id: 'aaaaaaaaaaaa3',
        name: 'three',
        mode: 'exclude',
        fields: ['first_name', 'date_of_birth'],
        created_at: '2024-06-02T08:09:10.500Z',
      },
    ]);
    // a later list is the truth
    const again = recordingOf(
      [
        list,
        create,
        exchange({
          url: '/v3/projection',
          headers: { 'x-api-key': A },
          answer: { items: [], message: 'Get projection list success' },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    expect(again.fixture.idcheck.projects[0]!.projections).toEqual([]);
  });

  it('a project whose bodies are sealed gets encryption: true, and its fixture holds the opened values', () => {
    const item = { submission_id: 'sub-sealed-1', email: 'sealed.person@mail.test' };
    const r = recordingOf(
      [
        exchange({
          url: '/v3/submission?submission_id=sub-sealed-1',
          headers: { 'x-api-key': A },
          answer: sealedAnswer(A, { Items: [item] }),
        }),
        exchange({
          method: 'POST',
          url: '/v3/projection',
          headers: { 'x-api-key': A },
          body: sealedRequest(A, { name: 'sealed_one', mode: 'exclude', fields: ['gender'] }),
          answer: sealedAnswer(A, { projection_id: 'bbbbbbbbbbbb1', message: 'Create projection success' }),
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    const [project] = r.fixture.idcheck.projects;
    expect(project!.encryption).toBe(true);
    expect(r.credentials.idcheck[0]!.encryption).toBe(true);
    const opened = JSON.parse(decrypt(project!.apiKeys[0]!, answerOf(r.exchanges[0]!).data)!);
    expect(project!.submissions).toEqual(opened.Items);
    expect(project!.submissions[0]!.email).toMatch(/@example\.com$/);
    expect(project!.projections.map((p) => p.name)).toEqual(['sealed_one']);
  });

  it('what is not in the spec shape is left out, with a note that names no value', () => {
    const r = recordingOf(
      [
        exchange({
          url: '/v3/submission?userid=u',
          headers: { 'x-api-key': A },
          answer: { Items: [{ email: 'no.id@mail.test' }, { submission_id: 's', email: 5 }] },
        }),
        exchange({
          url: '/v3/projection',
          headers: { 'x-api-key': A },
          answer: { items: [{ projection_id: 'BAD', name: 'x' }], message: 'Get projection list success' },
        }),
      ],
      { key: 'unit-test-key-000k' },
    );
    expect(r.fixture.idcheck.projects[0]!.submissions).toEqual([]);
    expect(r.fixture.idcheck.projects[0]!.projections).toEqual([]);
    expect(r.notes).toEqual([
      "exchange 1 (getSubmission): a submission read is not in the spec's shape: left out",
      "exchange 1 (getSubmission): a submission read is not in the spec's shape: left out",
      "exchange 2 (listProjections): a listed projection is not in the spec's shape: left out",
    ]);
  });
});
