/// <reference types="node" />
// The encryption option on Node: the same AES-256-ECB / PKCS#7 / SHA-256(API key) / base64 scheme
// as `crypto.ts`, with node:crypto instead of @noble (no pure-JS AES to load at start-up). Picked by
// the `node` condition of `@scrub/spec/crypto`; `test/crypto.test.ts` checks both agree.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

const decoder = new TextDecoder('utf-8', { fatal: true });
const keyOf = (apiKey: string) => createHash('sha256').update(apiKey, 'utf8').digest();

/** Ciphertext (base64) of `plaintext` under the project key derived from `apiKey`. */
export function encrypt(apiKey: string, plaintext: string): string {
  const cipher = createCipheriv('aes-256-ecb', keyOf(apiKey), null);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** Plaintext of a base64 ciphertext, or `undefined` when it is not valid base64, AES or UTF-8. */
export function decrypt(apiKey: string, ciphertext: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(ciphertext) || ciphertext.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length === 0 || bytes.length % 16 !== 0) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-ecb', keyOf(apiKey), null);
    return decoder.decode(Buffer.concat([decipher.update(bytes), decipher.final()]));
  } catch {
    return undefined;
  }
}
