// Fakes for unit tests: answers built in memory, a context whose `send` answers from a table and
// remembers what was sent, and a server on a free port for the modules that speak HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials, Ctx, Req, Res, Sent } from '../../src/model.js';

/** An answer with a JSON body (none when `json` is undefined). */
export function answer(status: number, json?: unknown, headers: Record<string, string> = {}): Res {
  const text = json === undefined ? '' : JSON.stringify(json);
  return { status, headers: new Headers({ 'content-type': 'application/json', ...headers }), text, json };
}

/** The credentials of the unit tests (no real secret). */
export const CREDS: Credentials = {
  apiKey: 'unit-api-key',
  limitApiKey: 'unit-limit-key',
  orphanApiKey: 'unit-orphan-key',
  sealedApiKey: 'unit-sealed-key',
  submissionId: 'unit-s1',
  deletableSubmissionId: 'unit-s2',
  projectedSubmissionId: 'unit-s3',
  accountId: 'unit-account',
  token: 'unit-token',
  version: 'v2.3.0',
};

/** A context whose `send` answers with `reply(req)` and records every request in `sent`. */
export function fakeCtx(reply: (req: Req) => Res, creds: Credentials = CREDS): Ctx & { sent: Req[] } {
  const sent: Req[] = [];
  let counter = 0;
  return {
    creds,
    author: 'scrub-contract-unit',
    sent,
    send: async (req): Promise<Sent> => {
      sent.push(req);
      return { ...reply(req), request: req };
    },
    unique: (prefix = 'contract') => `${prefix}_unit_${counter++}`,
  };
}

export interface Served {
  url: string;
  /** The requests the server received: method, path with query, body. */
  received: { method: string; url: string; body: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A server on a free port answering each request with `handle`. */
export async function serve(handle: (req: Served['received'][number], res: ServerResponse) => void): Promise<Served> {
  const received: Served['received'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', body, headers: req.headers };
      received.push(seen);
      handle(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
