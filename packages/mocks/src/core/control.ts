// Test-side control (docs/decisions.md "Test-side control"): armed responses and faults that the next
// requests of an operation meet, and the request journal. The same rules serve the state object
// (typed from the catalogue) and the admin routes (`/__mock/arm`, `/__mock/requests`).
import {
  type DocumentedError,
  documentedErrorFor,
  type ErrorMessages,
  errorMessages,
  type OperationId,
  templateMatches,
} from '@scrub/spec';
import { FAULTS, type Fault } from './faults.js';
import { MAX_DELAY_MS } from './prefer.js';
import { json, type MockResponse } from './response.js';

export { FAULTS, type Fault } from './faults.js';

/** The statuses an operation documents errors for. */
export type DocumentedStatus<Op extends OperationId> = (typeof errorMessages)[Op][number]['status'];

/**
 * What to arm for an operation: exactly one of `status`, `message` (a documented message, its `{name}`
 * parts filled in or not), `fault`; `delay` with any of them, or alone.
 */
export type ArmRequest<Op extends OperationId = OperationId> = Op extends OperationId
  ? { operationId: Op; delay?: number; times?: number } & (
      | { status: DocumentedStatus<Op>; message?: never; fault?: never }
      | { message: ErrorMessages[Op]; status?: never; fault?: never }
      | { fault: Fault; status?: never; message?: never }
      | { status?: never; message?: never; fault?: never; delay: number }
    )
  : never;

/** An accepted arm, as `POST /__mock/arm` answers it: the fields given, an id, and the requests it still applies to. */
export interface Arm {
  id: string;
  operationId: OperationId;
  status?: number;
  message?: string;
  fault?: Fault;
  delay?: number;
  times: number;
}

/** What an arm does to one request: the response to send instead, a fault, a delay first. */
export interface ArmEffect {
  response?: MockResponse;
  fault?: Fault;
  delay?: number;
}

/** One request as the journal records it. Credentials are never recorded. */
export interface JournalEntry {
  seq: number;
  at: string;
  operationId: OperationId | null;
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: unknown;
  status: number;
  message: string | null;
  armed: boolean;
  fault: Fault | null;
}

/** A request as recorded on the hot path: cheap to take, turned into a `JournalEntry` when read. */
export interface Recorded {
  at: Date;
  operationId: OperationId | null;
  method: string;
  path: string;
  /** The query string as sent. */
  search: string;
  /** The raw body, when it was JSON-sized (at most `JOURNAL_BODY_LIMIT`). */
  body: string | undefined;
  status: number;
  message: string | null;
  armed: boolean;
  fault: Fault | null;
}

/** Bodies larger than this are recorded as `null` (the journal keeps 1,000 requests, not 1,000 MiB). */
export const JOURNAL_BODY_LIMIT = 64 * 1024;
/** Characters of body one journal keeps in all (about 2 MB); older bodies become `null` past it. */
export const JOURNAL_BODY_BUDGET = 1024 * 1024;

function toEntry(seq: number, r: Recorded): JournalEntry {
  let body: unknown = null;
  if (r.body !== undefined) {
    try {
      body = JSON.parse(r.body);
    } catch {}
  }
  const params = new URLSearchParams(r.search);
  const query: Record<string, string[]> = {};
  for (const name of new Set(params.keys())) query[name] = params.getAll(name);
  return {
    seq,
    at: r.at.toISOString(),
    operationId: r.operationId,
    method: r.method,
    path: r.path,
    query,
    body,
    status: r.status,
    message: r.message,
    armed: r.armed,
    fault: r.fault,
  };
}

export class ArmError extends Error {
  override name = 'ArmError';
}

/** Requests the journal keeps (the latest). */
export const JOURNAL_LIMIT = 1000;
const isInteger = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** The answer an arm with a status or a message sends: the documented error it names. */
function armedResponse(
  operationId: OperationId,
  status: number | undefined,
  message: string | undefined,
): MockResponse {
  // a status sends its first documented error as documented; a message is sent as given (filled-in or not)
  const first =
    status === undefined
      ? undefined
      : (errorMessages[operationId] as readonly DocumentedError[]).find((e) => e.status === status)!;
  const error = documentedErrorFor(operationId, first?.message ?? message!)!;
  // an armed answer is meant to reach the app: clients that honour `x-should-retry` (the Scrub SDK
  // does) do not retry it
  return { ...json(error.status, error.body), headers: ARMED_HEADERS, message: error.message };
}

const ARMED_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json',
  'x-should-retry': 'false',
});

/** Checks an arm request (from code or from `POST /__mock/arm`); throws `ArmError` saying what is wrong. */
export function acceptArm(input: unknown, id: string): Arm & { response?: MockResponse } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ArmError(
      'an arm is a JSON object: {"operationId", and one of "status", "message", "fault"; "delay" and "times" optional}',
    );
  const { operationId, status, message, fault, delay, times } = input as Record<string, unknown>;
  if (typeof operationId !== 'string' || !Object.hasOwn(errorMessages, operationId))
    throw new ArmError(
      `unknown operationId ${JSON.stringify(operationId)}: one of ${Object.keys(errorMessages).join(', ')}`,
    );
  const op = operationId as OperationId;
  const given = [
    status !== undefined && 'status',
    message !== undefined && 'message',
    fault !== undefined && 'fault',
  ].filter(Boolean);
  if (given.length > 1) throw new ArmError(`give one of status, message and fault, not ${given.join(' and ')}`);
  if (given.length === 0 && delay === undefined) throw new ArmError('give one of status, message, fault or delay');
  const documented = errorMessages[op] as readonly DocumentedError[];
  if (status !== undefined && !documented.some((e) => e.status === status))
    throw new ArmError(
      `${op} documents no error with status ${JSON.stringify(status)} ` +
        `(it documents ${[...new Set(documented.map((e) => e.status))].join(', ')})`,
    );
  if (
    message !== undefined &&
    (typeof message !== 'string' ||
      !documented.some((e) => e.message === message || templateMatches(e.message, message)))
  )
    throw new ArmError(`${op} does not document the message ${JSON.stringify(message)}`);
  if (fault !== undefined && !FAULTS.includes(fault as Fault))
    throw new ArmError(`fault must be one of ${FAULTS.join(', ')}, got ${JSON.stringify(fault)}`);
  if (delay !== undefined && !isInteger(delay, 0, MAX_DELAY_MS))
    throw new ArmError(`delay must be an integer number of milliseconds from 0 to ${MAX_DELAY_MS}`);
  if (times !== undefined && !isInteger(times, 1)) throw new ArmError('times must be a positive integer');
  // the answer lists the fields given, then `times`
  const arm: Arm = {
    id,
    operationId: op,
    ...(status !== undefined ? { status: status as number } : {}),
    ...(message !== undefined ? { message: message as string } : {}),
    ...(fault !== undefined ? { fault: fault as Fault } : {}),
    ...(delay !== undefined ? { delay: delay as number } : {}),
    times: (times as number | undefined) ?? 1,
  };
  const response =
    status !== undefined || message !== undefined
      ? armedResponse(op, status as number | undefined, message as string | undefined)
      : undefined;
  return response ? Object.assign(arm, { response }) : arm;
}

/** The pending arms and the journal of one state. */
export class Control {
  #arms: (Arm & { response?: MockResponse })[] = [];
  #journal: { seq: number; recorded: Recorded }[] = [];
  #seq = 0;
  #armSeq = 0;
  #bodyChars = 0;
  /** Index of the oldest journal entry that may still hold a body. */
  #bodiesFrom = 0;
  /** Bumped by `reset()`: a request that waited (a delay) across a reset belongs to no state any more. */
  generation = 0;

  /** Drops arms and journal, and retires requests still waiting on a delay. */
  reset(): void {
    this.disarm();
    this.clearRequests();
    this.generation++;
  }

  arm(input: unknown): Arm {
    const arm = acceptArm(input, `arm-${++this.#armSeq}`);
    this.#arms.push(arm);
    return publicArm(arm);
  }

  /** Pending arms, oldest first. */
  get arms(): Arm[] {
    return this.#arms.map(publicArm);
  }

  disarm(): void {
    this.#arms = [];
  }

  /** Consumes one request of the oldest arm for `operationId`, if any. */
  take(operationId: OperationId): ArmEffect | undefined {
    if (this.#arms.length === 0) return undefined; // the usual case: no scan
    const index = this.#arms.findIndex((a) => a.operationId === operationId);
    if (index === -1) return undefined;
    const arm = this.#arms[index]!;
    if (--arm.times === 0) this.#arms.splice(index, 1);
    return {
      ...(arm.response ? { response: arm.response } : {}),
      ...(arm.fault ? { fault: arm.fault } : {}),
      ...(arm.delay !== undefined ? { delay: arm.delay } : {}),
    };
  }

  record(recorded: Recorded): void {
    if (this.#journal.length >= JOURNAL_LIMIT) {
      this.#bodyChars -= this.#journal.shift()!.recorded.body?.length ?? 0;
      if (this.#bodiesFrom > 0) this.#bodiesFrom--;
    }
    this.#journal.push({ seq: ++this.#seq, recorded });
    this.#bodyChars += recorded.body?.length ?? 0;
    // bodies share a budget: past it, the oldest entries keep everything but their body (recorded as
    // null); entries before #bodiesFrom have lost theirs already, so each is visited once
    while (this.#bodyChars > JOURNAL_BODY_BUDGET && this.#bodiesFrom < this.#journal.length) {
      const old = this.#journal[this.#bodiesFrom++]!.recorded;
      if (old.body !== undefined) {
        this.#bodyChars -= old.body.length;
        old.body = undefined;
      }
    }
  }

  requests(filter: { operationId?: string } = {}): JournalEntry[] {
    const list =
      filter.operationId === undefined
        ? this.#journal
        : this.#journal.filter((e) => e.recorded.operationId === filter.operationId);
    return list.map((e) => toEntry(e.seq, e.recorded));
  }

  clearRequests(): void {
    this.#journal = [];
    this.#bodyChars = 0;
    this.#bodiesFrom = 0;
  }
}

const publicArm = ({ response: _response, ...arm }: Arm & { response?: MockResponse }): Arm => ({ ...arm });
