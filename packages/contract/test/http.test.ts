import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qs, send } from '../src/http.js';
import { type Served, serve } from './support/fake.js';

let server: Served;
beforeAll(async () => {
  server = await serve((req, res) => {
    if (req.url === '/slow') return;
    res.writeHead(req.url === '/text' ? 201 : 200, { 'content-type': 'text/plain', 'x-seen': req.method });
    res.end(req.url === '/text' ? 'plain' : JSON.stringify({ method: req.method, url: req.url, body: req.body }));
  });
});
afterAll(() => server.close());

describe('http', () => {
  it('qs percent-encodes each name and value, keeping repeated names', () => {
    expect(qs(['a b', '1&2'], ['a b', 'é'])).toBe('a%20b=1%262&a%20b=%C3%A9');
  });

  it('sends method, path, raw query and body, and parses a JSON answer', async () => {
    const res = await send(`${server.url}/`, { method: 'POST', path: '/p', query: 'x=%ZZ', body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-seen')).toBe('POST');
    expect(res.json).toEqual({ method: 'POST', url: '/p?x=%ZZ', body: '{"a":1}' });
  });

  it('sends a body on GET too (the 413 cases need one)', async () => {
    const res = await send(server.url, { method: 'GET', path: '/g', body: 'x'.repeat(10) });
    expect(res.json).toEqual({ method: 'GET', url: '/g', body: 'xxxxxxxxxx' });
  });

  it('keeps a body that is not JSON as text, json undefined', async () => {
    expect(await send(server.url, { method: 'GET', path: '/text' })).toMatchObject({
      status: 201,
      text: 'plain',
      json: undefined,
    });
  });

  it('gives up after the timeout', async () => {
    await expect(send(server.url, { method: 'GET', path: '/slow', body: 'x' }, 200)).rejects.toThrow(
      'no answer within 200 ms',
    );
    await expect(send(server.url, { method: 'GET', path: '/slow' }, 200)).rejects.toThrow();
  });
});
