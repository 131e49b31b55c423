// Real-target mode: what a deployment that is not the Scrub mock must give the suite. Credentials
// come from the environment only; the set-up module (a file that can live in the repository) gives
// the ids the cases may use and optional hooks around the run.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Credentials } from './model.js';

/** The environment variable of each credential. */
export const CREDENTIAL_ENV = {
  apiKey: 'SCRUB_CONTRACT_API_KEY',
  limitApiKey: 'SCRUB_CONTRACT_LIMIT_API_KEY',
  orphanApiKey: 'SCRUB_CONTRACT_ORPHAN_API_KEY',
  sealedApiKey: 'SCRUB_CONTRACT_SEALED_API_KEY',
  token: 'SCRUB_CONTRACT_TOKEN',
} as const satisfies Partial<Record<keyof Credentials, string>>;

export type CredentialName = keyof typeof CREDENTIAL_ENV;

/** The ids a set-up gives the cases (none of them is a secret). */
export interface SetupIds {
  idcheck?: {
    /** A submission the suite may read (`getSubmission` 200). */
    submissionId?: string;
    /**
     * A submission the suite may partially delete, with `--destructive` only: its `data.first_name`
     * and ID images are deleted (`partialDeleteSubmission` 200). Nothing else is ever deleted that
     * the run did not create itself.
     */
    deletableSubmissionId?: string;
    /**
     * A submission created with a projection whose first field is `date_of_birth` (through a
     * Liveform URL: no API call sets a projection on a submission), read only: the flow
     * `projection-hides-fields-on-read` checks that the read leaves that field out.
     */
    projectedSubmissionId?: string;
  };
  textAssessment?: {
    /** The account of the `SCRUB_CONTRACT_TOKEN`. */
    accountId?: string;
    /** The API version in the path (default `v2.3.0`). */
    version?: string;
  };
}

export interface SetupContext {
  /** The base URL under test. */
  target: string;
  /** The process environment (where credentials live). */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the run may change data on the target (`--destructive`). */
  destructive: boolean;
}

/** What a set-up module exports (as `default`): ids, plus hooks around the run. */
export interface ContractSetup extends SetupIds {
  /** Runs before the first case; may return ids (e.g. of a submission it just created). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing is typed void by its author
  before?(context: SetupContext): void | SetupIds | Promise<void | SetupIds>;
  /** Runs after the last case, also when cases failed. */
  after?(context: SetupContext): void | Promise<void>;
}

/** Types a set-up module: `export default defineSetup({ ... })`. */
export const defineSetup = (setup: ContractSetup): ContractSetup => setup;

export class SetupError extends Error {
  override name = 'SetupError';
}

const SECRET_KEYS = new Set<string>([...Object.keys(CREDENTIAL_ENV), 'apiKeys', 'password', 'secret']);

function check(setup: unknown, where: string): ContractSetup {
  if (!setup || typeof setup !== 'object')
    throw new SetupError(`${where}: the default export must be an object (use defineSetup({ ... }))`);
  const walk = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEYS.has(key))
        throw new SetupError(
          `${where}: "${path}${key}" looks like a credential; credentials come from the environment ` +
            `(${Object.values(CREDENTIAL_ENV).join(', ')}), never from a file`,
        );
      walk(inner, `${path}${key}.`);
    }
  };
  walk(setup, '');
  const known = new Set(['idcheck', 'textAssessment', 'before', 'after']);
  const unknown = Object.keys(setup).filter((k) => !known.has(k));
  if (unknown.length)
    throw new SetupError(
      `${where}: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} ` +
        '(expected idcheck, textAssessment, before, after)',
    );
  const s = setup as ContractSetup;
  for (const [section, keys] of [
    ['idcheck', ['submissionId', 'deletableSubmissionId', 'projectedSubmissionId']],
    ['textAssessment', ['accountId', 'version']],
  ] as const) {
    const part = s[section] as Record<string, unknown> | undefined;
    if (part === undefined) continue;
    if (typeof part !== 'object') throw new SetupError(`${where}: "${section}" must be an object`);
    for (const [key, value] of Object.entries(part)) {
      if (!(keys as readonly string[]).includes(key))
        throw new SetupError(`${where}: unknown key "${section}.${key}" (expected ${keys.join(', ')})`);
      if (typeof value !== 'string' || !value)
        throw new SetupError(`${where}: "${section}.${key}" must be a non-empty string`);
    }
  }
  for (const hook of ['before', 'after'] as const)
    if (s[hook] !== undefined && typeof s[hook] !== 'function')
      throw new SetupError(`${where}: "${hook}" must be a function`);
  return s;
}

/** Loads a set-up module (`.mjs`, `.js`, `.cjs`; or `.json` for ids only) and checks its shape. */
export async function loadSetup(file: string, cwd = process.cwd()): Promise<ContractSetup> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let loaded: unknown;
  try {
    loaded = file.endsWith('.json')
      ? (await import(pathToFileURL(path).href, { with: { type: 'json' } })).default
      : (await import(pathToFileURL(path).href)).default;
  } catch (error) {
    throw new SetupError(`cannot load the set-up ${file}: ${(error as Error).message}`);
  }
  return check(loaded, file);
}

/** Checks ids returned by a `before` hook. */
export const checkIds = (ids: unknown, where: string): SetupIds => (ids === undefined ? {} : check(ids, where));

/** Credentials from the environment (`SCRUB_CONTRACT_*`); empty variables count as absent. */
export function credentialsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Partial<Pick<Credentials, CredentialName>> {
  const out: Partial<Pick<Credentials, CredentialName>> = {};
  // trimmed: a secret pasted with a newline goes out without it (fetch trims header values)
  for (const [name, variable] of Object.entries(CREDENTIAL_ENV) as [CredentialName, string][])
    if (env[variable]?.trim()) out[name] = env[variable]!.trim();
  return out;
}

/** The ids of a set-up as credentials fields. */
export function idsToCredentials(ids: SetupIds): Partial<Credentials> {
  return {
    ...(ids.idcheck?.submissionId ? { submissionId: ids.idcheck.submissionId } : {}),
    ...(ids.idcheck?.deletableSubmissionId ? { deletableSubmissionId: ids.idcheck.deletableSubmissionId } : {}),
    ...(ids.idcheck?.projectedSubmissionId ? { projectedSubmissionId: ids.idcheck.projectedSubmissionId } : {}),
    ...(ids.textAssessment?.accountId ? { accountId: ids.textAssessment.accountId } : {}),
    ...(ids.textAssessment?.version ? { version: ids.textAssessment.version } : {}),
  };
}
