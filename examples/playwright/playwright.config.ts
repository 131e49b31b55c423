// Two workers share one mock server; each sends its own `x-mock-session`, so each has its own state,
// arms and journal. Chromium is Debian's (`CHROMIUM_PATH`, default /usr/bin/chromium): nothing is downloaded.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.SCRUB_MOCK_PORT ?? 4817);

export default defineConfig({
  testDir: './tests',
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    // evaluated in each worker process: every request of this worker (page and `request`) names its session
    extraHTTPHeaders: { 'x-mock-session': `worker-${process.env.TEST_WORKER_INDEX ?? 0}` },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    },
  },
  webServer: {
    command: `node ../../apps/mock-server/dist/cli.js --port ${port} --quiet`,
    url: `http://localhost:${port}/docs`,
    reuseExistingServer: false,
  },
});
