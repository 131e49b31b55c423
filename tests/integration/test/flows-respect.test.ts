// The Arazzo flows (openapi/flows) run by an executor that is not ours, `redocly respect`, against the
// mock server seeded with the contract's fixture: every workflow of every file passes. Then against
// a server that answers every single request correctly but breaks promises across steps (a repeated
// author delete with a fresh timestamp; a partial delete that also loses last_name on later reads):
// respect fails and names the step. A fresh mock per run, because the flows change state.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_CREDENTIALS, contractFixture } from '@scrub/contract';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FLOWS = join(ROOT, 'openapi/flows');
const REDOCLY = join(ROOT, 'openapi/node_modules/.bin/redocly');
/** Polls answered `results_not_ready` before the results: the flows must retry twice. */
const NOT_READY_POLLS = 2;
/** Unique per test run (1-12 of [a-z0-9]): every name and id a flow creates is built from it. */
const RUN_ID = `r${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.slice(0, 12);
const { orphanApiKey: _, ...credentials } = CONTRACT_CREDENTIALS;
const INPUTS = {
  ...credentials,
  deletableSubmissionId: CONTRACT_CREDENTIALS.submissionId,
  version: 'v2.3.0',
  runId: RUN_ID,
};

type Flow = { sourceDescriptions: { name: string }[]; workflows: { workflowId: string }[] };
const files = readdirSync(FLOWS).filter((f) => f.endsWith('.arazzo.yaml'));
const flowOf = (file: string) => parse(readFileSync(join(FLOWS, file), 'utf8')) as Flow;

const servers: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startMock(): Promise<RunningMockServer> {
  const mock = await startMockServer({ fixture: contractFixture, resultsNotReadyPolls: NOT_READY_POLLS });
  servers.push(mock);
  return mock;
}

/** Runs `redocly respect` on one flow file with every source at `url`; the exit code and the plain output. */
function respect(file: string, url: string, extra: string[] = []): Promise<{ code: number; output: string }> {
  const sources = flowOf(file).sourceDescriptions.flatMap((s) => ['-S', `${s.name}=${url}`]);
  const inputs = Object.entries(INPUTS).flatMap(([name, value]) => ['--input', `${name}=${value}`]);
  const args = ['respect', join(FLOWS, file), ...sources, ...inputs, ...extra];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile(REDOCLY, args, { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.replace(/\u001b\[[0-9;]*m/g, '') });
    });
  });
}

/**
 * A proxy to `target` that is right for every single request and wrong across steps: a repeated
 * author delete answers a fresh timestamp, and after a partial delete, reads of that submission
 * also lack `data.last_name`.
 */
async function startWrongServer(target: string): Promise<{ url: string; close(): Promise<unknown> }> {
  const authorDeletes = new Set<string>();
  const partiallyDeleted = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const body = rewrite(
            req.method ?? '',
            new URL(req.url ?? '/', target),
            Buffer.concat(parts).toString('utf8'),
          );
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  function rewrite(method: string, url: URL, text: string): string {
    if (method === 'DELETE' && /\/author\//.test(url.pathname)) {
      const repeat = authorDeletes.has(url.pathname);
      authorDeletes.add(url.pathname);
      return repeat ? text.replace(/"timestamp":"[^"]*"/, '"timestamp":"2001-01-01T00:00:00Z"') : text;
    }
    const id = url.searchParams.get('submission_id') ?? '';
    if (method === 'DELETE' && url.pathname === '/v3/submission/partial') partiallyDeleted.add(id);
    if (method === 'GET' && url.pathname === '/v3/submission' && partiallyDeleted.has(id)) {
      const body = JSON.parse(text);
      for (const item of body.Items ?? []) delete item.data?.last_name;
      return JSON.stringify(body);
    }
    return text;
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const wrong = { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
  servers.push(wrong);
  return wrong;
}

describe('redocly respect runs every flow on the mock', () => {
  it('finds the flow files', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const total = flowOf(file).workflows.length;
    it(`${file}: ${total} of ${total} workflows pass`, async () => {
      const mock = await startMock();
      const { code, output } = await respect(file, mock.url);
      expect(output).toContain(`Workflows: ${total} passed, ${total} total`);
      expect(code, output).toBe(0);
    }, 90_000);
  }

  it('follows the retry of the polling step: results_not_ready twice, then the results', async () => {
    const mock = await startMock();
    const { code, output } = await respect('text-assessment.arazzo.yaml', mock.url, ['-w', 'results-after-not-ready']);
    expect(code, output).toBe(0);
    const polls = mock.state.requests({ operationId: 'getTextResults' });
    expect(polls.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(polls).toHaveLength(NOT_READY_POLLS + 2);
  }, 90_000);
});

describe('redocly respect fails the flows on a server wrong across steps', () => {
  it('seed 002: a repeated author delete with a fresh timestamp fails repeat-delete-author', async () => {
    const wrong = await startWrongServer((await startMock()).url);
    const { code, output } = await respect('text-assessment.arazzo.yaml', wrong.url, ['-w', 'author-delete-repeat']);
    expect(code).not.toBe(0);
    expect(output).toContain('Workflows: 1 failed, 1 total');
    expect(output).toMatch(
      /stepId - repeat-delete-author[\s\S]*\$response\.body#\/timestamp == \$steps\.delete-author/,
    );
  }, 90_000);

  it('seed 000: a partial delete that also loses last_name on later reads fails read-after', async () => {
    const wrong = await startWrongServer((await startMock()).url);
    const flow = 'partial-delete-keeps-unnamed-fields';
    const { code, output } = await respect('idcheck-submissions.arazzo.yaml', wrong.url, ['-w', flow]);
    expect(code).not.toBe(0);
    expect(output).toContain('Workflows: 1 failed, 1 total');
    expect(output).toMatch(/stepId - read-after[\s\S]*Items\/0\/data\/last_name/);
  }, 90_000);
});
