import { describe, expect, it } from 'vitest';
import { toCurl } from '../src/curl.js';

// the shell expands these in the printed command (they are not template slots here)
const API_KEY = '$' + '{SCRUB_CONTRACT_API_KEY}';
const TOKEN = '$' + '{SCRUB_CONTRACT_TOKEN}';

describe('toCurl', () => {
  it('quotes for a POSIX shell and writes credentials as their environment variables', () => {
    expect(
      toCurl(
        'http://t.test/',
        {
          method: 'PUT',
          path: "/a'b",
          query: 'x=1',
          headers: { 'x-api-key': 'secret-key', authorization: 'Token token=tok-123' },
          body: '{"a":"$b"}',
        },
        { apiKey: 'secret-key', token: 'tok-123' },
      ),
    ).toBe(
      `curl -sS -i -X PUT 'http://t.test/a'\\''b?x=1' -H "x-api-key: ${API_KEY}" ` +
        `-H "authorization: Token token=${TOKEN}" --data-binary '{"a":"$b"}'`,
    );
  });

  it('writes a short key only as a whole header value, and a 1 MiB body as a command', () => {
    const big = 'x'.repeat(5000);
    expect(
      toCurl('http://t.test', { method: 'GET', path: '/k', headers: { 'x-api-key': 'k' }, body: big }, { apiKey: 'k' }),
    ).toBe(
      `curl -sS -i -X GET 'http://t.test/k' -H "x-api-key: ${API_KEY}" ` +
        "--data-binary \"$(head -c 5000 /dev/zero | tr '\\0' 'x')\"",
    );
  });
});
