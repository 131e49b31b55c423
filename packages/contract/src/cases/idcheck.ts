// The ID-check cases: one or more per documented response of every operation (partial delete,
// submissions, projections). The runner checks status, schema and exact message; `check` adds what a
// case knows more.
import type { DocumentedMessage } from '@scrub/spec';
import { qs } from '../http.js';
import type { Case, Ctx, Need } from '../model.js';
import { BIG, defineCase, expectEqual, json, key, one, prefer, serverError, tooLarge, withoutExtra } from './build.js';

const PD = '/v3/submission/partial';
/** A submission id no deployment has: requests that must fail never name a real submission. */
export const NO_SUBMISSION = 'scrub-contract-no-such-submission';
function partialDelete(
  title: string,
  documented: DocumentedMessage<'partialDeleteSubmission'>,
  message: string,
  query: (ctx: Ctx) => string,
  opts: { invalid?: boolean; needs?: Need[]; headers?: (ctx: Ctx) => Record<string, string> } = {},
): Case {
  return one({
    operationId: 'partialDeleteSubmission',
    title,
    status: documented === 'Internal server error' ? 500 : 400,
    documented,
    message,
    needs: opts.needs ?? ['apiKey'],
    invalid: opts.invalid,
    request: (ctx) => ({
      method: 'DELETE',
      path: PD,
      query: query(ctx),
      headers: opts.headers ? opts.headers(ctx) : key(ctx),
    }),
  });
}

/** A submission as read back (only the parts the partial delete may touch are typed). */
interface Submission {
  data?: Record<string, unknown>;
  image?: Record<string, unknown>;
  [key: string]: unknown;
}

export const idcheckCases: Case[] = [
  defineCase<{ before?: Submission; after?: Submission }>({
    operationId: 'partialDeleteSubmission',
    title: 'deletes the named parts and keeps everything else',
    status: 200,
    needs: ['apiKey', 'deletableSubmission'],
    writes: true,
    async run(ctx) {
      const read = () =>
        ctx.send({
          method: 'GET',
          path: '/v3/submission',
          query: qs(['submission_id', ctx.creds.deletableSubmissionId!]),
          headers: key(ctx),
        });
      const before = (await read()).json as { Items?: Submission[] } | undefined;
      const res = await ctx.send({
        method: 'DELETE',
        path: PD,
        query: qs(
          ['submission_id', ctx.creds.deletableSubmissionId!],
          ['fields', 'data,id_image'],
          ['data_fields', 'first_name'],
        ),
        headers: key(ctx),
      });
      const after = (await read()).json as { Items?: Submission[] } | undefined;
      return { res, extra: { before: before?.Items?.[0], after: after?.Items?.[0] } };
    },
    check: (res, { before, after }, ctx) => {
      const problems = expectEqual(
        res.json,
        {
          message: 'success',
          submission_id: ctx.creds.deletableSubmissionId,
          deleted: { fields: ['data', 'id_image'], data_fields: ['first_name'] },
        },
        'body',
      );
      if (!before || !after) return [...problems, 'the submission could not be read before and after'];
      const expected = structuredClone(before);
      if (expected.data) delete expected.data.first_name;
      if (expected.image) {
        delete expected.image.idImage;
        delete expected.image.idBackImage;
      }
      return [
        ...problems,
        ...expectEqual(
          after,
          expected,
          'the submission after the delete (only data.first_name, image.idImage, image.idBackImage may go)',
        ),
      ];
    },
  }),
  partialDelete(
    'without x-api-key',
    'invalid API key for this project',
    'invalid API key for this project',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email']),
    { invalid: true, needs: [], headers: () => ({}) },
  ),
  partialDelete(
    'with an unknown x-api-key',
    'invalid API key for this project',
    'invalid API key for this project',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email']),
    { needs: [], headers: () => ({ 'x-api-key': 'scrub-contract-unknown-key' }) },
  ),
  partialDelete(
    'with a key whose project is gone',
    'not Exist Project Data',
    'not Exist Project Data',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email']),
    { needs: ['orphanKey'], headers: (ctx) => key(ctx, 'orphanApiKey') },
  ),
  partialDelete(
    'without submission_id',
    'submission_id is required',
    'submission_id is required',
    () => qs(['fields', 'email']),
    { invalid: true },
  ),
  partialDelete(
    'with fields twice',
    'fields must be a string',
    'fields must be a string',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email'], ['fields', 'data']),
    { invalid: true },
  ),
  partialDelete(
    'with data_fields twice',
    'data_fields must be a string',
    'data_fields must be a string',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'data'], ['data_fields', 'cf1'], ['data_fields', 'cf2']),
    { invalid: true },
  ),
  partialDelete(
    'without fields',
    'fields parameter is required and cannot be empty',
    'fields parameter is required and cannot be empty',
    () => qs(['submission_id', NO_SUBMISSION]),
    { invalid: true },
  ),
  partialDelete(
    'with fields of only commas',
    'fields cannot be empty',
    'fields cannot be empty',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', ' , ']),
    { invalid: true },
  ),
  partialDelete(
    'with an empty name in fields',
    'invalid format for fields: {detail}',
    'invalid format for fields: empty name at position 2',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'data,,email']),
    { invalid: true },
  ),
  partialDelete(
    'with unknown fields',
    'invalid fields found in fields: {names}',
    'invalid fields found in fields: ocr_raw, bogus',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'ocr_raw,email,bogus']),
    { invalid: true },
  ),
  partialDelete(
    'with data_fields but no data',
    'data_fields parameter is not allowed when fields does not include data',
    'data_fields parameter is not allowed when fields does not include data',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email'], ['data_fields', 'first_name']),
  ),
  partialDelete(
    'with an empty name in data_fields',
    'invalid format for data_fields: {detail}',
    'invalid format for data_fields: empty name at position 2',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'data'], ['data_fields', 'first_name,']),
    { invalid: true },
  ),
  partialDelete(
    'with unknown data_fields',
    'invalid fields found in data_fields: {names}',
    'invalid fields found in data_fields: mid_name, idtype',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'data'], ['data_fields', 'first_name,mid_name,idtype']),
    { invalid: true },
  ),
  partialDelete('of an unknown submission', 'not Exist Submission Data', 'not Exist Submission Data', () =>
    qs(['submission_id', NO_SUBMISSION], ['fields', 'email']),
  ),
  partialDelete(
    'failing on the server (Prefer: code=500)',
    'Internal server error',
    'Internal server error',
    () => qs(['submission_id', NO_SUBMISSION], ['fields', 'email']),
    { needs: ['apiKey', 'controls'], headers: (ctx) => ({ ...key(ctx), ...prefer('code=500') }) },
  ),

  // getSubmission
  one({
    operationId: 'getSubmission',
    title: 'reads one submission',
    status: 200,
    needs: ['apiKey', 'submission'],
    request: (ctx) => ({
      method: 'GET',
      path: '/v3/submission',
      query: qs(['submission_id', ctx.creds.submissionId!]),
      headers: key(ctx),
    }),
    check: (res, _extra, ctx) =>
      expectEqual(
        (res.json as { Items?: { submission_id?: string }[] })?.Items?.map((i) => i.submission_id),
        [ctx.creds.submissionId],
        'Items[].submission_id',
      ),
  }),
  one({
    operationId: 'getSubmission',
    title: 'lists nothing for an unknown user id',
    status: 200,
    needs: ['apiKey'],
    request: (ctx) => ({
      method: 'GET',
      path: '/v3/submission',
      query: qs(['userid', 'scrub-contract-nobody']),
      headers: key(ctx),
    }),
    check: (res) => expectEqual(res.json, { Items: [] }, 'body'),
  }),
  one({
    operationId: 'getSubmission',
    title: 'with an unknown key',
    status: 403,
    documented: 'Forbidden',
    message: 'Forbidden',
    needs: [],
    request: () => ({
      method: 'GET',
      path: '/v3/submission',
      query: qs(['submission_id', 'x']),
      headers: { 'x-api-key': 'scrub-contract-unknown-key' },
    }),
  }),
  one({
    operationId: 'getSubmission',
    title: 'without a selector',
    status: 400,
    documented: 'Invalid Query String parameters',
    message: 'Invalid Query String parameters',
    needs: ['apiKey'],
    request: (ctx) => ({ method: 'GET', path: '/v3/submission', headers: key(ctx) }),
  }),
  one({
    operationId: 'getSubmission',
    title: 'of an unknown submission',
    status: 400,
    documented: 'not Exist Submission Data',
    message: 'not Exist Submission Data',
    needs: ['apiKey'],
    request: (ctx) => ({
      method: 'GET',
      path: '/v3/submission',
      query: qs(['submission_id', 'scrub-contract-no-such-submission']),
      headers: key(ctx),
    }),
  }),
  serverError('getSubmission', 'Internal server error', ['apiKey'], (ctx) => ({
    method: 'GET',
    path: '/v3/submission',
    query: qs(['userid', 'u']),
    headers: key(ctx),
  })),

  // createProjection
  defineCase<{ item?: Record<string, unknown>; name: string }>({
    operationId: 'createProjection',
    title: 'creates a projection that reads back',
    status: 200,
    needs: ['apiKey'],
    writes: true,
    async run(ctx) {
      const name = ctx.unique('contract');
      const res = await ctx.send({
        method: 'POST',
        path: '/v3/projection',
        ...json(key(ctx), { name, mode: 'exclude', fields: ['first_name', 'gender'] }),
      });
      const id = (res.json as { projection_id?: string })?.projection_id;
      const read = id ? await ctx.send({ method: 'GET', path: `/v3/projection/${id}`, headers: key(ctx) }) : undefined;
      const item = (read?.json as { item?: Record<string, unknown> } | undefined)?.item;
      if (id) await ctx.send({ method: 'DELETE', path: `/v3/projection/${id}`, headers: key(ctx) });
      return { res, extra: { item, name } };
    },
    check: (res, { item, name }) => {
      const problems =
        (res.json as { message?: string })?.message === 'Create projection success'
          ? []
          : ['message is not "Create projection success"'];
      const id = (res.json as { projection_id?: string })?.projection_id;
      return [
        ...problems,
        ...expectEqual(
          item && { projection_id: item.projection_id, name: item.name, mode: item.mode, fields: item.fields },
          { projection_id: id, name, mode: 'exclude', fields: ['first_name', 'gender'] },
          'the projection read back',
        ),
      ];
    },
  }),
  one({
    operationId: 'createProjection',
    title: 'with an unknown key',
    status: 403,
    documented: 'Forbidden',
    message: 'Forbidden',
    needs: [],
    request: () => ({
      method: 'POST',
      path: '/v3/projection',
      ...json({ 'x-api-key': 'scrub-contract-unknown-key' }, { name: 'x', mode: 'exclude', fields: ['gender'] }),
    }),
  }),
  one({
    operationId: 'createProjection',
    title: 'with a body that is not JSON',
    status: 400,
    documented: 'Invalid JSON body',
    message: 'Invalid JSON body',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      headers: { ...key(ctx), 'content-type': 'application/json' },
      body: '{"name":',
    }),
  }),
  one({
    operationId: 'createProjection',
    title: 'with a bad sealed body on an encrypted project',
    status: 400,
    documented: 'Invalid encrypted body',
    message: 'Invalid encrypted body',
    needs: ['sealedKey'],
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      ...json(key(ctx, 'sealedApiKey'), { body: 'bm90IGNpcGhlcnRleHQ=' }),
    }),
  }),
  one({
    operationId: 'createProjection',
    title: 'with an empty object',
    status: 400,
    documented: 'Invalid request body: {attributes}',
    message: 'Invalid request body: name, mode, fields',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({ method: 'POST', path: '/v3/projection', ...json(key(ctx), {}) }),
  }),
  one({
    operationId: 'createProjection',
    title: 'with another mode',
    status: 400,
    documented: 'Invalid mode: {mode}',
    message: 'Invalid mode: include',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      ...json(key(ctx), { name: 'contract_mode', mode: 'include', fields: ['gender'] }),
    }),
  }),
  one({
    operationId: 'createProjection',
    title: 'with fields outside the allow-list',
    status: 400,
    documented: 'Invalid fields detected: {names}',
    message: 'Invalid fields detected: mid_name, idtype',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      ...json(key(ctx), { name: 'contract_fields', mode: 'exclude', fields: ['first_name', 'mid_name', 'idtype'] }),
    }),
  }),
  {
    operationId: 'createProjection',
    title: 'with a name already used',
    status: 409,
    documented: 'Projection name already exists',
    message: 'Projection name already exists',
    needs: ['apiKey'],
    writes: true,
    async run(ctx) {
      const body = json(key(ctx), { name: ctx.unique('contract_dup'), mode: 'exclude', fields: ['gender'] });
      const first = await ctx.send({ method: 'POST', path: '/v3/projection', ...body });
      const res = await ctx.send({ method: 'POST', path: '/v3/projection', ...body });
      const id = (first.json as { projection_id?: string })?.projection_id;
      if (id) await ctx.send({ method: 'DELETE', path: `/v3/projection/${id}`, headers: key(ctx) });
      return withoutExtra(res);
    },
  },
  {
    operationId: 'createProjection',
    title: 'beyond 10 projections',
    status: 409,
    documented: 'Projection count limit exceeded',
    message: 'Projection count limit exceeded',
    needs: ['limitKey'],
    writes: true,
    async run(ctx) {
      const headers = key(ctx, 'limitApiKey');
      const created: string[] = [];
      const existing = (
        ((await ctx.send({ method: 'GET', path: '/v3/projection', headers })).json as { items?: unknown[] })?.items ??
        []
      ).length;
      for (let i = existing; i < 10; i++) {
        const r = await ctx.send({
          method: 'POST',
          path: '/v3/projection',
          ...json(headers, { name: ctx.unique('contract_limit'), mode: 'exclude', fields: ['gender'] }),
        });
        const id = (r.json as { projection_id?: string })?.projection_id;
        if (id) created.push(id);
      }
      const res = await ctx.send({
        method: 'POST',
        path: '/v3/projection',
        ...json(headers, { name: ctx.unique('contract_limit'), mode: 'exclude', fields: ['gender'] }),
      });
      for (const id of created) await ctx.send({ method: 'DELETE', path: `/v3/projection/${id}`, headers });
      return withoutExtra(res);
    },
  },
  one({
    operationId: 'createProjection',
    title: 'with a body over 1 MiB',
    status: 413,
    documented: 'Request Entity Too Large',
    message: 'Request Entity Too Large',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      headers: { ...key(ctx), 'content-type': 'application/json' },
      body: BIG,
    }),
  }),
  one({
    operationId: 'createProjection',
    title: 'PUT on the collection',
    status: 405,
    documented: 'Method not allowed for /projections path',
    message: 'Method not allowed for /projections path',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({ method: 'PUT', path: '/v3/projection', ...json(key(ctx), {}) }),
  }),
  serverError('createProjection', 'Internal server error', ['apiKey'], (ctx) => ({
    method: 'POST',
    path: '/v3/projection',
    ...json(key(ctx), { name: 'contract_500', mode: 'exclude', fields: ['gender'] }),
  })),

  // listProjections
  one({
    operationId: 'listProjections',
    title: 'lists the projections',
    status: 200,
    needs: ['apiKey'],
    request: (ctx) => ({ method: 'GET', path: '/v3/projection', headers: key(ctx) }),
    check: (res) =>
      (res.json as { message?: string })?.message === 'Get projection list success'
        ? []
        : ['message is not "Get projection list success"'],
  }),
  one({
    operationId: 'listProjections',
    title: 'with an unknown key',
    status: 403,
    documented: 'Forbidden',
    message: 'Forbidden',
    needs: [],
    request: () => ({ method: 'GET', path: '/v3/projection', headers: { 'x-api-key': 'scrub-contract-unknown-key' } }),
  }),
  one({
    operationId: 'listProjections',
    title: 'PATCH on the collection',
    status: 405,
    documented: 'Method not allowed for /projections path',
    message: 'Method not allowed for /projections path',
    needs: ['apiKey'],
    invalid: true,
    request: (ctx) => ({ method: 'PATCH', path: '/v3/projection', headers: key(ctx) }),
  }),
  serverError('listProjections', 'Internal server error', ['apiKey'], (ctx) => ({
    method: 'GET',
    path: '/v3/projection',
    headers: key(ctx),
  })),
  tooLarge('partialDeleteSubmission', 'Request Entity Too Large', ['apiKey'], (ctx) => ({
    method: 'DELETE',
    path: PD,
    query: qs(['submission_id', 'scrub-contract-no-such-submission'], ['fields', 'email']),
    headers: key(ctx),
  })),
  tooLarge('getSubmission', 'Request Entity Too Large', ['apiKey'], (ctx) => ({
    method: 'GET',
    path: '/v3/submission',
    query: qs(['userid', 'u']),
    headers: key(ctx),
  })),
  tooLarge('listProjections', 'Request Entity Too Large', ['apiKey'], (ctx) => ({
    method: 'GET',
    path: '/v3/projection',
    headers: key(ctx),
  })),
  tooLarge('getProjection', 'Request Entity Too Large', ['apiKey'], (ctx) => ({
    method: 'GET',
    path: '/v3/projection/scrubcontract1',
    headers: key(ctx),
  })),
  tooLarge('deleteProjection', 'Request Entity Too Large', ['apiKey'], (ctx) => ({
    method: 'DELETE',
    path: '/v3/projection/scrubcontract1',
    headers: key(ctx),
  })),
];

function withProjection(
  operationId: 'getProjection' | 'deleteProjection',
  title: string,
  method: 'GET' | 'DELETE',
): Case<{ afterStatus: number }> {
  return {
    operationId,
    title,
    status: 200,
    needs: ['apiKey'],
    writes: true,
    async run(ctx) {
      const created = await ctx.send({
        method: 'POST',
        path: '/v3/projection',
        ...json(key(ctx), { name: ctx.unique('contract_item'), mode: 'exclude', fields: ['gender'] }),
      });
      const id = (created.json as { projection_id?: string })?.projection_id ?? 'missing';
      const res = await ctx.send({ method, path: `/v3/projection/${id}`, headers: key(ctx) });
      const after = await ctx.send({ method: 'GET', path: `/v3/projection/${id}`, headers: key(ctx) });
      if (method === 'GET') await ctx.send({ method: 'DELETE', path: `/v3/projection/${id}`, headers: key(ctx) });
      return { res, extra: { afterStatus: after.status } };
    },
    check: (res, { afterStatus }) => {
      // still readable means not deleted (what a wrong status on the read says is the read's own case)
      if (method === 'DELETE')
        return afterStatus === 200 ? ['the projection can still be read after its deletion'] : [];
      return expectEqual((res.json as { message?: string })?.message, 'Get projection success', 'message');
    },
  };
}

for (const [operationId, method] of [
  ['getProjection', 'GET'],
  ['deleteProjection', 'DELETE'],
] as const) {
  idcheckCases.push(
    withProjection(
      operationId,
      method === 'GET' ? 'reads a created projection' : 'deletes a created projection',
      method,
    ),
    one({
      operationId,
      title: 'with an unknown key',
      status: 403,
      documented: 'Forbidden',
      message: 'Forbidden',
      needs: [],
      request: () => ({
        method,
        path: '/v3/projection/zzzzzzzzzzzzz',
        headers: { 'x-api-key': 'scrub-contract-unknown-key' },
      }),
    }),
    one({
      operationId,
      title: 'of an unknown projection',
      status: 404,
      documented: 'Projection not found',
      message: 'Projection not found',
      needs: ['apiKey'],
      request: (ctx) => ({ method, path: '/v3/projection/zzzzzzzzzzzzz', headers: key(ctx) }),
    }),
    one({
      operationId,
      title: `${method === 'GET' ? 'PUT' : 'POST'} on an item`,
      status: 405,
      documented: 'Method not allowed for /projections/projectionId path',
      message: 'Method not allowed for /projections/projectionId path',
      needs: ['apiKey'],
      invalid: true,
      request: (ctx) => ({
        method: method === 'GET' ? 'PUT' : 'POST',
        path: '/v3/projection/zzzzzzzzzzzzz',
        headers: key(ctx),
      }),
    }),
    serverError(operationId, 'Internal server error', ['apiKey'], (ctx) => ({
      method,
      path: '/v3/projection/zzzzzzzzzzzzz',
      headers: key(ctx),
    })),
  );
}
