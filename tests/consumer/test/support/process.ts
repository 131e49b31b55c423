// Commands of the consumer tests: run one and get its exit code and output, or require it to succeed.
import { execFile } from 'node:child_process';

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 300_000) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      cmd,
      args,
      { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Runs a command that must succeed; resolves to its standard output. */
export async function ok(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = await run(cmd, args, cwd, env);
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  return r.stdout;
}
