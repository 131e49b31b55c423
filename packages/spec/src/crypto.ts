// The ARGOS encryption option: AES-256-ECB with PKCS#7 padding, key = SHA-256(API key), base64 text.
// @noble/ciphers because Web Crypto has no ECB and both the SDK and the mock run in browsers too.
import { ecb } from '@noble/ciphers/aes.js';
import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const keyOf = (apiKey: string) => sha256(encoder.encode(apiKey));

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Ciphertext (base64) of `plaintext` under the project key derived from `apiKey`. */
export function encrypt(apiKey: string, plaintext: string): string {
  return toBase64(ecb(keyOf(apiKey)).encrypt(encoder.encode(plaintext)));
}

/** Plaintext of a base64 ciphertext, or `undefined` when it is not valid base64, AES or UTF-8. */
export function decrypt(apiKey: string, ciphertext: string): string | undefined {
  const bytes = fromBase64(ciphertext);
  if (!bytes || bytes.length === 0 || bytes.length % 16 !== 0) return undefined;
  try {
    return decoder.decode(ecb(keyOf(apiKey)).decrypt(bytes));
  } catch {
    return undefined;
  }
}
