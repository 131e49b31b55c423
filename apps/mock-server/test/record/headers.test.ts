// Which headers cross the proxy, each way: hop-by-hop ones and those `Connection` names stay behind;
// the body's length and a content coding fetch decoded are the proxy's to set.
import { describe, expect, it } from 'vitest';
import { carriesBody, forwardedRequestHeaders, returnedResponseHeaders } from '../../src/record/headers.js';

describe('forwardedRequestHeaders', () => {
  it('keeps the names as sent and their order; drops hop-by-hop, Connection-listed, Host, length and Expect', () => {
    const raw = [
      ['Host', 'localhost:4010'],
      ['X-Api-Key', 'k'],
      ['Connection', 'keep-alive, X-Only-Here'],
      ['X-Only-Here', '1'],
      ['Keep-Alive', 'timeout=5'],
      ['Proxy-Authorization', 'Basic x'],
      ['TE', 'trailers'],
      ['Transfer-Encoding', 'chunked'],
      ['Upgrade', 'h2c'],
      ['Content-Length', '12'],
      ['Expect', '100-continue'],
      ['Content-Type', 'application/json'],
      ['Cookie', 'a=1'],
    ].flat();
    expect(forwardedRequestHeaders(raw)).toEqual([
      { name: 'X-Api-Key', value: 'k' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Cookie', value: 'a=1' },
    ]);
  });

  it('asks only for the content codings fetch decodes', () => {
    expect(forwardedRequestHeaders(['Accept-Encoding', 'gzip, zstd, br;q=0.5, compress'])).toEqual([
      { name: 'Accept-Encoding', value: 'gzip, br;q=0.5' },
    ]);
    expect(forwardedRequestHeaders(['accept-encoding', 'zstd'])).toEqual([]);
  });
});

describe('returnedResponseHeaders', () => {
  const upstream = (entries: [string, string][]) => {
    const headers = new Headers();
    for (const [name, value] of entries) headers.append(name, value);
    return headers;
  };

  it('drops hop-by-hop and Connection-listed headers, keeps repeated Set-Cookie, and the proxy sets the length', () => {
    const headers = upstream([
      ['content-type', 'text/plain'],
      ['content-length', '3'],
      ['connection', 'x-private'],
      ['x-private', '1'],
      ['keep-alive', 'timeout=5'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(returnedResponseHeaders('GET', 200, headers)).toEqual([
      { name: 'content-type', value: 'text/plain' },
      { name: 'set-cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
  });

  it('drops a content coding fetch decoded, keeps one it did not, and a HEAD answer keeps both and its length', () => {
    const gzip = upstream([
      ['content-encoding', 'gzip'],
      ['content-length', '40'],
    ]);
    expect(returnedResponseHeaders('GET', 200, gzip)).toEqual([]);
    expect(returnedResponseHeaders('HEAD', 200, gzip)).toEqual([
      { name: 'content-encoding', value: 'gzip' },
      { name: 'content-length', value: '40' },
    ]);
    const unknown = upstream([['content-encoding', 'gzip, x-custom']]);
    expect(returnedResponseHeaders('GET', 200, unknown)).toEqual([
      { name: 'content-encoding', value: 'gzip, x-custom' },
    ]);
  });

  it('a 304 keeps its headers as they came', () => {
    const headers = upstream([
      ['etag', '"1"'],
      ['content-length', '99'],
    ]);
    expect(returnedResponseHeaders('GET', 304, headers)).toEqual([
      { name: 'content-length', value: '99' },
      { name: 'etag', value: '"1"' },
    ]);
  });
});

it('carriesBody: not for HEAD, 204, 205, 304', () => {
  expect([
    carriesBody('GET', 200),
    carriesBody('HEAD', 200),
    carriesBody('GET', 204),
    carriesBody('POST', 304),
  ]).toEqual([true, false, false, false]);
});
