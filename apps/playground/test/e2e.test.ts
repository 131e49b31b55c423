// End to end in Debian's Chromium via playwright-core: the console in MSW mode and in server mode,
// and the API reference served by the mock server. In CI these must run; locally they are skipped,
// with the reason printed, when /usr/bin/chromium is absent.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTraffic } from '@scrub/contract';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { type Browser, hasChromium, launchChromium, type Page } from '@scrub/test-support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const available = hasChromium();
/** Why `scrub-contract traffic` may leave a recorded call out of the replay. */
const NOT_REPLAYED = new RegExp(
  '^not replayed: (the recording holds no request body|' +
    'it names \\w+, created by a request that was not replayed)$',
);

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) file = join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://localhost:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe.skipIf(!available)('privacy console in Chromium', () => {
  let browser: Browser;
  let app: { url: string; server: Server };
  let mock: RunningMockServer;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await serveDist();
    mock = await startMockServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    app?.server.close();
    await mock?.close();
  });

  async function openConsole(): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${app.url}/`);
    await page.getByRole('status').getByText('Ready: in-browser mock (MSW)').waitFor();
    return page;
  }

  it('MSW mode: partially deletes data.first_name and keeps everything else', async () => {
    const page = await openConsole();
    await page.locator('#pd-submission').selectOption('s1');
    await page.locator('#fields').getByLabel('data', { exact: true }).check();
    await page.locator('#data-fields').getByLabel('first_name', { exact: true }).check();
    await page.getByRole('button', { name: 'Delete selected parts' }).click();
    await page.getByRole('status').getByText('Partial delete of s1 done').waitFor();
    const before = JSON.parse((await page.locator('#before').textContent()) ?? '{}');
    const after = JSON.parse((await page.locator('#after').textContent()) ?? '{}');
    expect(before.data.first_name).toBe('Ji Sung');
    expect(after.data).not.toHaveProperty('first_name');
    const { first_name: _gone, ...rest } = before.data;
    expect(after.data).toEqual(rest);
    expect({ ...after, data: undefined }).toEqual({ ...before, data: undefined });
    await shot(page, 'partial-delete');
    await page.close();
  });

  it('MSW mode: the 11th projection shows "Projection count limit exceeded"', async () => {
    const page = await openConsole();
    await page.locator('#projection-fields').getByLabel('gender', { exact: true }).check();
    const rows = page.locator('#projection-rows tr');
    await expect.poll(() => rows.count()).toBe(1); // the fixture's hide_birth
    for (let i = 2; i <= 10; i++) {
      await page.getByLabel('Projection name').fill(`console_${i}`);
      await page.getByRole('button', { name: 'Create projection' }).click();
      await expect.poll(() => rows.count()).toBe(i);
    }
    await page.getByLabel('Projection name').fill('console_11');
    await page.getByRole('button', { name: 'Create projection' }).click();
    await page.getByRole('alert').getByText('409: Projection count limit exceeded').waitFor();
    expect(await rows.count()).toBe(10);
    await shot(page, 'projection-limit');
    await page.close();
  });

  it('server mode: the same console against a running mock server', async () => {
    const page = await openConsole();
    await page.getByLabel('Mock server', { exact: true }).check();
    await page.getByLabel('Mock server URL').fill(mock.url);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('status').getByText(`Ready: mock server at ${mock.url}`).waitFor();
    await page.getByLabel('Author ID').fill('learner-2');
    await page.getByRole('button', { name: "Delete author's texts" }).click();
    await expect
      .poll(() => page.locator('#author-result').textContent())
      .toMatch(/^1 submission\(s\) deleted at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await shot(page, 'server-mode');
    await page.close();
  });

  it('a HAR recorded in server mode passes `scrub-contract traffic` and replays alike on a fresh mock', async () => {
    // a server of its own: the recording starts from the built-in fixture, as the replay's does
    const recorded = await startMockServer();
    const replay = await startMockServer();
    const har = join(ARTIFACTS, 'server-mode.har');
    try {
      // no service worker (so no MSW mode): the page talks to the server itself, as a deployed app
      // would (with the worker, Chromium also records the worker's copy of each call)
      const context = await browser.newContext({ recordHar: { path: har, content: 'embed' }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${app.url}/`);
      await page.getByRole('button', { name: 'Connect' }).waitFor();
      await page.getByLabel('Mock server', { exact: true }).check();
      await page.getByLabel('Mock server URL').fill(recorded.url);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('status').getByText(`Ready: mock server at ${recorded.url}`).waitFor();
      await page.locator('#pd-submission').selectOption('s1');
      await page.locator('#fields').getByLabel('data', { exact: true }).check();
      await page.locator('#data-fields').getByLabel('first_name', { exact: true }).check();
      await page.getByRole('button', { name: 'Delete selected parts' }).click();
      await page.getByRole('status').getByText('Partial delete of s1 done').waitFor();
      await page.locator('#projection-fields').getByLabel('gender', { exact: true }).check();
      await page.getByLabel('Projection name').fill('recorded_in_chromium');
      await page.getByRole('button', { name: 'Create projection' }).click();
      await expect.poll(() => page.locator('#projection-rows tr').count()).toBe(2);
      await page.getByRole('button', { name: 'Delete projection recorded_in_chromium' }).click();
      await expect.poll(() => page.locator('#projection-rows tr').count()).toBe(1);
      await page.getByLabel('Author ID').fill('learner-2');
      await page.getByRole('button', { name: "Delete author's texts" }).click();
      await expect.poll(() => page.locator('#author-result').textContent()).toMatch(/submission\(s\) deleted/);
      await context.close(); // writes the HAR

      const report = await checkTraffic(har, { replay: replay.url });
      const calls = report.exchanges.filter((e) => e.state !== 'ignored');
      expect(report.exchanges.filter((e) => e.state === 'failed')).toEqual([]);
      expect(new Set(calls.map((e) => e.operationId))).toEqual(
        new Set([
          'getSubmission',
          'listProjections',
          'partialDeleteSubmission',
          'createProjection',
          'deleteProjection',
          'deleteAuthorSubmissions',
        ]),
      );
      // every call replayed gave the recorded answer; Chromium's HAR holds no body for the SDK's POST here,
      // so that call and the delete of what it created are reported as not replayed
      const replayed = calls.filter((e) => !e.replay?.skipped);
      expect(replayed.filter((e) => e.replay!.differences.length)).toEqual([]);
      expect(replayed.map((e) => e.operationId)).toEqual(
        expect.arrayContaining([
          'partialDeleteSubmission',
          'deleteAuthorSubmissions',
          'getSubmission',
          'listProjections',
        ]),
      );
      for (const e of calls.filter((c) => c.replay?.skipped)) expect(e.replay!.skipped).toMatch(NOT_REPLAYED);
      expect(report.exchanges.filter((e) => e.state === 'ignored').map((e) => e.request)).toEqual(
        expect.arrayContaining(['GET /']),
      ); // the page itself
      expect(JSON.stringify(report)).not.toContain('test-api-key');
      expect(report.ok).toBe(true);
    } finally {
      await Promise.all([recorded.close(), replay.close()]);
    }
  });

  it('the mock server serves the API reference at /docs with the partial-delete operation', async () => {
    const page = await browser.newPage();
    await page.goto(`${mock.url}/docs`);
    await page.getByRole('link', { name: /ARGOS ID check v3/ }).click();
    await page.getByText('Submissions', { exact: true }).first().click(); // the tag in Redoc's menu
    await page.getByText('Delete selected parts of one submission').first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (rendered text), no DOM
    expect(await page.locator('body').innerText()).toContain('/v3/submission/partial');
    await shot(page, 'docs');
    await page.close();
  });
});
