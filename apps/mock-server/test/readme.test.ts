// The root README's "Try it" block runs as written against a fresh server: every curl line succeeds
// with a JSON answer, and each `# ->` line is the exact answer of the command before it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/index.js';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
let mock: RunningMockServer;
let url = '';

beforeAll(async () => {
  mock = await startMockServer();
  url = mock.url;
});
afterAll(() => mock?.close());

const sh = (command: string) =>
  new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile('sh', ['-c', command], { timeout: 30_000 }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout })),
  );

it('README "Try it": every command answers, and every "# ->" is the answer shown', async () => {
  const readme = readFileSync(README, 'utf8');
  const block = /### Try it\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const lines = block.replace(/\\\n\s*/g, '').split('\n');
  let last: string | undefined;
  let commands = 0;
  let checked = 0;
  const refused: number[] = [];
  for (const line of lines) {
    if (line.startsWith('curl ')) {
      // the status on a line of its own after the body (curl -s exits 0 whatever the status)
      const { code, stdout } = await sh(`${line.replaceAll('http://localhost:4010', url)} -w '\n%{http_code}'`);
      expect(code, line).toBe(0);
      const status = Number(stdout.slice(stdout.lastIndexOf('\n') + 1));
      last = stdout.slice(0, stdout.lastIndexOf('\n'));
      expect(() => JSON.parse(last!), `${line}\n${last}`).not.toThrow();
      if (status >= 400) refused.push(status);
      commands++;
    } else if (line.startsWith('# -> ')) {
      expect(last, line).toBe(line.slice('# -> '.length));
      checked++;
    }
  }
  expect(commands).toBe(10);
  expect(checked).toBe(4);
  // only the two commands that show an error on purpose (Prefer: code=405, the armed 500) get one
  expect(refused).toEqual([405, 500]);
});
