// `bun test msw.bun.test.mjs`: the MSW cases under Bun's own test runner.
import { afterEach, beforeEach, test } from 'bun:test';
import { cases, start } from './msw-cases.mjs';

let stop;
beforeEach(() => {
  stop = start();
});
afterEach(() => stop());
for (const [name, run] of cases) test(name, run);
