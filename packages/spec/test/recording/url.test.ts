import { describe, expect, it } from 'vitest';
import { keyedStreams } from '../../src/recording/keyed.js';
import { type Kind, Pseudonyms } from '../../src/recording/pseudonyms.js';
import { routeOf } from '../../src/recording/route.js';
import { parseUrl, rewriteUrl } from '../../src/recording/url.js';

const originals = new Map<string, Kind>([['upstream-key-1', 'api-key']]);
const p = () => new Pseudonyms(keyedStreams('unit-test-key-000k'), originals);
const rewrite = (url: string, method = 'GET', ps = p()) =>
  rewriteUrl(url, routeOf(method, parseUrl(url).parsed.pathname), ps);

describe('rewriteUrl', () => {
  it('replaces the personal query values as bodies do, keeping the rest byte for byte', () => {
    const ps = p();
    const url = 'https://staging.test/v3/submission?email=jane%40mail.test&count=05&fields=data%2Cemail';
    const out = rewrite(url, 'GET', ps);
    const email = ps.personal('email', 'jane@mail.test');
    expect(out).toBe(
      `https://staging.test/v3/submission?email=${encodeURIComponent(email)}&count=05&fields=data%2Cemail`,
    );
    const sub = rewrite('https://staging.test/v3/submission?submission_id=sub-1&userid=u%201', 'GET', ps);
    expect(sub).toBe(
      `https://staging.test/v3/submission?submission_id=${ps.personal('text', 'sub-1')}` +
        `&userid=${encodeURIComponent(ps.personal('text', 'u 1'))}`,
    );
  });

  it('author and text ids and the account id of a path: the same values as in bodies', () => {
    const ps = p();
    const out = rewrite('http://h/v2.3.0/account/acct-9/author/learner-1', 'DELETE', ps);
    expect(out).toBe(
      `http://h/v2.3.0/account/${ps.credential('account', 'acct-9')}/author/${ps.personal('text', 'learner-1')}`,
    );
    expect(out).toMatch(/^http:\/\/h\/v2\.3\.0\/account\/rec-account-[a-z0-9]{24}\/author\/[a-z]{7}-\d$/);
    // a projection id is kept
    expect(rewrite('http://h/v3/projection/55sqp8ma0jvwh')).toBe('http://h/v3/projection/55sqp8ma0jvwh');
  });

  it('credentials in the query and in userinfo get fresh values (an API key its project key)', () => {
    const ps = p();
    const out = rewrite('https://user:pa%20ss@h/v3/submission?api_key=upstream-key-1&access_token=t0k', 'GET', ps);
    const key = ps.credential('api-key', 'upstream-key-1');
    expect(out).toBe(
      `https://${ps.credential('secret', 'user')}:${ps.credential('secret', 'pa ss')}@h/v3/submission` +
        `?api_key=${key}&access_token=${ps.credential('secret', 't0k')}`,
    );
    expect(out).not.toContain('upstream-key-1');
  });

  it('a URL of neither API: every path segment and query value is personal; a fragment is dropped', () => {
    const ps = p();
    expect(rewrite('http://h/users/jane?q=jane&count=1#top', 'GET', ps)).toBe(
      `http://h/${ps.personal('text', 'users')}/${ps.personal('text', 'jane')}` +
        `?q=${ps.personal('personal', 'jane')}&count=${ps.personal('personal', '1')}`,
    );
  });

  it('a relative URL stays relative', () => {
    const ps = p();
    expect(rewrite('/v3/submission?userid=u1', 'GET', ps)).toBe(`/v3/submission?userid=${ps.personal('text', 'u1')}`);
  });
});
