// One table of documented behaviour, run against the MSW handlers and the node:http server alike:
// every documented error of every operation (exact status and body), success bodies, state rules.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decrypt, defaultFixture, encrypt } from '../src/index.js';
import { type Adapter, adapters } from './support/adapters.js';

const KEY = 'test-api-key';
const TA = '/v2.3.0/account/demo-account';
const AUTH = 'Token token=demo-token';

interface Call {
  method?: string;
  path: string;
  key?: string;
  auth?: string;
  prefer?: string;
  body?: string | object;
  headers?: Record<string, string>;
}

interface Case extends Call {
  name: string;
  status: number;
  expected: unknown;
}

const big = 'x'.repeat(1024 * 1024 + 1);
const longId = 'a'.repeat(41);

// ---------------------------------------------------------------------------------------------
// The table: request -> exact status and body. Every entry starts from the built-in fixture.
// ---------------------------------------------------------------------------------------------
const pd = (query: string, key: string | null = KEY): Call => ({
  method: 'DELETE',
  path: `/v3/submission/partial${query}`,
  ...(key === null ? {} : { key }),
});
const errorCode = (message: string) => ({ errorCode: message });
const message = (text: string) => ({ message: text });
const envelope = (code: number, text: string) => ({ type: 'error', code, message: text });

const table: Case[] = [
  // partialDeleteSubmission, in check order
  {
    name: 'partial delete without a key',
    ...pd('?submission_id=s1&fields=email', null),
    status: 400,
    expected: errorCode('invalid API key for this project'),
  },
  {
    name: 'partial delete with an unknown key',
    ...pd('?submission_id=s1&fields=email', 'nope'),
    status: 400,
    expected: errorCode('invalid API key for this project'),
  },
  {
    name: 'partial delete with an orphaned key',
    ...pd('?submission_id=s1&fields=email', 'orphan-api-key'),
    status: 400,
    expected: errorCode('not Exist Project Data'),
  },
  {
    name: 'partial delete without submission_id',
    ...pd('?fields=email'),
    status: 400,
    expected: errorCode('submission_id is required'),
  },
  {
    name: 'partial delete with empty submission_id',
    ...pd('?submission_id=&fields=email'),
    status: 400,
    expected: errorCode('submission_id is required'),
  },
  {
    name: 'partial delete with submission_id twice',
    ...pd('?submission_id=s1&submission_id=s2&fields=email'),
    status: 400,
    expected: errorCode('submission_id is required'),
  },
  {
    name: 'fields given twice',
    ...pd('?submission_id=s1&fields=email&fields=data'),
    status: 400,
    expected: errorCode('fields must be a string'),
  },
  {
    name: 'data_fields given twice',
    ...pd('?submission_id=s1&fields=data&data_fields=cf1&data_fields=cf2'),
    status: 400,
    expected: errorCode('data_fields must be a string'),
  },
  {
    name: 'fields missing',
    ...pd('?submission_id=s1'),
    status: 400,
    expected: errorCode('fields parameter is required and cannot be empty'),
  },
  {
    name: 'fields empty',
    ...pd('?submission_id=s1&fields='),
    status: 400,
    expected: errorCode('fields parameter is required and cannot be empty'),
  },
  {
    name: 'fields of only commas and spaces',
    ...pd('?submission_id=s1&fields=%20,%20,'),
    status: 400,
    expected: errorCode('fields cannot be empty'),
  },
  {
    name: 'fields with an empty item',
    ...pd('?submission_id=s1&fields=data,,email'),
    status: 400,
    expected: errorCode('invalid format for fields: empty name at position 2'),
  },
  {
    name: 'fields with a trailing comma',
    ...pd('?submission_id=s1&fields=email,'),
    status: 400,
    expected: errorCode('invalid format for fields: empty name at position 2'),
  },
  {
    name: 'fields with a bad character',
    ...pd('?submission_id=s1&fields=email,ocr-raw'),
    status: 400,
    expected: errorCode('invalid format for fields: invalid character "-" at position 2'),
  },
  {
    name: 'fields with unknown names (case-sensitive)',
    ...pd('?submission_id=s1&fields=ocr_raw,email,bogus,ocr_raw'),
    status: 400,
    expected: errorCode('invalid fields found in fields: ocr_raw, bogus'),
  },
  {
    name: 'fields naming __proto__',
    ...pd('?submission_id=s1&fields=__proto__'),
    status: 400,
    expected: errorCode('invalid fields found in fields: __proto__'),
  },
  {
    name: 'data_fields without data',
    ...pd('?submission_id=s1&fields=email&data_fields=first_name'),
    status: 400,
    expected: errorCode('data_fields parameter is not allowed when fields does not include data'),
  },
  {
    name: 'empty data_fields without data',
    ...pd('?submission_id=s1&fields=email&data_fields='),
    status: 400,
    expected: errorCode('data_fields parameter is not allowed when fields does not include data'),
  },
  {
    name: 'data_fields of only a comma',
    ...pd('?submission_id=s1&fields=data&data_fields=,'),
    status: 400,
    expected: errorCode('invalid format for data_fields: empty name at position 1'),
  },
  {
    name: 'data_fields with a space inside a name',
    ...pd('?submission_id=s1&fields=data&data_fields=first%20name'),
    status: 400,
    expected: errorCode('invalid format for data_fields: invalid character " " at position 1'),
  },
  {
    name: 'data_fields with unknown names',
    ...pd('?submission_id=s1&fields=data&data_fields=first_name,mid_name,idtype'),
    status: 400,
    expected: errorCode('invalid fields found in data_fields: mid_name, idtype'),
  },
  {
    name: 'unknown submission',
    ...pd('?submission_id=nope&fields=email'),
    status: 400,
    expected: errorCode('not Exist Submission Data'),
  },
  {
    name: "another project's submission",
    ...pd('?submission_id=o1&fields=email'),
    status: 400,
    expected: errorCode('not Exist Submission Data'),
  },
  {
    name: 'partial delete, Prefer code=500',
    ...pd('?submission_id=s1&fields=email'),
    prefer: 'code=500',
    status: 500,
    expected: errorCode('Internal server error'),
  },
  {
    name: 'partial delete success lists what was named, de-duplicated, in request order',
    ...pd(
      '?submission_id=s1&fields=%20data%20,id_image,data&data_fields=last_name,first_name,last_name&admin_name=Alice',
    ),
    status: 200,
    expected: {
      message: 'success',
      submission_id: 's1',
      deleted: { fields: ['data', 'id_image'], data_fields: ['last_name', 'first_name'] },
    },
  },

  // getSubmission
  { name: 'read without a key', path: '/v3/submission?submission_id=s1', status: 403, expected: message('Forbidden') },
  {
    name: 'read with an orphaned key',
    path: '/v3/submission?submission_id=s1',
    key: 'orphan-api-key',
    status: 403,
    expected: message('Forbidden'),
  },
  {
    name: 'read without a selector',
    path: '/v3/submission',
    key: KEY,
    status: 400,
    expected: errorCode('Invalid Query String parameters'),
  },
  {
    name: 'read with two selectors',
    path: '/v3/submission?submission_id=s1&email=a@b.c',
    key: KEY,
    status: 400,
    expected: errorCode('Invalid Query String parameters'),
  },
  {
    name: 'read with count=0',
    path: '/v3/submission?userid=user-1&count=0',
    key: KEY,
    status: 400,
    expected: errorCode('Invalid Query String parameters'),
  },
  {
    name: 'read with count=2001',
    path: '/v3/submission?userid=user-1&count=2001',
    key: KEY,
    status: 400,
    expected: errorCode('Invalid Query String parameters'),
  },
  {
    name: 'read with count=abc',
    path: '/v3/submission?userid=user-1&count=abc',
    key: KEY,
    status: 400,
    expected: errorCode('Invalid Query String parameters'),
  },
  {
    name: 'read an unknown submission',
    path: '/v3/submission?submission_id=nope',
    key: KEY,
    status: 400,
    expected: errorCode('not Exist Submission Data'),
  },
  {
    name: "read another project's submission",
    path: '/v3/submission?submission_id=o1',
    key: KEY,
    status: 400,
    expected: errorCode('not Exist Submission Data'),
  },
  {
    name: 'read, Prefer code=500',
    path: '/v3/submission?submission_id=s1',
    key: KEY,
    prefer: 'code=500',
    status: 500,
    expected: errorCode('Internal server error'),
  },
  {
    name: 'read one submission',
    path: '/v3/submission?submission_id=s1',
    key: KEY,
    status: 200,
    expected: { Items: [defaultFixture.idcheck.projects[0]!.submissions[0]] },
  },
  {
    name: 'read by email',
    path: '/v3/submission?email=maria.silva%40example.com',
    key: KEY,
    status: 200,
    expected: { Items: [defaultFixture.idcheck.projects[0]!.submissions[1]] },
  },
  {
    name: 'read with a zero-padded count',
    path: '/v3/submission?userid=user-2&count=000001',
    key: KEY,
    status: 200,
    expected: { Items: [defaultFixture.idcheck.projects[0]!.submissions[1]] },
  },
  {
    name: 'read by an unknown userid',
    path: '/v3/submission?userid=nobody',
    key: KEY,
    status: 200,
    expected: { Items: [] },
  },

  // createProjection
  {
    name: 'create projection without a key',
    method: 'POST',
    path: '/v3/projection',
    body: { name: 'a', mode: 'exclude', fields: ['gender'] },
    status: 403,
    expected: message('Forbidden'),
  },
  {
    name: 'create projection with bad JSON',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: '{"name":',
    status: 400,
    expected: message('Invalid JSON body'),
  },
  {
    name: 'create projection with no body',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    status: 400,
    expected: message('Invalid JSON body'),
  },
  {
    name: 'create projection with an empty object',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: {},
    status: 400,
    expected: message('Invalid request body: name, mode, fields'),
  },
  {
    name: 'create projection with a JSON array',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: [],
    status: 400,
    expected: message('Invalid request body: name, mode, fields'),
  },
  {
    name: 'create projection with a bad name and empty fields',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'Hide-Names', mode: 'exclude', fields: [] },
    status: 400,
    expected: message('Invalid request body: name, fields'),
  },
  {
    name: 'create projection with mode of the wrong type',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'ok', mode: 1, fields: ['gender'] },
    status: 400,
    expected: message('Invalid request body: mode'),
  },
  {
    name: 'create projection with an empty mode',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'ok', mode: '', fields: ['gender'] },
    status: 400,
    expected: message('Invalid request body: mode'),
  },
  {
    name: 'create projection with an empty field name',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'ok', mode: 'exclude', fields: ['gender', ''] },
    status: 400,
    expected: message('Invalid request body: fields'),
  },
  {
    name: 'create projection with another mode',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'ok', mode: 'include', fields: ['gender'] },
    status: 400,
    expected: message('Invalid mode: include'),
  },
  {
    name: 'create projection with unknown fields',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'ok', mode: 'exclude', fields: ['first_name', 'mid_name', 'idtype', 'name', 'mid_name'] },
    status: 400,
    expected: message('Invalid fields detected: mid_name, idtype, name'),
  },
  {
    name: 'create projection with a used name',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: { name: 'hide_birth', mode: 'exclude', fields: ['gender'] },
    status: 409,
    expected: message('Projection name already exists'),
  },
  {
    name: 'create projection with a plain body on an encrypted project',
    method: 'POST',
    path: '/v3/projection',
    key: 'encrypted-api-key',
    body: { name: 'ok', mode: 'exclude', fields: ['gender'] },
    status: 400,
    expected: message('Invalid encrypted body'),
  },
  {
    name: 'create projection with undecryptable ciphertext',
    method: 'POST',
    path: '/v3/projection',
    key: 'encrypted-api-key',
    body: { body: 'bm90IGNpcGhlcnRleHQ=' },
    status: 400,
    expected: message('Invalid encrypted body'),
  },
  {
    name: 'create projection over 1 MiB',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    body: big,
    status: 413,
    expected: message('Request Entity Too Large'),
  },
  {
    name: 'PUT on /v3/projection',
    method: 'PUT',
    path: '/v3/projection',
    key: KEY,
    body: {},
    status: 405,
    expected: message('Method not allowed for /projections path'),
  },
  {
    name: 'create projection, Prefer code=500',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    prefer: 'code=500',
    body: {},
    status: 500,
    expected: message('Internal server error'),
  },
  {
    name: 'create projection, Prefer code=409 example',
    method: 'POST',
    path: '/v3/projection',
    key: KEY,
    prefer: 'code=409, example="Projection count limit exceeded"',
    body: {},
    status: 409,
    expected: message('Projection count limit exceeded'),
  },

  // listProjections / getProjection / deleteProjection
  { name: 'list projections without a key', path: '/v3/projection', status: 403, expected: message('Forbidden') },
  {
    name: 'list projections',
    path: '/v3/projection',
    key: KEY,
    status: 200,
    expected: { items: defaultFixture.idcheck.projects[0]!.projections, message: 'Get projection list success' },
  },
  {
    name: 'list projections of a project with none',
    path: '/v3/projection',
    key: 'other-api-key',
    status: 200,
    expected: { items: [], message: 'Get projection list success' },
  },
  {
    name: 'list projections, Prefer code=500',
    path: '/v3/projection',
    key: KEY,
    prefer: 'code=500',
    status: 500,
    expected: message('Internal server error'),
  },
  {
    name: 'list projections, Prefer code=405',
    path: '/v3/projection',
    key: KEY,
    prefer: 'code=405',
    status: 405,
    expected: message('Method not allowed for /projections path'),
  },
  {
    name: 'get projection without a key',
    path: '/v3/projection/hidebirth0001',
    status: 403,
    expected: message('Forbidden'),
  },
  {
    name: 'get projection',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    status: 200,
    expected: { item: defaultFixture.idcheck.projects[0]!.projections[0], message: 'Get projection success' },
  },
  {
    name: 'get an unknown projection',
    path: '/v3/projection/zzzzzzzzzzzzz',
    key: KEY,
    status: 404,
    expected: message('Projection not found'),
  },
  {
    name: "get another project's projection",
    path: '/v3/projection/hidebirth0001',
    key: 'other-api-key',
    status: 404,
    expected: message('Projection not found'),
  },
  {
    name: 'get projection, Prefer code=500',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    prefer: 'code=500',
    status: 500,
    expected: message('Internal server error'),
  },
  {
    name: 'PUT on /v3/projection/{id}',
    method: 'PUT',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    status: 405,
    expected: message('Method not allowed for /projections/projectionId path'),
  },
  {
    name: 'POST on /v3/projection/{id}',
    method: 'POST',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    status: 405,
    expected: message('Method not allowed for /projections/projectionId path'),
  },
  {
    name: 'delete projection without a key',
    method: 'DELETE',
    path: '/v3/projection/hidebirth0001',
    status: 403,
    expected: message('Forbidden'),
  },
  {
    name: 'delete an unknown projection',
    method: 'DELETE',
    path: '/v3/projection/zzzzzzzzzzzzz',
    key: KEY,
    status: 404,
    expected: message('Projection not found'),
  },
  {
    name: 'delete projection',
    method: 'DELETE',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    status: 200,
    expected: message('Delete projection success'),
  },
  {
    name: 'delete projection, Prefer code=500',
    method: 'DELETE',
    path: '/v3/projection/hidebirth0001',
    key: KEY,
    prefer: 'code=500',
    status: 500,
    expected: message('Internal server error'),
  },

  // ID-check generic routes
  { name: 'unknown /v3 route', path: '/v3/submissions', key: KEY, status: 404, expected: message('Not Found') },
  {
    name: 'POST on /v3/submission',
    method: 'POST',
    path: '/v3/submission',
    key: KEY,
    status: 405,
    expected: message('Method Not Allowed'),
  },
  {
    name: 'GET on /v3/submission/partial',
    path: '/v3/submission/partial?submission_id=s1&fields=data',
    key: KEY,
    status: 405,
    expected: message('Method Not Allowed'),
  },

  // deleteAuthorSubmissions
  {
    name: 'delete author, other major version',
    method: 'DELETE',
    path: '/v3.0.0/account/demo-account/author/learner-1',
    auth: AUTH,
    status: 404,
    expected: envelope(404, 'unsupported API version'),
  },
  {
    name: 'delete author, malformed version',
    method: 'DELETE',
    path: '/v2/account/demo-account/author/learner-1',
    auth: AUTH,
    status: 404,
    expected: envelope(404, 'unsupported API version'),
  },
  {
    name: 'delete author without a token',
    method: 'DELETE',
    path: `${TA}/author/learner-1`,
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: 'delete author with a malformed header',
    method: 'DELETE',
    path: `${TA}/author/learner-1`,
    auth: 'Bearer demo-token',
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: "delete author with another account's token",
    method: 'DELETE',
    path: `${TA}/author/learner-1`,
    auth: 'Token token=other-token',
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: 'delete author on an unknown account',
    method: 'DELETE',
    path: '/v2.3.0/account/nobody/author/learner-1',
    auth: AUTH,
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: 'author id of 41 characters',
    method: 'DELETE',
    path: `${TA}/author/${longId}`,
    auth: AUTH,
    status: 400,
    expected: envelope(400, 'id too long'),
  },
  {
    name: 'author id too long and with bad characters: length first',
    method: 'DELETE',
    path: `${TA}/author/${'_'.repeat(41)}`,
    auth: AUTH,
    status: 400,
    expected: envelope(400, 'id too long'),
  },
  {
    name: 'author id with an underscore',
    method: 'DELETE',
    path: `${TA}/author/learner_1`,
    auth: AUTH,
    status: 400,
    expected: envelope(400, 'id must only contain alphanumerics and hyphens'),
  },
  {
    name: 'author id with an encoded space',
    method: 'DELETE',
    path: `${TA}/author/learner%201`,
    auth: AUTH,
    status: 400,
    expected: envelope(400, 'id must only contain alphanumerics and hyphens'),
  },
  {
    name: 'author id with a malformed escape',
    method: 'DELETE',
    path: `${TA}/author/learner%zz`,
    auth: AUTH,
    status: 400,
    expected: envelope(400, 'id must only contain alphanumerics and hyphens'),
  },
  {
    name: 'delete author, Prefer code=500',
    method: 'DELETE',
    path: `${TA}/author/learner-1`,
    auth: AUTH,
    prefer: 'code=500',
    status: 500,
    expected: envelope(500, 'internal server error'),
  },
  {
    name: 'delete author, Prefer example',
    method: 'DELETE',
    path: `${TA}/author/learner-1`,
    auth: AUTH,
    prefer: 'example="id must only contain alphanumerics and hyphens"',
    status: 400,
    expected: envelope(400, 'id must only contain alphanumerics and hyphens'),
  },

  // submitText
  {
    name: 'submit text, unsupported version',
    method: 'PUT',
    path: '/v1.0.0/account/demo-account/text/new-1',
    auth: AUTH,
    body: { text: 'a', author_id: 'a', task_id: 't' },
    status: 404,
    expected: envelope(404, 'unsupported API version'),
  },
  {
    name: 'submit text without a token',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    body: { text: 'a', author_id: 'a', task_id: 't' },
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: 'submit text over 1 MiB',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: big,
    status: 413,
    expected: envelope(413, 'request entity too large'),
  },
  {
    name: 'submit text with bad JSON',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: '{',
    status: 400,
    expected: envelope(400, 'invalid JSON'),
  },
  {
    name: 'submit text with a JSON string',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: '"text"',
    status: 400,
    expected: envelope(400, 'invalid JSON'),
  },
  {
    name: 'submit text without text',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'text is required'),
  },
  {
    name: 'submit text without task_id',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a' },
    status: 400,
    expected: envelope(400, 'task_id is required'),
  },
  {
    name: 'sequence_id without session_id',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 't', sequence_id: 0 },
    status: 400,
    expected: envelope(400, 'session_id is required'),
  },
  {
    name: 'author_id of the wrong type',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: 7, task_id: 't' },
    status: 400,
    expected: envelope(400, 'author_id must be a string'),
  },
  {
    name: 'sequence_count of the wrong type',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 't', sequence_count: '1' },
    status: 400,
    expected: envelope(400, 'sequence_count must be an integer'),
  },
  {
    name: 'path id too long',
    method: 'PUT',
    path: `${TA}/text/${longId}`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'id too long'),
  },
  {
    name: 'text over 10,000 characters',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'é'.repeat(10_001), author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'text too long'),
  },
  {
    name: 'author_id too long',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: longId, task_id: 't' },
    status: 400,
    expected: envelope(400, 'author_id too long'),
  },
  {
    name: 'task_id with bad characters',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 'task 1' },
    status: 400,
    expected: envelope(400, 'task_id must only contain alphanumerics and hyphens'),
  },
  {
    name: 'path id with bad characters',
    method: 'PUT',
    path: `${TA}/text/new_1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'id must only contain alphanumerics and hyphens'),
  },
  {
    name: 'text with a control character',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: { text: 'bell\u0007', author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'text contains invalid control characters'),
  },
  {
    name: 'text id already used',
    method: 'PUT',
    path: `${TA}/text/t1`,
    auth: AUTH,
    body: { text: 'x', author_id: 'a', task_id: 't' },
    status: 400,
    expected: envelope(400, 'id already used'),
  },
  {
    name: 'submit text, Prefer code=500',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    prefer: 'code=500',
    body: {},
    status: 500,
    expected: envelope(500, 'internal server error'),
  },
  {
    name: 'submit text',
    method: 'PUT',
    path: `${TA}/text/new-1`,
    auth: AUTH,
    body: {
      text: 'Tabs\tand\nnewlines are fine.',
      author_id: 'learner-3',
      task_id: 'task-1',
      session_id: 's',
      sequence_id: 0,
      sequence_count: 1,
      question_text: 'Q?',
    },
    status: 200,
    expected: { type: 'success', code: 200 },
  },

  // getTextResults
  {
    name: 'results, unsupported version',
    path: '/v3.1.0/account/demo-account/text/t1/results',
    auth: AUTH,
    status: 404,
    expected: envelope(404, 'unsupported API version'),
  },
  {
    name: 'results without a token',
    path: `${TA}/text/t1/results`,
    status: 401,
    expected: envelope(401, 'invalid authentication credentials'),
  },
  {
    name: 'results of an unknown text',
    path: `${TA}/text/nope/results`,
    auth: AUTH,
    status: 404,
    expected: envelope(404, 'submission not found'),
  },
  {
    name: "results of another account's text",
    path: '/v2.3.0/account/other-account/text/t2/results',
    auth: 'Token token=other-token',
    status: 404,
    expected: envelope(404, 'submission not found'),
  },
  {
    name: 'results, first poll',
    path: `${TA}/text/t1/results`,
    auth: AUTH,
    status: 200,
    expected: { type: 'results_not_ready', code: 200 },
  },
  {
    name: 'results, Prefer code=500',
    path: `${TA}/text/t1/results`,
    auth: AUTH,
    prefer: 'code=500',
    status: 500,
    expected: envelope(500, 'internal server error'),
  },
  {
    name: 'results, Prefer example',
    path: `${TA}/text/t1/results`,
    auth: AUTH,
    prefer: 'example="submission not found"',
    status: 404,
    expected: envelope(404, 'submission not found'),
  },

  // text-assessment generic routes
  {
    name: 'unknown text-assessment route',
    path: `${TA}/texts/t1`,
    auth: AUTH,
    status: 404,
    expected: envelope(404, 'not found'),
  },
  {
    name: 'POST on the author route',
    method: 'POST',
    path: `${TA}/author/learner-1`,
    auth: AUTH,
    status: 405,
    expected: envelope(405, 'method not allowed'),
  },
  {
    name: 'GET on the text route',
    path: `${TA}/text/t1`,
    auth: AUTH,
    status: 405,
    expected: envelope(405, 'method not allowed'),
  },
];

function send(adapter: Adapter, call: Call): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.key !== undefined) headers['x-api-key'] = call.key;
  if (call.auth !== undefined) headers.authorization = call.auth;
  if (call.prefer !== undefined) headers.prefer = call.prefer;
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  return fetch(adapter.baseUrl + call.path, { method: call.method ?? 'GET', headers, body });
}

async function call(adapter: Adapter, c: Call): Promise<{ status: number; body: any }> {
  const response = await send(adapter, c);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe.each(adapters.map((make) => [make().name, make] as const))('%s adapter', (_name, make) => {
  const adapter = make();
  beforeAll(() => adapter.start());
  afterAll(() => adapter.stop());
  beforeEach(() => adapter.state.load(defaultFixture));

  const get = (c: Call) => call(adapter, c);
  const read = async (id: string, key = KEY) =>
    (await get({ path: `/v3/submission?submission_id=${id}`, key })).body.Items[0];

  describe('documented responses', () => {
    it.each(table.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
      const response = await send(adapter, c);
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual(c.expected);
    });
  });

  describe('state rules', () => {
    it('partial delete removes exactly the named parts and keeps every other byte', async () => {
      const before = await read('s1');
      await get(pd('?submission_id=s1&fields=data,id_image,email&data_fields=first_name,cf3&admin_name=Alice'));
      const after = await read('s1');
      const expected = structuredClone(before);
      delete expected.data.first_name;
      delete expected.data.cf3;
      delete expected.image.idImage;
      delete expected.image.idBackImage;
      delete expected.email;
      expect(JSON.stringify(after)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(await read('s2'))).toBe(JSON.stringify(defaultFixture.idcheck.projects[0]!.submissions[1]));
    });

    it('data without data_fields empties data; selfie_image removes only image.selfieImage', async () => {
      await get(pd('?submission_id=s2&fields=data,selfie_image&data_fields=%20'));
      const after = await read('s2');
      expect(after.data).toEqual({});
      expect(Object.keys(after.image)).toEqual(['idImage', 'idBackImage', 'addressImage']);
    });

    it('records partial deletes with admin_name in the audit log, never in the response', async () => {
      const r = await get(pd('?submission_id=s2&fields=email&admin_name=Alice%20Admin'));
      expect(JSON.stringify(r.body)).not.toContain('Alice');
      const log = adapter.state.toFixture().idcheck.projects[0]!.auditLog!;
      expect(log.at(-1)).toMatchObject({
        submission_id: 's2',
        admin_name: 'Alice Admin',
        fields: ['email'],
        data_fields: [],
      });
    });

    it('a repeated partial delete is idempotent', async () => {
      const first = await get(pd('?submission_id=s1&fields=OCR_raw'));
      const second = await get(pd('?submission_id=s1&fields=OCR_raw'));
      expect(second).toEqual(first);
      expect((await read('s1')).OCR_raw).toBeUndefined();
    });

    it('a refused partial delete changes nothing', async () => {
      const before = adapter.state.toFixture();
      await get(pd('?submission_id=s1&fields=data,bogus'));
      await get(pd('?submission_id=s1&fields=email&data_fields=first_name'));
      await get(pd('?submission_id=s1&fields=data&data_fields=first_name,nope'));
      expect(adapter.state.toFixture()).toEqual(before);
    });

    it('an API key sees only its own project', async () => {
      expect((await get(pd('?submission_id=s1&fields=email', 'other-api-key'))).body).toEqual(
        errorCode('not Exist Submission Data'),
      );
      expect(await read('s1')).toHaveProperty('email');
      expect((await read('o1', 'other-api-key')).submission_id).toBe('o1');
      const created = await get({
        method: 'POST',
        path: '/v3/projection',
        key: 'other-api-key',
        body: { name: 'hide_birth', mode: 'exclude', fields: ['gender'] },
      });
      expect(created.status).toBe(200); // names are unique per project only
      const mine = await get({ path: '/v3/projection', key: KEY });
      expect(mine.body.items.map((p: { name: string }) => p.name)).toEqual(['hide_birth']);
    });

    it('a projection hides its fields from reads until it is deleted', async () => {
      const hidden = await read('s3');
      expect(hidden.data).not.toHaveProperty('date_of_birth');
      expect(hidden.data).not.toHaveProperty('identityNumber');
      expect(hidden.data).toHaveProperty('first_name', 'John');
      await get({ method: 'DELETE', path: '/v3/projection/hidebirth0001', key: KEY });
      const visible = await read('s3');
      expect(visible.data).toHaveProperty('date_of_birth', '1978-11-30');
      expect((await get({ path: '/v3/projection/hidebirth0001', key: KEY })).status).toBe(404);
    });

    it('created projections are listed oldest first with their stored fields', async () => {
      const created = await get({
        method: 'POST',
        path: '/v3/projection',
        key: KEY,
        body: { name: 'hide_names', mode: 'exclude', fields: ['first_name', 'last_name'] },
      });
      expect(created.status).toBe(200);
      expect(created.body.message).toBe('Create projection success');
      expect(created.body.projection_id).toMatch(/^[a-z0-9]{13}$/);
      const item = (await get({ path: `/v3/projection/${created.body.projection_id}`, key: KEY })).body.item;
      expect(item).toMatchObject({
        projection_id: created.body.projection_id,
        name: 'hide_names',
        mode: 'exclude',
        fields: ['first_name', 'last_name'],
      });
      expect(new Date(item.created_at).toISOString()).toBe(item.created_at);
      const list = (await get({ path: '/v3/projection', key: KEY })).body.items;
      expect(list.map((p: { name: string }) => p.name)).toEqual(['hide_birth', 'hide_names']);
    });

    it('exactly 10 of 50 concurrent creates succeed; the rest hit the limit', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          get({
            method: 'POST',
            path: '/v3/projection',
            key: 'other-api-key',
            body: { name: `p_${i}`, mode: 'exclude', fields: ['gender'] },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(10);
      const refused = results.filter((r) => r.status !== 200);
      expect(refused).toHaveLength(40);
      for (const r of refused) expect(r).toEqual({ status: 409, body: message('Projection count limit exceeded') });
      expect((await get({ path: '/v3/projection', key: 'other-api-key' })).body.items).toHaveLength(10);
    });

    it('the name check comes before the limit check', async () => {
      for (let i = 0; i < 9; i++)
        await get({
          method: 'POST',
          path: '/v3/projection',
          key: KEY,
          body: { name: `p${i}`, mode: 'exclude', fields: ['gender'] },
        });
      expect(
        (
          await get({
            method: 'POST',
            path: '/v3/projection',
            key: KEY,
            body: { name: 'p0', mode: 'exclude', fields: ['gender'] },
          })
        ).body,
      ).toEqual(message('Projection name already exists'));
      expect(
        (
          await get({
            method: 'POST',
            path: '/v3/projection',
            key: KEY,
            body: { name: 'p_new', mode: 'exclude', fields: ['gender'] },
          })
        ).body,
      ).toEqual(message('Projection count limit exceeded'));
    });

    it('encrypted projects take sealed bodies and answer sealed JSON', async () => {
      const apiKey = 'encrypted-api-key';
      const created = await get({
        method: 'POST',
        path: '/v3/projection',
        key: apiKey,
        body: { body: encrypt(apiKey, JSON.stringify({ name: 'sealed_one', mode: 'exclude', fields: ['gender'] })) },
      });
      expect(created.status).toBe(200);
      expect(Object.keys(created.body)).toEqual(['data']);
      const opened = JSON.parse(decrypt(apiKey, created.body.data)!);
      expect(opened).toMatchObject({ message: 'Create projection success' });
      const read = await get({ path: '/v3/submission?submission_id=e1', key: apiKey });
      expect(JSON.parse(decrypt(apiKey, read.body.data)!).Items[0].submission_id).toBe('e1');
      const deleted = await get(pd('?submission_id=e1&fields=email', apiKey));
      expect(JSON.parse(decrypt(apiKey, deleted.body.data)!)).toEqual({
        message: 'success',
        submission_id: 'e1',
        deleted: { fields: ['email'], data_fields: [] },
      });
      // errors stay plain
      expect((await get(pd('?submission_id=nope&fields=email', apiKey))).body).toEqual(
        errorCode('not Exist Submission Data'),
      );
    });

    it('author deletion is remembered until a new text by that author arrives', async () => {
      let now = new Date('2026-01-02T03:04:05.678Z');
      adapter.state.options.now = () => now;
      const first = await get({ method: 'DELETE', path: `${TA}/author/learner-1`, auth: AUTH });
      expect(first.body).toEqual({
        type: 'success',
        code: 200,
        submissions_deleted: 2,
        timestamp: '2026-01-02T03:04:05Z',
      });
      expect((await get({ path: `${TA}/text/t1/results`, auth: AUTH })).body).toEqual(
        envelope(404, 'submission not found'),
      );
      // another author's text stays
      expect((await get({ path: `${TA}/text/t3/results`, auth: AUTH })).status).toBe(200);

      now = new Date('2026-01-02T04:00:00Z');
      expect((await get({ method: 'DELETE', path: `${TA}/author/learner-1`, auth: AUTH })).body).toEqual(first.body);

      const put = await get({
        method: 'PUT',
        path: `${TA}/text/t9`,
        auth: AUTH,
        body: { text: 'New text.', author_id: 'learner-1', task_id: 'task-3' },
      });
      expect(put.status).toBe(200);
      now = new Date('2026-01-02T05:00:00Z');
      const again = await get({ method: 'DELETE', path: `${TA}/author/learner-1`, auth: AUTH });
      expect(again.body).toEqual({
        type: 'success',
        code: 200,
        submissions_deleted: 1,
        timestamp: '2026-01-02T05:00:00Z',
      });
      now = new Date('2026-01-02T06:00:00Z');
      expect((await get({ method: 'DELETE', path: `${TA}/author/learner-1`, auth: AUTH })).body).toEqual(again.body);
      // deleted ids stay used
      expect(
        (
          await get({
            method: 'PUT',
            path: `${TA}/text/t1`,
            auth: AUTH,
            body: { text: 'x', author_id: 'a', task_id: 't' },
          })
        ).body,
      ).toEqual(envelope(400, 'id already used'));
      adapter.state.options.now = () => new Date();
    });

    it('an author with no texts gives 0, remembered with its first timestamp', async () => {
      let now = new Date('2026-03-01T00:00:00Z');
      adapter.state.options.now = () => now;
      const first = await get({ method: 'DELETE', path: `${TA}/author/nobody`, auth: AUTH });
      expect(first.body).toEqual({
        type: 'success',
        code: 200,
        submissions_deleted: 0,
        timestamp: '2026-03-01T00:00:00Z',
      });
      now = new Date('2026-03-02T00:00:00Z');
      expect((await get({ method: 'DELETE', path: `${TA}/author/nobody`, auth: AUTH })).body).toEqual(first.body);
      adapter.state.options.now = () => new Date();
    });

    it('results are not ready on the first poll, then deterministic', async () => {
      await get({
        method: 'PUT',
        path: `${TA}/text/fresh-1`,
        auth: AUTH,
        body: { text: 'Hello wrld. This is fine!', author_id: 'a', task_id: 't' },
      });
      expect((await get({ path: `${TA}/text/fresh-1/results`, auth: AUTH })).body).toEqual({
        type: 'results_not_ready',
        code: 200,
      });
      const ready = (await get({ path: `${TA}/text/fresh-1/results`, auth: AUTH })).body;
      expect(ready).toMatchObject({ type: 'success', code: 200 });
      expect(ready.sentence_scores.map((s: number[]) => s.slice(0, 2))).toEqual([
        [0, 11],
        [12, 25],
      ]);
      expect(ready.textual_errors).toEqual([[6, 10, 'wrld', 'S']]);
      expect(ready.text_stats.word_count).toBe(5);
      expect((await get({ path: `${TA}/text/fresh-1/results`, auth: AUTH })).body).toEqual(ready);
    });
  });

  it('malformed requests through the adapter never get a 5xx', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('%', '%zz', '%E0%A4%A', '__proto__', '..', ''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.constantFrom(
          '/v3/submission/partial',
          '/v3/submission',
          '/v3/projection',
          '/v3/projection/',
          `${TA}/author/`,
          `${TA}/text/`,
          '/v2.3.0/account/',
        ),
        text,
        fc.array(fc.tuple(text, text), { maxLength: 4 }),
        fc.option(fc.oneof(text, fc.json()), { nil: undefined }),
        async (method, prefix, tail, query, body) => {
          const search = query.map(([k, v]) => `${k}=${v}`.replace(/[#\s]/g, '')).join('&');
          // `.`/`..` segments are resolved by URL parsing before any handler sees them
          const segment = tail.replace(/[?#/\\\s]/g, '').replace(/^(\.|%2e)/i, 'x$1');
          const path = prefix + segment + (search ? `?${search}` : '');
          const r = await send(adapter, { method, path, key: KEY, auth: AUTH, ...(method === 'GET' ? {} : { body }) });
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('Prefer controls', () => {
    it('delay=<ms> delays the answer', async () => {
      const started = performance.now();
      const r = await get({ path: '/v3/projection', key: KEY, prefer: 'delay=150' });
      expect(r.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('fault=reset drops the connection', async () => {
      await expect(send(adapter, { path: '/v3/projection', key: KEY, prefer: 'fault=reset' })).rejects.toThrow(
        TypeError,
      );
    });

    it('a status the operation does not document, or unknown values, are ignored', async () => {
      expect((await get({ path: '/v3/projection', key: KEY, prefer: 'code=418, color=blue' })).status).toBe(200);
    });

    it('a forced error changes no state', async () => {
      await get({ ...pd('?submission_id=s1&fields=email'), prefer: 'code=500' });
      expect(await read('s1')).toHaveProperty('email');
    });
  });
});
