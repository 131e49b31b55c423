// The root README's "Try it" block, run as written against a server at `url`: each curl line (its
// `http://localhost:4010` replaced by `url`) with its status, and each `# ->` line next to the answer
// of the command before it. The mock server's own test and the runtime matrix (Bun, Deno) both use it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

export interface TryItStep {
  /** The curl line as the README writes it (line continuations joined). */
  line: string;
  /** curl's exit code (0: it got an answer, whatever the status). */
  exit: number;
  status: number;
  body: string;
  /** The README's `# ->` line after this command, if any: the exact body it shows. */
  shown?: string;
}

const sh = (command: string) =>
  new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile('sh', ['-c', command], { timeout: 30_000 }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout })),
  );

/** Runs the block's curl lines one after the other against `url`. */
export async function runTryIt(url: string): Promise<TryItStep[]> {
  const block = /### Try it\n\n```sh\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no "### Try it" sh block');
  const steps: TryItStep[] = [];
  for (const line of block.replace(/\\\n\s*/g, '').split('\n')) {
    if (line.startsWith('curl ')) {
      // the status on a line of its own after the body (curl -s exits 0 whatever the status)
      const { code, stdout } = await sh(`${line.replaceAll('http://localhost:4010', url)} -w '\n%{http_code}'`);
      const cut = stdout.lastIndexOf('\n');
      steps.push({ line, exit: code, status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) });
    } else if (line.startsWith('# -> ')) {
      const last = steps.at(-1);
      if (!last) throw new Error(`"${line}" follows no command`);
      last.shown = line.slice('# -> '.length);
    }
  }
  return steps;
}
