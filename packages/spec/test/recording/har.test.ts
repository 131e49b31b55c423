import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../src/recording/error.js';
import { fromHar, toHar } from '../../src/recording/har.js';
import { exchange } from './support.js';

const creator = { name: 'scrub-test', version: '1.0.0' };

describe('HAR', () => {
  it('toHar writes HAR 1.2 entries with bodies, sizes, query and timings', () => {
    const x = exchange({
      method: 'PUT',
      url: '/v2.3.0/account/a/text/t?x=1&y=%C3%A9',
      body: { text: 'é' },
      answer: { type: 'success', code: 200 },
    });
    const har = toHar([x], creator) as { log: Record<string, any> };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(creator);
    const [entry] = har.log.entries;
    expect(entry.startedDateTime).toBe(x.startedDateTime);
    expect(entry.time).toBe(7);
    expect(entry.request).toMatchObject({
      method: 'PUT',
      url: x.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      queryString: [
        { name: 'x', value: '1' },
        { name: 'y', value: 'é' },
      ],
      postData: { mimeType: 'application/json', text: '{"text":"é"}' },
      bodySize: 13,
    });
    expect(entry.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 29, mimeType: 'application/json', text: '{"type":"success","code":200}' },
      redirectURL: '',
    });
    expect(entry.timings).toEqual({ send: 0, wait: 7, receive: 0 });
  });

  it('fromHar reads back what toHar wrote', () => {
    const xs = [
      exchange({ method: 'POST', url: '/v3/projection', body: '{"name":"n"}', answer: { message: 'm' } }),
      exchange({ url: '/v3/submission?userid=u', status: 204 }),
    ];
    expect(fromHar(JSON.parse(JSON.stringify(toHar(xs, creator))))).toEqual(xs);
  });

  it('fromHar decodes base64 bodies and fills what a browser HAR may omit', () => {
    const text = Buffer.from('{"ok":"ü"}').toString('base64');
    const [x] = fromHar({
      log: {
        entries: [
          {
            request: { method: 'GET', url: 'http://h/v3/projection' },
            response: { status: 200, content: { text, encoding: 'base64' } },
          },
        ],
      },
    });
    expect(x).toEqual({
      startedDateTime: '',
      time: 0,
      request: { method: 'GET', url: 'http://h/v3/projection', headers: [] },
      response: { status: 200, statusText: '', headers: [], body: '{"ok":"ü"}' },
    });
  });

  it.each([
    [null, 'not a HAR file: no log.entries'],
    [{ log: {} }, 'not a HAR file: no log.entries'],
    [{ log: { entries: [{}] } }, 'log.entries[0]: expected an entry with request and response'],
    [
      { log: { entries: [{ request: { method: 'GET' }, response: { status: 200 } }] } },
      'log.entries[0].request: expected method and url strings',
    ],
    [
      { log: { entries: [{ request: { method: 'GET', url: 'u' }, response: { status: '200' } }] } },
      'log.entries[0].response.status: expected a number',
    ],
    [
      {
        log: {
          entries: [
            {
              request: { method: 'GET', url: 'u', headers: [{ name: 'x-api-key', value: 7 }] },
              response: { status: 1 },
            },
          ],
        },
      },
      'log.entries[0].request.headers[0]: expected { name, value } strings',
    ],
    [
      {
        log: {
          entries: [
            {
              request: { method: 'GET', url: 'u' },
              response: { status: 1, content: { text: 'sec%ret', encoding: 'base64' } },
            },
          ],
        },
      },
      'log.entries[0].response.content.text: not base64',
    ],
  ])('fromHar refuses %j naming the position, never a value', (har, message) => {
    expect(() => fromHar(har)).toThrow(RecordingError);
    expect(() => fromHar(har)).toThrow(message);
  });
});
