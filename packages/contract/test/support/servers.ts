// Servers the contract tests run against: the Scrub mock in-process, Prism as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Fixture, type StartMockServerOptions, startMockServer } from '@scrub/mock-server';
import { type Drift, type Exchange, startStaging as startStagingProxy } from '@scrub/test-support/staging';
import { send } from '../../src/http.js';

export const SPECS = {
  idcheck: fileURLToPath(new URL('../../../../openapi/idcheck.yaml', import.meta.url)),
  'text-assessment': fileURLToPath(new URL('../../../../openapi/text-assessment.yaml', import.meta.url)),
} as const;
const PRISM = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export async function listen(server: Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Scrub mock server over `fixture` (default: the built-in one), on a free port. */
export async function startMock(fixture?: StartMockServerOptions['fixture']): Promise<Running> {
  const mock = await startMockServer(fixture ? { fixture } : {});
  return {
    url: mock.url,
    stop: async () => {
      await mock.close(0);
    },
  };
}

async function freePort(): Promise<number> {
  const probe = await listen(createServer());
  const port = Number(new URL(probe.url).port);
  await probe.stop();
  return port;
}

/** `prism mock|proxy ...` on a free port; resolves once Prism says it is listening. */
export async function startPrism(args: string[]): Promise<Running & { output(): string }> {
  const port = await freePort();
  const child: ChildProcess = spawn(PRISM, [...args, '-p', String(port), '-h', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`prism exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type { Exchange };

/** A proxy to the real mock that lets `mutate` rewrite requests' answers (or skip forwarding them). */
export function startProxy(
  mockUrl: string,
  mutate: (x: Exchange, forward: () => Promise<Exchange>) => Promise<Exchange> | Exchange,
): Promise<Running> {
  return listen(
    createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const path = (req.url ?? '').split('?')[0]!;
      const forward = async (): Promise<Exchange> => {
        // the suite's own client: it can send a body on GET too (the 413 cases do)
        const upstream = await send(mockUrl, {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
          ) as Record<string, string>,
          ...(chunks.length ? { body: Buffer.concat(chunks).toString('utf8') } : {}),
        });
        return { method: req.method ?? 'GET', path, url: req.url ?? '/', status: upstream.status, text: upstream.text };
      };
      const out = await mutate(
        { method: req.method ?? 'GET', path, url: req.url ?? '/', status: 0, text: '' },
        forward,
      );
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.text);
    }),
  );
}

/** A proxy to the real mock that breaks exactly three responses: one message, one status, one field. */
export function startWrongServer(mockUrl: string): Promise<Running> {
  return startProxy(mockUrl, async (_x, forward) => {
    const r = await forward();
    if (r.text.includes('Projection name already exists'))
      r.text = r.text.replace('Projection name already exists', 'Projection name already exist');
    if (r.method === 'GET' && /^\/v3\/projection\/[^/]+$/.test(r.path) && r.status === 404) r.status = 400;
    if (r.method === 'GET' && r.path === '/v3/projection' && r.status === 200) {
      const body = JSON.parse(r.text);
      delete body.message;
      r.text = JSON.stringify(body);
    }
    return r;
  });
}

/** What a real deployment looks like to the suite: the given data plus data it must never touch. */
export const STAGING = {
  env: {
    SCRUB_CONTRACT_API_KEY: 'stg-key-0001',
    SCRUB_CONTRACT_LIMIT_API_KEY: 'stg-limit-key-0002',
    SCRUB_CONTRACT_ORPHAN_API_KEY: 'stg-orphan-key-0003',
    SCRUB_CONTRACT_SEALED_API_KEY: 'stg-sealed-key-0004',
    SCRUB_CONTRACT_TOKEN: 'stg-token-0005',
  },
  setup: {
    idcheck: { submissionId: 'stg-read', deletableSubmissionId: 'stg-delete' },
    textAssessment: { accountId: 'stg-account' },
  },
} as const;

const stagingSubmission = (id: string) => ({
  submission_id: id,
  email: `${id}@example.com`,
  data: { first_name: 'Grace', last_name: 'Hopper', gender: 'female' },
  image: { idImage: 'https://files.example.invalid/id.jpg', selfieImage: 'https://files.example.invalid/selfie.jpg' },
});

export const stagingFixture = (): Fixture => ({
  idcheck: {
    projects: [
      {
        id: 'staging',
        apiKeys: [STAGING.env.SCRUB_CONTRACT_API_KEY],
        encryption: false,
        submissions: [stagingSubmission('stg-read'), stagingSubmission('stg-delete'), stagingSubmission('stg-other')],
        projections: [
          {
            projection_id: 'keepme0000001',
            name: 'keep_me',
            mode: 'exclude',
            fields: ['gender'],
            created_at: '2024-04-30T08:00:00.000Z',
          },
        ],
      },
      {
        id: 'staging-limit',
        apiKeys: [STAGING.env.SCRUB_CONTRACT_LIMIT_API_KEY],
        encryption: false,
        submissions: [],
        projections: [],
      },
      {
        id: 'staging-sealed',
        apiKeys: [STAGING.env.SCRUB_CONTRACT_SEALED_API_KEY],
        encryption: true,
        submissions: [],
        projections: [],
      },
    ],
    orphanApiKeys: [STAGING.env.SCRUB_CONTRACT_ORPHAN_API_KEY],
  },
  textAssessment: {
    accounts: [
      {
        id: 'stg-account',
        token: STAGING.env.SCRUB_CONTRACT_TOKEN,
        texts: [
          { id: 'real-text-1', author_id: 'real-learner', task_id: 'task-1', text: 'A learner text that must stay.' },
        ],
      },
    ],
  },
});

/**
 * A stand-in for a real deployment: the mock over `stagingFixture()` behind @scrub/test-support's
 * staging proxy (admin routes answer 404), so the suite sees no mock controls. `mutate` can watch
 * or break answers on purpose; `state()` reads the data behind it.
 */
export async function startStaging(mutate?: Drift): Promise<Running & { state(): Promise<any> }> {
  const inner = await startMockServer({ fixture: stagingFixture() });
  const outer = await startStagingProxy({ url: inner.url, close: () => inner.close(0) }, mutate);
  return {
    url: outer.url,
    state: async () => JSON.parse(JSON.stringify(inner.state.toFixture())),
    stop: () => outer.close(),
  };
}
