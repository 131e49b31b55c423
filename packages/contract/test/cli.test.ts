// `scrub-contract` as CI pipelines run it: exit codes, report files, the coverage gate.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startMock, type Running } from './servers.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-'));

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

let mock: Running;
let bare: Running;
beforeAll(async () => {
  mock = await startMock();
  bare = await listen(createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}')));
});
afterAll(async () => {
  await mock.stop();
  await bare.stop();
});

describe('scrub-contract CLI', () => {
  it('passes against the mock at 100 %, writing a JSON report and JUnit XML', async () => {
    const report = join(dir, 'report.json');
    const xml = join(dir, 'junit.xml');
    const r = await run(['--', '--target', mock.url, '--report', report, '--junit', xml, '--require-coverage', '100', '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('77/77 documented responses hit (100%)');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.coverage).toHaveLength(77);
    expect(json.ok).toBe(true);
    const junit = readFileSync(xml, 'utf8');
    expect(junit).toMatch(/<testsuite name="idcheck" tests="\d+" failures="0"/);
    expect(junit).toMatch(/<testsuite name="text-assessment" tests="\d+" failures="0"/);
  });

  it('reports unreachable responses honestly and fails the coverage gate', async () => {
    const r = await run(['--target', bare.url, '--area', 'idcheck', '--api-key', 'some-key', '--require-coverage', '100', '--fuzz-runs', '0', '-q']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('unreachable');
    expect(r.out).toMatch(/0\/51 documented responses hit \(0%\)/);
    expect(r.err).toContain('coverage 0% is below the required 100%');
  });

  it('never prints the credentials it was given', async () => {
    const r = await run(['--target', bare.url, '--area', 'text-assessment', '--account', 'acc', '--token', 'tok-very-secret', '--fuzz-runs', '3']);
    expect(r.out + r.err).not.toContain('tok-very-secret');
  });

  it.each([
    [['--help'], 0, /Usage: scrub-contract \[run\] --target <url>/],
    [[], 2, /--target is required/],
    [['--target', 'nope'], 2, /--target is not an http\(s\) URL/],
    [['--target', 'http://x.test', '--area', 'both'], 2, /--area must be idcheck, text-assessment or all/],
    [['--target', 'http://x.test', '--require-coverage', '120'], 2, /--require-coverage must be a percentage/],
    [['--target', 'http://x.test', '--colour'], 2, /Unknown option '--colour'/],
  ])('%j exits %i', async (args, code, pattern) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toMatch(pattern);
  });
});
