// Option values more than one command takes (`run`, `compare`, `flows`), checked in one place so
// every command accepts and refuses them alike.
import type { Credentials } from './model.js';

/** Bad usage: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `value` if it is an http(s) URL; else UsageError naming the flag. */
export function httpUrl(value: string, flag: string): string {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {}
  if (!ok) throw new UsageError(`${flag} is not an http(s) URL: "${value}"`);
  return value;
}

export interface CredentialFlags {
  'api-key'?: string | undefined;
  token?: string | undefined;
  account?: string | undefined;
  version?: string | undefined;
}

/** Credentials given as flags: keys and tokens trimmed (a pasted newline is no part of them), empty ones left out. */
export function credentialFlags(values: CredentialFlags): Partial<Credentials> {
  const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const [apiKey, token] = [trimmed(values['api-key']), trimmed(values.token)];
  const { account: accountId, version } = values;
  return {
    ...(apiKey ? { apiKey } : {}),
    ...(token ? { token } : {}),
    ...(accountId ? { accountId } : {}),
    ...(version ? { version } : {}),
  };
}
