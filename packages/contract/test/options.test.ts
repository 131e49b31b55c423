import { describe, expect, it } from 'vitest';
import { credentialFlags, httpUrl, UsageError } from '../src/options.js';

describe('httpUrl', () => {
  it('takes http and https URLs as given', () => {
    expect(httpUrl('http://localhost:4010', '--target')).toBe('http://localhost:4010');
    expect(httpUrl('https://staging.example/base/', '--admin')).toBe('https://staging.example/base/');
  });

  it('refuses anything else, naming the flag and the value', () => {
    for (const value of ['localhost:4010', 'ftp://x.example', 'file:///etc/passwd', '']) {
      expect(() => httpUrl(value, '--target')).toThrow(new UsageError(`--target is not an http(s) URL: "${value}"`));
    }
  });
});

describe('credentialFlags', () => {
  it('trims keys and tokens, and leaves out what is empty', () => {
    expect(credentialFlags({ 'api-key': ' k\n', token: 't ', account: 'a', version: 'v2.3.0' })).toEqual({
      apiKey: 'k',
      token: 't',
      accountId: 'a',
      version: 'v2.3.0',
    });
    expect(credentialFlags({ 'api-key': '  ', token: '', account: undefined })).toEqual({});
  });
});
