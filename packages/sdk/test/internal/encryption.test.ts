// The encryption option as a codec: bodies sealed and opened with the project key, sealed answers
// refused with a hint when the option is off, other bodies left as they are.
import { decrypt, encrypt } from '@scrub/spec/crypto';
import { describe, expect, it } from 'vitest';
import { encryptionCodec, plainBodies } from '../../src/internal/encryption.js';

const apiKey = 'encrypted-api-key';

describe('encryptionCodec', () => {
  it('with the option on: seals a JSON text as {"body": ciphertext} and opens {"data": ciphertext}', async () => {
    const codec = encryptionCodec({ apiKey, enabled: true });
    const sealed = JSON.parse(await codec.seal('{"name":"a"}'));
    expect(Object.keys(sealed)).toEqual(['body']);
    expect(decrypt(apiKey, sealed.body)).toBe('{"name":"a"}');
    await expect(codec.open({ data: encrypt(apiKey, '{"items":[]}') })).resolves.toEqual({ items: [] });
  });

  it('opens only an object whose one key is a string `data`', async () => {
    const codec = encryptionCodec({ apiKey, enabled: true });
    const notSealed = [{ data: 'x', message: 'm' }, { data: 1 }, [], 'text', null];
    for (const body of notSealed) await expect(codec.open(body)).resolves.toBe(body);
  });

  it('a sealed answer it cannot open is a ScrubError, never garbage', async () => {
    const codec = encryptionCodec({ apiKey, enabled: true });
    await expect(codec.open({ data: encrypt('another-key', '{}') })).rejects.toThrow(
      'Could not decrypt the response with this API key.',
    );
  });

  it('with the option off: bodies go as they are; a sealed answer says how to open it', async () => {
    const codec = encryptionCodec({ apiKey, enabled: false });
    await expect(codec.seal('{"name":"a"}')).resolves.toBe('{"name":"a"}');
    await expect(codec.open({ data: 'AAAA' })).rejects.toThrow(
      'The response is encrypted: create the client with `encryption: true`.',
    );
  });
});

describe('plainBodies', () => {
  it('leaves every body as it is, a {"data": ...} one included (the text-assessment API has no sealing)', async () => {
    await expect(plainBodies.seal('{"a":1}')).resolves.toBe('{"a":1}');
    const body = { data: 'AAAA' };
    await expect(plainBodies.open(body)).resolves.toBe(body);
  });
});
