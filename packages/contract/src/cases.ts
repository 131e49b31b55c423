// One or more cases per documented response of every operation: how to trigger it, and what must
// come back. The runner checks status, schema and exact message; `check` adds what a case knows more.
import type { DocumentedMessage } from '@scrub/spec';
import type { Req, Res } from './http.js';
import { qs } from './http.js';
import { redactPersonal } from './redact.js';

export type Need =
  | 'controls'
  | 'apiKey'
  | 'limitKey'
  | 'orphanKey'
  | 'sealedKey'
  | 'submission'
  | 'deletableSubmission'
  | 'account';

export interface Credentials {
  apiKey?: string;
  limitApiKey?: string;
  orphanApiKey?: string;
  sealedApiKey?: string;
  /** A submission the suite may read. */
  submissionId?: string;
  /** A submission the suite may partially delete (real targets: with `--destructive` only). */
  deletableSubmissionId?: string;
  accountId?: string;
  token?: string;
  version: string;
}

export interface Ctx {
  creds: Credentials;
  send(req: Req): Promise<Res>;
  /** A name unique to this run (lowercase, digits, `_`). */
  unique(prefix?: string): string;
  /** The author id of every text this run submits (deleted at the end on a real target). */
  author: string;
}

export interface Case {
  operationId: string;
  title: string;
  status: number;
  /** The documented message (`{name}` marks variable text) this case triggers; absent for success. */
  documented?: DocumentedMessage;
  /** The exact message expected. */
  message?: string;
  needs: Need[];
  /** The request breaks the spec on purpose (skipped behind a validating proxy). */
  invalid?: boolean;
  /** The case creates or deletes data (on a real target: with `--destructive` only). */
  writes?: boolean;
  /** Sends whatever the case needs and returns the response to judge. */
  run(ctx: Ctx): Promise<Res>;
  /** Extra checks of the judged response; returns problems. */
  check?(res: Res, ctx: Ctx): string[] | Promise<string[]>;
}

/** `headers` plus a JSON content type, and `body` as JSON text. */
const json = (headers: Record<string, string>, body: unknown) => ({
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const key = (ctx: Ctx, which: 'apiKey' | 'limitApiKey' | 'orphanApiKey' | 'sealedApiKey' = 'apiKey') => ({
  'x-api-key': ctx.creds[which]!,
});
const auth = (ctx: Ctx, token = ctx.creds.token!) => ({ authorization: `Token token=${token}` });
const ta = (ctx: Ctx, rest: string, version = ctx.creds.version) =>
  `/${version}/account/${encodeURIComponent(ctx.creds.accountId!)}${rest}`;
const prefer = (value: string) => ({ prefer: value });
const BIG = 'x'.repeat(1024 * 1024 + 16);
/** A problem when `actual` differs; shown with personal values redacted (a real deployment's data). */
const expectEqual = (actual: unknown, expected: unknown, what: string) =>
  JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${what}: expected ${JSON.stringify(redactPersonal(expected))}, got ${JSON.stringify(redactPersonal(actual))}`];

/** A case that sends one request. */
function one(c: Omit<Case, 'run'> & { request(ctx: Ctx): Req }): Case {
  return { ...c, run: (ctx) => ctx.send(c.request(ctx)) };
}

/** A request carrying a body over 1 MiB (on GET too: the size check runs before anything else). */
function tooLarge<
  Op extends
    | 'partialDeleteSubmission'
    | 'getSubmission'
    | 'listProjections'
    | 'getProjection'
    | 'deleteProjection'
    | 'deleteAuthorSubmissions'
    | 'getTextResults',
>(operationId: Op, documented: DocumentedMessage<Op>, needs: Need[], request: (ctx: Ctx) => Omit<Req, 'body'>): Case {
  return one({
    operationId,
    title: 'with a body over 1 MiB',
    status: 413,
    documented,
    message: documented,
    needs,
    invalid: true,
    request: (ctx) => {
      const req = request(ctx);
      return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: BIG };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// ID check
// ---------------------------------------------------------------------------------------------
const PD = '/v3/submission/partial';
/** A submission id no deployment has: requests that must fail never name a real submission. */
export const NO_SUBMISSION = 'scrub-contract-no-such-submission';
const pd = (operationId = 'partialDeleteSubmission') => operationId;

function partialDelete(
  title: string,
  documented: DocumentedMessage<'partialDeleteSubmission'>,
  message: string,
  query: (ctx: Ctx) => string,
  opts: { invalid?: boolean; needs?: Need[]; headers?: (ctx: Ctx) => Record<string, string> } = {},
): Case {
  return one({
    operationId: pd(),
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

const idcheckCases: Case[] = [
  {
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
      const before = (await read()).json as { Items?: Record<string, any>[] } | undefined;
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
      return Object.assign(res, {
        before: before?.Items?.[0],
        after: ((await read()).json as { Items?: Record<string, any>[] } | undefined)?.Items?.[0],
      });
    },
    check: (res, ctx) => {
      const { before, after } = res as Res & { before?: Record<string, any>; after?: Record<string, any> };
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
      if (expected.image) delete expected.image.idImage, delete expected.image.idBackImage;
      return [
        ...problems,
        ...expectEqual(
          after,
          expected,
          'the submission after the delete (only data.first_name, image.idImage, image.idBackImage may go)',
        ),
      ];
    },
  },
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
    check: (res, ctx) =>
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
  one({
    operationId: 'getSubmission',
    title: 'failing on the server (Prefer: code=500)',
    status: 500,
    documented: 'Internal server error',
    message: 'Internal server error',
    needs: ['apiKey', 'controls'],
    request: (ctx) => ({
      method: 'GET',
      path: '/v3/submission',
      query: qs(['userid', 'u']),
      headers: { ...key(ctx), ...prefer('code=500') },
    }),
  }),

  // createProjection
  {
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
      const item = id
        ? (
            (await ctx.send({ method: 'GET', path: `/v3/projection/${id}`, headers: key(ctx) })).json as {
              item?: unknown;
            }
          )?.item
        : undefined;
      if (id) await ctx.send({ method: 'DELETE', path: `/v3/projection/${id}`, headers: key(ctx) });
      return Object.assign(res, { item, name });
    },
    check: (res) => {
      const { item, name } = res as Res & { item?: Record<string, unknown>; name: string };
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
  },
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
      return res;
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
      return res;
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
  one({
    operationId: 'createProjection',
    title: 'failing on the server (Prefer: code=500)',
    status: 500,
    documented: 'Internal server error',
    message: 'Internal server error',
    needs: ['apiKey', 'controls'],
    request: (ctx) => ({
      method: 'POST',
      path: '/v3/projection',
      ...json({ ...key(ctx), ...prefer('code=500') }, { name: 'contract_500', mode: 'exclude', fields: ['gender'] }),
    }),
  }),

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
  one({
    operationId: 'listProjections',
    title: 'failing on the server (Prefer: code=500)',
    status: 500,
    documented: 'Internal server error',
    message: 'Internal server error',
    needs: ['apiKey', 'controls'],
    request: (ctx) => ({ method: 'GET', path: '/v3/projection', headers: { ...key(ctx), ...prefer('code=500') } }),
  }),
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
): Case {
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
      return Object.assign(res, { afterStatus: after.status });
    },
    check: (res) => {
      const { afterStatus } = res as Res & { afterStatus: number };
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
    one({
      operationId,
      title: 'failing on the server (Prefer: code=500)',
      status: 500,
      documented: 'Internal server error',
      message: 'Internal server error',
      needs: ['apiKey', 'controls'],
      request: (ctx) => ({
        method,
        path: '/v3/projection/zzzzzzzzzzzzz',
        headers: { ...key(ctx), ...prefer('code=500') },
      }),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Text assessment
// ---------------------------------------------------------------------------------------------
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
    one({
      operationId,
      title: 'failing on the server (Prefer: code=500)',
      status: 500,
      documented: 'internal server error',
      message: 'internal server error',
      needs: ['account', 'controls'],
      request: (ctx) => base(ctx, { ...auth(ctx), ...prefer('code=500') }),
    }),
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

const textCases: Case[] = [
  {
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
      return Object.assign(again, { first });
    },
    check: (res) => [
      ...expectEqual((res as Res & { first: Res }).first.json, res.json, 'the repeated deletion'),
      ...expectEqual((res.json as { submissions_deleted?: number })?.submissions_deleted, 1, 'submissions_deleted'),
    ],
  },
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
      return put();
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

  {
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
      const polls: Res[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await ctx.send({ method: 'GET', path: ta(ctx, `/text/${id}/results`), headers: auth(ctx) });
        polls.push(res);
        if ((res.json as { type?: string })?.type !== 'results_not_ready') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return Object.assign(polls.at(-1)!, { earlier: polls.slice(0, -1) });
    },
    check: (res) => {
      const earlier = (res as Res & { earlier: Res[] }).earlier;
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
  },
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

export const cases: Record<'idcheck' | 'text-assessment', Case[]> = {
  idcheck: idcheckCases,
  'text-assessment': textCases,
};
