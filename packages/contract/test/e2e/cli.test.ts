// `scrub-contract` as CI pipelines run it: exit codes, report files, the coverage gate.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as runCli } from '../support/cli.js';
import { listen, type Running, startMock } from '../support/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-'));
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });

let mock: Running;
let bare: Running;
beforeAll(async () => {
  mock = await startMock();
  bare = await listen(
    createServer((_req, res) =>
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'),
    ),
  );
});
afterAll(async () => {
  await mock.stop();
  await bare.stop();
});

describe('scrub-contract CLI', () => {
  it('passes against the mock at 100 %, writing a JSON report and JUnit XML', async () => {
    const report = join(dir, 'report.json');
    const xml = join(dir, 'junit.xml');
    const r = await cli([
      '--',
      '--target',
      mock.url,
      '--report',
      report,
      '--junit',
      xml,
      '--require-coverage',
      '100',
      '--quiet',
    ]);
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
    const r = await cli([
      '--target',
      bare.url,
      '--area',
      'idcheck',
      '--api-key',
      'some-key',
      '--require-coverage',
      '100',
      '--fuzz-runs',
      '0',
      '-q',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('unreachable');
    expect(r.out).toMatch(/0\/51 documented responses hit \(0%\)/);
    expect(r.err).toContain('coverage 0% is below the required 100%');
  });

  it('never prints the credentials it was given', async () => {
    const r = await cli([
      '--target',
      bare.url,
      '--area',
      'text-assessment',
      '--account',
      'acc',
      '--token',
      'tok-very-secret',
      '--fuzz-runs',
      '3',
    ]);
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
    const r = await cli(args as string[]);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toMatch(pattern);
  });
});
