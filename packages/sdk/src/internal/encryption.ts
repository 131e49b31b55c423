// The ID-check encryption option as a codec: JSON request bodies sealed as `{"body": "<ciphertext>"}`,
// `{"data": "<ciphertext>"}` answers opened. The cipher (`@scrub/spec/crypto`: node:crypto on Node,
// @noble in browsers) is loaded only for projects with the option on.
import { ScrubError } from '../errors.js';

export interface EncryptionOption {
  /** Derives the key. */
  apiKey: string;
  /** Seal request bodies and open sealed answers; when off, a sealed answer is refused with a hint. */
  enabled: boolean;
}

export interface BodyCodec {
  /** The request body to send for a JSON text. */
  seal(json: string): Promise<string>;
  /** The plain body of a parsed success. */
  open(body: unknown): Promise<unknown>;
}

/** Bodies as they are: the text-assessment API has no encryption option. */
export const plainBodies: BodyCodec = {
  seal: async (json) => json,
  open: async (body) => body,
};

/** The codec of the ID-check encryption option. */
export function encryptionCodec({ apiKey, enabled }: EncryptionOption): BodyCodec {
  const crypto = enabled ? import('@scrub/spec/crypto') : undefined;
  return {
    seal: async (json) => (crypto ? JSON.stringify({ body: (await crypto).encrypt(apiKey, json) }) : json),
    async open(body) {
      const sealed = sealedData(body);
      if (sealed === undefined) return body;
      if (!crypto) throw new ScrubError('The response is encrypted: create the client with `encryption: true`.');
      const text = (await crypto).decrypt(apiKey, sealed);
      if (text === undefined) throw new ScrubError('Could not decrypt the response with this API key.');
      return JSON.parse(text);
    },
  };
}

/** The ciphertext of a sealed answer (an object whose one key is `data`, a string), else undefined. */
function sealedData(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const sealed = (body as { data?: unknown }).data;
  return typeof sealed === 'string' && Object.keys(body).length === 1 ? sealed : undefined;
}
