// A web page of another origin, in real Chromium, against the mock server on the same machine: it can
// neither read nor change the state through /__mock (curl can), while API calls keep working from it.
// With adminOrigins (--admin-origin) the listed origin may use /__mock. Skipped locally (with the reason) when
// Chromium is absent; required in CI.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, hasChromium, launchChromium } from '@scrub/test-support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/index.js';

const available = hasChromium();

/** A page on another loopback origin (127.0.0.1:<its port>; the mock is another port of 127.0.0.1). */
function servePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>another site</title>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

/** What a page can learn from a request: `blocked` when the browser (CORS) or the network refused it. */
const ATTEMPT = `async ([url, init]) => {
  try {
    const r = await fetch(url, init);
    return r.type === 'opaque' ? 'opaque' : r.status + ' ' + (await r.text());
  } catch (e) { return 'blocked'; }
}`;

describe.skipIf(!available)('admin routes against a page of another origin (Chromium)', () => {
  let browser: Browser;
  let page: { url: string; server: Server };
  const mocks: RunningMockServer[] = [];
  const startMock = async (options: Parameters<typeof startMockServer>[0] = {}) => {
    const mock = await startMockServer(options);
    mocks.push(mock);
    return mock;
  };

  beforeAll(async () => {
    page = await servePage();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    page?.server.close();
    await Promise.all(mocks.map((mock) => mock.close(0)));
  });

  it('cannot read, replace or reset the state; curl (no Origin) can; API calls still work', async () => {
    const mock = await startMock();
    // a change the page would like to undo
    await fetch(`${mock.url}/v3/submission/partial?submission_id=s1&fields=email`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'test-api-key' },
    });
    const before = await (await fetch(`${mock.url}/__mock/state`)).text();

    const tab = await browser.newPage();
    await tab.goto(page.url);
    const attempt = (url: string, init: RequestInit = {}) =>
      tab.evaluate(`(${ATTEMPT})(${JSON.stringify([url, init])})`);
    expect(await attempt(`${mock.url}/__mock/state`)).toBe('blocked');
    expect(
      await attempt(`${mock.url}/__mock/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    ).toBe('blocked');
    // no preflight: what a plain HTML form or a no-cors fetch can send; the server sees the Origin and refuses
    expect(
      await attempt(`${mock.url}/__mock/reset`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
    ).toBe('opaque');
    expect(await attempt(`${mock.url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } })).toMatch(
      /^200 \{"items":\[/,
    );

    expect(await (await fetch(`${mock.url}/__mock/state`)).text()).toBe(before);
    const reset = await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await (await fetch(`${mock.url}/__mock/state`)).text()).not.toBe(before);
    await tab.close();
  });

  it('an origin listed with --admin-origin may read and reset the state', async () => {
    const mock = await startMock({ adminOrigins: [page.url] });
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const attempt = (url: string, init: RequestInit = {}) =>
      tab.evaluate(`(${ATTEMPT})(${JSON.stringify([url, init])})`);
    expect(await attempt(`${mock.url}/__mock/state`)).toMatch(/^200 \{"idcheck":/);
    expect(await attempt(`${mock.url}/__mock/reset`, { method: 'POST' })).toBe(
      '200 {"message":"state reset to the fixture"}',
    );
    await tab.close();
  });
});
