// What the suite is made of: a request and its answer, the credentials a run has, what a case
// needs, the context a case runs in, the case itself, and the report a run produces.
import type { Area, DocumentedMessage } from '@scrub/spec';

export interface Req {
  method: string;
  path: string;
  /** Raw query string without `?` (sent as is, so malformed ones can be sent too). */
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, `undefined` when it is not JSON. */
  json: unknown;
}

/** An answer together with the request it answers (what a failure's `curl` reproduction sends again). */
export interface Sent extends Res {
  request: Req;
}

/** What a case cannot run without; a target lacking it reports the case as unreachable. */
export type Need =
  | 'controls'
  | 'apiKey'
  | 'limitKey'
  | 'orphanKey'
  | 'sealedKey'
  | 'submission'
  | 'deletableSubmission'
  | 'projectedSubmission'
  | 'account';

export interface Credentials {
  apiKey?: string;
  limitApiKey?: string;
  orphanApiKey?: string;
  sealedApiKey?: string;
  /** A submission the suite may read. */
  submissionId?: string;
  /** A submission the suite may partially delete (real targets: with `--destructive` only). */
  deletableSubmissionId?: string;
  /** A submission created with a projection that hides `date_of_birth` (read only). */
  projectedSubmissionId?: string;
  accountId?: string;
  token?: string;
  version: string;
}

export interface Ctx {
  creds: Credentials;
  send(req: Req): Promise<Sent>;
  /** A name unique to this run (lowercase, digits, `_`). */
  unique(prefix?: string): string;
  /** The author id of every text this run submits (deleted at the end on a real target). */
  author: string;
}

/** What a case's `run` hands the runner: the answer to judge, and what else `check` needs. */
export interface Outcome<Extra = undefined> {
  res: Sent;
  extra: Extra;
}

export interface Case<Extra = unknown> {
  operationId: string;
  title: string;
  status: number;
  /** The documented message (`{name}` marks variable text) this case triggers; absent for success. */
  documented?: DocumentedMessage;
  /** The exact message expected. */
  message?: string;
  needs: Need[];
  /** The request breaks the spec on purpose (skipped behind a validating proxy). */
  invalid?: boolean;
  /** The case creates or deletes data (on a real target: with `--destructive` only). */
  writes?: boolean;
  /** Sends whatever the case needs and returns the response to judge, with what `check` needs besides. */
  run(ctx: Ctx): Promise<Outcome<Extra>>;
  /** Extra checks of the judged response; returns problems. */
  check?(res: Res, extra: Extra, ctx: Ctx): string[] | Promise<string[]>;
}

/** The coverage key of a case: `200`, or `400 <documented message>`. */
export const responseKey = (c: { status: number; documented?: string }): string =>
  c.documented ? `${c.status} ${c.documented}` : String(c.status);

export type CaseState = 'passed' | 'failed' | 'unreachable' | 'skipped';

export interface CaseResult {
  area: Area;
  operationId: string;
  response: string;
  title: string;
  state: CaseState;
  problems: string[];
  reason?: string;
  ms: number;
  /** A `curl` command that sends the judged request again (failures only; credentials as `$SCRUB_CONTRACT_*`). */
  reproduce?: string;
  /** What came back, for `compare`: status, documented message, body shape (values that differ by nature are types). */
  observed?: { status: number; message?: string; shape: string };
}

export interface CoverageRow {
  area: Area;
  operationId: string;
  response: string;
  /**
   * hit: every case for it passed; missed: one failed or none exists; skipped: not run on purpose
   * (spec-breaking requests behind a validating proxy, or data changes without --destructive).
   */
  state: 'hit' | 'missed' | 'unreachable' | 'skipped';
}

export interface FuzzResult {
  operationId: string;
  runs: number;
  /** fast-check's seed: `--seed <seed>` (with `--fuzz-path`) replays the run. */
  seed: number;
  failure?: string;
  /** The counterexample path of a failure. */
  path?: string;
  /** A `curl` command that sends the counterexample (credentials as `$SCRUB_CONTRACT_*`). */
  reproduce?: string;
}

export interface Report {
  target: string;
  mockControls: boolean;
  results: CaseResult[];
  coverage: CoverageRow[];
  /** Hit rows / all rows, in percent. */
  percent: number;
  fuzz: FuzzResult[];
  /** What the run did to leave a real target as it found it (projections and authors it created). */
  cleanup: string[];
  ok: boolean;
}
