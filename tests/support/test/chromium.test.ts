// The shared Chromium launch: a page loads and runs script (skipped, with the reason, without Chromium;
// an error in CI).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../src/chromium.js';

it.skipIf(!hasChromium('the Chromium launch test'))(
  'launches Chromium, which loads a page and runs script',
  async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>t</title>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await page.evaluate('document.title + (1 + 1)')).toBe('t2');
    } finally {
      await browser.close();
      server.close();
    }
  },
);
