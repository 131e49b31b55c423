// Prism on both sides of the spec: as a validating proxy in front of the Scrub mock (spec <-> mock),
// and as a mock of each spec forced to every documented response (the spec's examples fit its schemas).

import { deref, operations } from '@scrub/spec';
import { document as idcheckDocument } from '@scrub/spec/idcheck/document';
import { document as textDocument } from '@scrub/spec/text-assessment/document';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Area, ResponseValidator, runContract } from '../../src/index.js';
import { operationById } from '../../src/spec.js';
import { type Running, SPECS, startMock, startPrism, startWrongServer } from '../support/servers.js';

const AREAS: Area[] = ['idcheck', 'text-assessment'];

describe('through `prism proxy --errors` in front of the mock', () => {
  let mock: Running;
  const proxies: Partial<Record<Area, Running & { output(): string }>> = {};
  beforeAll(async () => {
    mock = await startMock();
    for (const area of AREAS) proxies[area] = await startPrism(['proxy', SPECS[area], mock.url, '--errors']);
  }, 120_000);
  afterAll(async () => {
    for (const p of Object.values(proxies)) await p!.stop();
    await mock.stop();
  });

  for (const area of AREAS) {
    it(`${area}: every spec-conforming case passes and Prism reports no violation`, async () => {
      const report = await runContract({
        target: proxies[area]!.url,
        admin: mock.url,
        areas: [area],
        onlyValidRequests: true,
      });
      const failed = report.results.filter((r) => r.state === 'failed');
      expect(failed).toEqual([]);
      expect(report.results.filter((r) => r.state === 'passed').length).toBeGreaterThanOrEqual(
        area === 'idcheck' ? 25 : 12,
      );
      expect(proxies[area]!.output()).not.toMatch(/Violation|violat/i);
    });
  }
});

it('the proxy catches a response that breaks the spec', async () => {
  const mock = await startMock();
  const wrong = await startWrongServer(mock.url);
  const proxy = await startPrism(['proxy', SPECS.idcheck, wrong.url, '--errors']);
  try {
    const report = await runContract({
      target: proxy.url,
      admin: mock.url,
      areas: ['idcheck'],
      onlyValidRequests: true,
    });
    const list = report.results.find((r) => r.operationId === 'listProjections' && r.response === '200')!;
    expect(list.state).toBe('failed');
    expect(list.problems.join('\n')).toContain('the proxy reports spec violations: [{"location":["response","body"]');
  } finally {
    await proxy.stop();
    await wrong.stop();
    await mock.stop();
  }
}, 120_000);

const documents: Record<Area, Record<string, any>> = { idcheck: idcheckDocument, 'text-assessment': textDocument };

/** A request Prism accepts for each operation (its validation runs before it picks a response). */
const VALID: Record<string, { method: string; path: string; headers: Record<string, string>; body?: string }> = {
  partialDeleteSubmission: {
    method: 'DELETE',
    path: '/v3/submission/partial?submission_id=s1&fields=data,email&data_fields=first_name',
    headers: { 'x-api-key': 'k' },
  },
  getSubmission: { method: 'GET', path: '/v3/submission?submission_id=s1', headers: { 'x-api-key': 'k' } },
  createProjection: {
    method: 'POST',
    path: '/v3/projection',
    headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'p', mode: 'exclude', fields: ['gender'] }),
  },
  listProjections: { method: 'GET', path: '/v3/projection', headers: { 'x-api-key': 'k' } },
  getProjection: { method: 'GET', path: '/v3/projection/55sqp8ma0jvwh', headers: { 'x-api-key': 'k' } },
  deleteProjection: { method: 'DELETE', path: '/v3/projection/55sqp8ma0jvwh', headers: { 'x-api-key': 'k' } },
  deleteAuthorSubmissions: {
    method: 'DELETE',
    path: '/v2.3.0/account/acc-1/author/learner-1',
    headers: { authorization: 'Token token=t' },
  },
  submitText: {
    method: 'PUT',
    path: '/v2.3.0/account/acc-1/text/t-1',
    headers: { authorization: 'Token token=t', 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'x', author_id: 'a', task_id: 't' }),
  },
  getTextResults: {
    method: 'GET',
    path: '/v2.3.0/account/acc-1/text/t-1/results',
    headers: { authorization: 'Token token=t' },
  },
};

describe('`prism mock` of each spec, forced to every documented response and example', () => {
  const validator = new ResponseValidator();
  for (const area of AREAS) {
    it(`${area}: every example is served with its status and fits its schema`, async () => {
      const prism = await startPrism(['mock', SPECS[area]]);
      try {
        const doc = documents[area];
        let checked = 0;
        for (const { operation: op } of operations(doc)) {
          for (const [status, ref] of Object.entries(op.responses as Record<string, any>)) {
            const response = deref(doc, ref);
            for (const [name, example] of Object.entries(
              (response.content?.['application/json']?.examples ?? {}) as Record<string, any>,
            )) {
              const value = deref(doc, example).value;
              const req = VALID[op.operationId]!;
              const res = await fetch(prism.url + req.path, {
                method: req.method,
                headers: { ...req.headers, prefer: `code=${status}, example=${name}` },
                body: req.body,
              });
              const body = await res.json();
              const where = `${op.operationId} ${status} ${name}`;
              expect(res.status, where).toBe(Number(status));
              expect(body, where).toEqual(value);
              expect(validator.check(operationById.get(op.operationId)!, Number(status), body), where).toEqual([]);
              checked++;
            }
          }
        }
        expect(checked).toBeGreaterThan(area === 'idcheck' ? 40 : 20);
      } finally {
        await prism.stop();
      }
    }, 120_000);
  }
});
