// Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) driven by playwright-core: nothing is
// downloaded. In CI the browser tests must run, so a missing Chromium is an error there; elsewhere they
// are skipped with the reason printed.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export type { Browser, Page } from 'playwright-core';

/** Where Chromium is looked for. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * True when Chromium is installed. Without it: throws when `CI` is set (the CI installs it), else
 * prints why `what` is skipped and returns false (for `describe.skipIf(!hasChromium(...))`).
 */
export function hasChromium(what = 'browser tests'): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} is missing (.ci/run installs it with apt-get).`);
  console.warn(`skipping ${what}: ${CHROMIUM_PATH} not found (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
}

/** Headless, no sandbox (containers), no GPU, and none of the background traffic a test does not ask for. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium for a test file; close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
