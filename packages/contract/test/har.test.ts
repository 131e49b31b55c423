import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText, type HarEntry, parseJson, readHar, recordedSecrets, replayRequest } from '../src/har.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-har-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const entry: HarEntry = {
  request: {
    method: 'post',
    url: 'https://api.test/v3/projection?x=old-id',
    headers: [
      { name: ':authority', value: 'api.test' },
      { name: 'Host', value: 'api.test' },
      { name: 'X-Api-Key', value: ' key-1 ' },
      { name: 'Authorization', value: 'Token token=tok-1' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Cookie', value: 'c=1' },
    ],
    postData: { text: '{"id":"old-id"}' },
  },
  response: { status: 200 },
};

describe('har', () => {
  it('reads the entries of a HAR file, and refuses what is not one', () => {
    expect(readHar(file('ok.har', JSON.stringify({ log: { entries: [entry] } })))).toEqual([entry]);
    expect(() => readHar(file('no.har', '{"log":{}}'))).toThrow(
      `${join(dir, 'no.har')} is not a HAR file: no log.entries`,
    );
    expect(() => readHar(file('bad.har', '{'))).toThrow(/is not a HAR file: .*JSON/);
  });

  it('decodes a base64 answer and parses JSON leniently', () => {
    expect(bodyText({ text: Buffer.from('{"a":1}').toString('base64'), encoding: 'base64' })).toBe('{"a":1}');
    expect(bodyText({ text: 'plain' })).toBe('plain');
    expect(bodyText(undefined)).toBe('');
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('')).toBeUndefined();
    expect(parseJson('<html>')).toBeUndefined();
  });

  it('collects the credentials the requests carried (a token also bare)', () => {
    expect(recordedSecrets([entry])).toEqual(['key-1', 'key-1', 'Token token=tok-1', 'tok-1', 'c=1', 'c=1']);
  });

  it('builds the request to replay: connection and browser headers out, recorded ids mapped', () => {
    expect(replayRequest(entry, (t) => t.split('old-id').join('new-id'))).toEqual({
      method: 'POST',
      path: '/v3/projection',
      query: 'x=new-id',
      headers: { 'x-api-key': ' key-1 ', authorization: 'Token token=tok-1', 'content-type': 'application/json' },
      body: '{"id":"new-id"}',
    });
  });
});
