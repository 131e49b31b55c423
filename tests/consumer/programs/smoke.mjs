// The SDK smoke of the runtime matrix: every method of both clients, typed errors, local refusals,
// encryption and `raw`, against a Scrub mock server at `url`, in the session `session` (each runtime
// gets its own state). It takes the SDK module as an argument, so the same body runs after `import`
// (ES module), `require()` (CommonJS) and inside a Cloudflare worker, and returns plain JSON that
// the test compares, runtime by runtime, with one expected value.
// the error classes, most specific first: `instanceof` is what users rely on (class names may be
// renamed by a bundler)
const CLASSES = [
  'BadRequestError',
  'NotFoundError',
  'InternalServerError',
  'APIError',
  'APITimeoutError',
  'APIUserAbortError',
  'APIConnectionError',
  'ScrubError',
];

export async function smoke(sdk, url, session) {
  const headers = { 'x-mock-session': session };
  const arm = async (body) => {
    const r = await fetch(`${url}/__mock/arm`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status !== 201) throw new Error(`arming ${JSON.stringify(body)} answered ${r.status}`);
  };
  const caught = async (call) => {
    try {
      return { resolved: await call() };
    } catch (e) {
      return {
        class: CLASSES.find((name) => e instanceof sdk[name]),
        scrub: sdk.isScrubError(e),
        ...(e instanceof sdk.APIError ? { status: e.status, code: e.code, sent: e.sent } : { message: e.message }),
      };
    }
  };
  const t = {
    sdk,
    arm,
    caught,
    idcheck: sdk.createIdCheckClient({ apiKey: 'test-api-key', baseUrl: url, headers, maxRetries: 0 }),
    sealed: sdk.createIdCheckClient({ apiKey: 'encrypted-api-key', baseUrl: url, headers, encryption: true }),
    elit: sdk.createTextAssessmentClient({ accountId: 'demo-account', token: 'demo-token', baseUrl: url, headers }),
  };
  const out = { ...(await idcheckMethods(t)), ...(await errors(t)), ...(await textMethods(t)), ...(await raw(t)) };
  // the journal of this session saw the calls that were sent, and never a credential
  const journal = await (await fetch(`${url}/__mock/requests`, { headers })).json();
  out.journal = journal.requests.length;
  out.credentialsInJournal = /test-api-key|demo-token|encrypted-api-key/.test(JSON.stringify(journal));
  return out;
}

/** ID check: every method, and encryption (the body goes sealed, the answer comes back opened). */
async function idcheckMethods({ idcheck, sealed }) {
  const out = {};
  out.partialDelete = await idcheck.submissions.partialDelete({
    submissionId: 's1',
    fields: ['data', 'id_image'],
    dataFields: ['first_name'],
  });
  const s1 = await idcheck.submissions.get('s1');
  out.afterDelete = { first_name: s1.data?.first_name ?? null, last_name: s1.data?.last_name };
  out.listed = (await idcheck.submissions.list({ email: s1.email })).map((s) => s.submission_id);
  const created = await idcheck.projections.create({ name: 'hide_names', fields: ['first_name', 'last_name'] });
  out.created = { message: created.message, idShape: /^[a-z0-9]{13}$/.test(created.projection_id) };
  out.projection = (await idcheck.projections.get(created.projection_id)).name;
  out.projections = (await idcheck.projections.list()).map((p) => p.name).sort();
  out.deletedProjection = await idcheck.projections.delete(created.projection_id);
  const sealedProjection = await sealed.projections.create({ name: 'sealed_one', fields: ['gender'] });
  out.sealed = (await sealed.projections.get(sealedProjection.projection_id)).name;
  out.sealedSubmission = (await sealed.submissions.get('e1')).submission_id;
  return out;
}

/** Typed errors (a documented 404, an armed 500 not retried, a timeout, no server) and local refusals. */
async function errors({ sdk, arm, caught, idcheck }) {
  const out = {};
  out.notFound = await caught(() => idcheck.projections.get('nope'));
  out.notFoundTyped = await idcheck.projections.get('nope').catch((e) => sdk.isAPIError(e, 'getProjection'));
  await arm({ operationId: 'listProjections', status: 500 });
  out.armed = await caught(() => idcheck.projections.list({ maxRetries: 2 }));
  await arm({ operationId: 'getSubmission', delay: 2000 });
  out.timeout = await caught(() => idcheck.submissions.get('s2', { timeout: 200 }));
  const nowhere = sdk.createIdCheckClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
  out.unreachable = (await caught(() => nowhere.projections.list())).class; // the cause's text is the runtime's own
  // nothing is sent for these
  out.refused = await caught(() =>
    idcheck.submissions.partialDelete({ submissionId: 's2', fields: ['email'], dataFields: ['first_name'] }),
  );
  out.badOption = await caught(() => idcheck.projections.list({ maxRetries: -1 }));
  return out;
}

/** Text assessment: every method. */
async function textMethods({ caught, elit }) {
  const out = {};
  out.submitted = await elit.texts.submit('essay-1', { text: 'My text.', author_id: 'learner-1', task_id: 'task-1' });
  out.poll = (await elit.texts.results('essay-1')).type;
  out.results = (await elit.texts.waitForResults('essay-1', { interval: 10 })).type;
  out.authorDeleted = Object.keys(await elit.authors.delete('learner-1')).sort();
  out.badAuthor = await caught(() => elit.authors.delete('no spaces allowed'));
  return out;
}

/** raw: the typed openapi-fetch client of each, same auth and transport (loaded on first use). */
async function raw({ idcheck, elit }) {
  const projection = await idcheck.raw.GET('/v3/projection/{projection_id}', {
    params: { path: { projection_id: 'hidebirth0001' } },
  });
  const results = await elit.raw.GET('/{version}/account/{account_id}/text/{id}/results', {
    params: { path: { version: 'v2.3.0', account_id: 'demo-account', id: 't3' } },
  });
  return {
    raw: [projection.response.status, projection.data?.item?.name],
    rawText: [results.response.status, results.data?.type],
  };
}
