import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/crypto.js';
import type { Exchange } from '../../src/recording/exchange.js';
import { keyedStreams } from '../../src/recording/keyed.js';
import { Net } from '../../src/recording/net.js';
import { Originals, Pseudonyms } from '../../src/recording/pseudonyms.js';
import { rewriteExchange } from '../../src/recording/rewrite.js';
import { answerOf, exchange, sealedAnswer, sealedRequest } from './support.js';

/** Both passes over `exchanges`, as `recordingOf` runs them. */
function rewriteAll(exchanges: Exchange[]) {
  const originals = new Originals();
  for (const [i, x] of exchanges.entries()) rewriteExchange(x, i, { p: originals, net: undefined, note: () => {} });
  const p = new Pseudonyms(keyedStreams('unit-test-key-000k'), originals.kinds);
  const net = new Net(originals.kinds, (o) => p.replacement(o));
  const notes: string[] = [];
  const written = exchanges.map((x, i) => rewriteExchange(x, i, { p, net, note: (t) => notes.push(t) }));
  return { written, notes, p };
}

const KEY = 'upstream-enc-key';

describe('rewriteExchange', () => {
  it('opens a sealed answer with the upstream key, pseudonymises it, and seals it with the fresh key', () => {
    const plain = {
      Items: [{ submission_id: 'sub-enc-1', email: 'enc.person@mail.test', data: { first_name: 'Encfirst' } }],
    };
    const { written, p } = rewriteAll([
      exchange({
        url: '/v3/submission?submission_id=sub-enc-1',
        headers: { 'x-api-key': KEY },
        answer: sealedAnswer(KEY, plain),
      }),
    ]);
    const [x] = written;
    const fresh = p.credential('api-key', KEY);
    expect(x!.exchange.request.headers).toEqual([{ name: 'x-api-key', value: fresh }]);
    const sealed = answerOf(x!.exchange);
    expect(Object.keys(sealed)).toEqual(['data']);
    expect(decrypt(KEY, sealed.data)).toBeUndefined();
    const opened = JSON.parse(decrypt(fresh, sealed.data)!);
    expect(opened).toEqual(x!.response);
    expect(opened.Items[0]).toEqual({
      submission_id: p.personal('text', 'sub-enc-1'),
      email: p.personal('email', 'enc.person@mail.test'),
      data: { first_name: p.personal('personal', 'Encfirst') },
    });
    expect(x!.sealed).toBe(true);
  });

  it('a sealed request body (createProjection) the same way', () => {
    const plain = { name: 'hide_names', mode: 'exclude', fields: ['first_name'] };
    const { written, p } = rewriteAll([
      exchange({
        method: 'POST',
        url: '/v3/projection',
        headers: { 'x-api-key': KEY },
        body: sealedRequest(KEY, plain),
        answer: sealedAnswer(KEY, { projection_id: '55sqp8ma0jvwh', message: 'Create projection success' }),
      }),
    ]);
    const body = JSON.parse(written[0]!.exchange.request.body!);
    expect(JSON.parse(decrypt(p.credential('api-key', KEY), body.body)!)).toEqual(plain);
    expect(written[0]!.request).toEqual(plain);
  });

  it('an encrypted body that does not decrypt is left out, with a note', () => {
    const { written, notes } = rewriteAll([
      exchange({
        url: '/v3/projection',
        headers: { 'x-api-key': KEY },
        answer: sealedAnswer('another-key', { items: [] }),
      }),
    ]);
    expect(written[0]!.exchange.response.body).toBeUndefined();
    expect(written[0]!.sealed).toBe(false);
    expect(notes).toEqual([
      'exchange 1 (listProjections): the answer is encrypted and does not decrypt with its key: left out',
    ]);
  });

  it('a body that is not JSON is pseudonymised as a whole (same length), with a note', () => {
    const { written, notes, p } = rewriteAll([
      exchange({
        method: 'PUT',
        url: '/v2.3.0/account/a/text/t1',
        headers: {},
        body: 'name=Jane Doe&x=1',
        status: 400,
      }),
    ]);
    expect(written[0]!.exchange.request.body).toBe(p.personal('text', 'name=Jane Doe&x=1'));
    expect(written[0]!.exchange.request.body).toHaveLength(17);
    expect(notes).toEqual(['exchange 1 (submitText): the request body is not JSON: pseudonymised as a whole']);
  });

  it('content-length follows the written body; the safety net reaches headers and status texts', () => {
    const email = 'netted.person@mail.test';
    const { written, p } = rewriteAll([
      exchange({
        url: `/v3/submission?email=${encodeURIComponent(email)}`,
        headers: { 'x-api-key': 'k1' },
        answer: { Items: [] },
        answerHeaders: { 'content-length': '999', 'x-debug': `looked up ${email}` },
      }),
    ]);
    const { response } = written[0]!.exchange;
    expect(response.headers).toContainEqual({ name: 'content-length', value: String(response.body!.length) });
    expect(response.headers).toContainEqual({ name: 'x-debug', value: `looked up ${p.personal('email', email)}` });
  });

  it('an exchange of neither API is pseudonymised as a whole, with a note', () => {
    const { written, notes } = rewriteAll([
      exchange({ url: '/profile/jane', answer: { name: 'Jane', role: 'admin' } }),
    ]);
    expect(written[0]!.route).toBeUndefined();
    expect(written[0]!.exchange.request.url).not.toContain('jane');
    expect(answerOf(written[0]!.exchange)).not.toMatchObject({ role: 'admin' });
    expect(notes).toEqual(['exchange 1 (neither API): not a request of either API: pseudonymised as a whole']);
  });

  it('error answers keep their documented message', () => {
    const { written } = rewriteAll([
      exchange({
        url: '/v3/submission?submission_id=x',
        headers: { 'x-api-key': 'k' },
        status: 400,
        answer: { errorCode: 'not Exist Submission Data' },
      }),
    ]);
    expect(answerOf(written[0]!.exchange)).toEqual({ errorCode: 'not Exist Submission Data' });
  });
});
