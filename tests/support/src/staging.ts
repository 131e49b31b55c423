// A stand-in for a staging deployment of the real APIs: a proxy in front of a Scrub mock (started by
// the test over a fixture of its choosing), on which `/__mock/*` answers 404 as a real server would,
// and which may rewrite answers (`drift`) to play a staging that no longer answers as the mock does.
import { createServer, type IncomingMessage, request } from 'node:http';
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

/** One answer of the stand-in, as the mock gave it: `url` is the request's path and query. */
export interface Exchange {
  method: string;
  path: string;
  url: string;
  status: number;
  text: string;
}

/** Rewrites an answer (status and body) before the client sees it; may also just watch the traffic. */
export type Drift = (answer: Exchange) => Exchange | Promise<Exchange>;

const readAll = async (stream: AsyncIterable<unknown>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Sends the request on to the mock as it came (bodies on GET too: the 413 cases send one). */
function forward(upstream: URL, req: IncomingMessage, body: Buffer) {
  const options = { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url };
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const out = request({ ...options, headers: req.headers }, async (answer) => {
      const text = (await readAll(answer)).toString('utf8');
      resolve({ status: answer.statusCode ?? 502, type: answer.headers['content-type'] ?? 'application/json', text });
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startStaging(mock: Upstream, drift?: Drift): Promise<Staging> {
  const upstream = new URL(mock.url);
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/__mock/'))
      return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    try {
      const answer = await forward(upstream, req, await readAll(req));
      const seen = { method: req.method ?? 'GET', path: url.split('?')[0]!, url, ...answer };
      const shown = drift ? await drift(seen) : seen;
      res.writeHead(shown.status, { 'content-type': answer.type }).end(shown.text);
    } catch {
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end();
    }
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
