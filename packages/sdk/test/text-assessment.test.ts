// The text-assessment client: polling for results.
import { describe, expect, it } from 'vitest';
import { APITimeoutError, APIUserAbortError, createTextAssessmentClient } from '../src/index.js';
import { fakeFetch, json } from './support/fake-fetch.js';

describe('waitForResults', () => {
  const notReady = json(200, { type: 'results_not_ready', code: 200 });
  const ready = json(200, { type: 'success', code: 200, overall_score: 7.3 });
  const ta = (fetch: typeof globalThis.fetch) =>
    createTextAssessmentClient({ accountId: 'acc', token: 'tok', baseUrl: 'http://api.test', fetch });

  it('polls past results_not_ready at the interval', async () => {
    const f = fakeFetch(notReady, notReady, ready);
    await expect(ta(f.fetch).texts.waitForResults('t1', { interval: 30 })).resolves.toEqual({
      type: 'success',
      code: 200,
      overall_score: 7.3,
    });
    expect(f.calls).toHaveLength(3);
    expect(f.calls[2]!.at - f.calls[1]!.at).toBeGreaterThanOrEqual(25);
  });

  it('gives up after its timeout with APITimeoutError', async () => {
    const f = fakeFetch(notReady);
    await expect(ta(f.fetch).texts.waitForResults('t1', { interval: 20, timeout: 70 })).rejects.toBeInstanceOf(
      APITimeoutError,
    );
    expect(f.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps its deadline even when a poll hangs', async () => {
    const f = fakeFetch('hang');
    const started = performance.now();
    await expect(ta(f.fetch).texts.waitForResults('t1', { interval: 10, timeout: 150 })).rejects.toBeInstanceOf(
      APITimeoutError,
    );
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('stops when its signal aborts', async () => {
    const f = fakeFetch(notReady);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(
      ta(f.fetch).texts.waitForResults('t1', { interval: 10, signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe('the account in every URL', () => {
  it('an account id or version no URL can hold is refused at creation, naming the option', () => {
    expect(() => createTextAssessmentClient({ accountId: 'acc\uD800', token: 'tok' })).toThrow(
      '`accountId` is not a well-formed string (it holds a lone surrogate).',
    );
    expect(() => createTextAssessmentClient({ accountId: 'acc', token: 'tok', version: '\uDC00' })).toThrow(
      '`version` is not a well-formed string',
    );
  });

  it('each method addresses its route under the version and account, ids encoded', async () => {
    const f = fakeFetch(json(200, { type: 'results_not_ready', code: 200 }));
    const client = createTextAssessmentClient({
      accountId: 'acc 1',
      token: 'tok',
      version: 'v2.4.0',
      baseUrl: 'http://api.test/',
      fetch: f.fetch,
    });
    await client.texts.results('t/1');
    expect(f.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', 'http://api.test/v2.4.0/account/acc%201/text/t%2F1/results'],
    ]);
  });
});
