// The root README's "Try it" block runs as written against a fresh server: every curl line succeeds
// with a JSON answer, and each `# ->` line is the exact answer of the command before it.
import { runTryIt } from '@scrub/test-support/try-it';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/index.js';

let mock: RunningMockServer;

beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.close());

it('README "Try it": every command answers, and every "# ->" is the answer shown', async () => {
  const steps = await runTryIt(mock.url);
  for (const step of steps) {
    expect(step.exit, step.line).toBe(0);
    expect(() => JSON.parse(step.body), `${step.line}\n${step.body}`).not.toThrow();
    if (step.shown !== undefined) expect(step.body, step.line).toBe(step.shown);
  }
  expect(steps).toHaveLength(10);
  expect(steps.filter((s) => s.shown !== undefined)).toHaveLength(4);
  // only the two commands that show an error on purpose (Prefer: code=405, the armed 500) get one
  expect(steps.filter((s) => s.status >= 400).map((s) => s.status)).toEqual([405, 500]);
});
