// A stand-in for a staging deployment of the real APIs: a proxy in front of a Scrub mock (started by
// the test over a fixture of its choosing), on which `/__mock/*` answers 404 as a real server would,
// and which may rewrite answers (`drift`) to play a staging that no longer answers as the mock does.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The mock behind the stand-in: what `startMockServer()` resolves to (only these two members are used). */
export interface Upstream {
  url: string;
  close(): Promise<unknown>;
}

export interface Staging {
  /** The stand-in's URL: what a suite is pointed at as "staging". */
  url: string;
  /** Closes the stand-in and the mock behind it. */
  close(): Promise<void>;
}

/** Rewrites the body of an answer: `path` is the request's path and query. */
export type Drift = (path: string, body: string) => string;

export async function startStaging(mock: Upstream, drift?: Drift): Promise<Staging> {
  const upstreamUrl = new URL(mock.url);
  // the request read whole, then sent on with node:http (bodies on GET too: the 413 cases send one)
  const server = createServer(async (req, res) => {
    if ((req.url ?? '').startsWith('/__mock/'))
      return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const options = { host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url };
    const upstream = request({ ...options, headers: req.headers }, async (answer) => {
      const parts: Buffer[] = [];
      for await (const c of answer) parts.push(c as Buffer);
      const text = Buffer.concat(parts).toString('utf8');
      res
        .writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' })
        .end(drift ? drift(req.url ?? '', text) : text);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    upstream.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), mock.close()]);
    },
  };
}
