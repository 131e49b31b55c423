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
