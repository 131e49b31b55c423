// One error class per failure kind. `instanceof` works across duplicate installs of the SDK: classes
// brand their instances with a `Symbol.for` key instead of relying on prototype identity.
import type { ErrorMessages, OperationId } from '@scrub/spec';

export type { ErrorMessages, OperationId };

const BRAND = Symbol.for('@scrub/sdk/error');

export class ScrubError extends Error {
  static readonly kind: string = 'ScrubError';
  declare readonly [BRAND]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let c = new.target as { kind?: string } | null; c?.kind; c = Object.getPrototypeOf(c)) kinds.push(c.kind);
    Object.defineProperty(this, BRAND, { value: kinds });
    this.name = new.target.kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [BRAND]?: unknown } | null)?.[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about, a subclass included
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/** The server answered with an error status (or the SDK refused the input the same way, `sent: false`). */
export class APIError<Op extends OperationId = OperationId> extends ScrubError {
  static override readonly kind: string = 'APIError';
  /** HTTP status. */
  readonly status: number;
  /** The documented message (`errorCode` / `message` of the body). */
  readonly code: ErrorMessages[Op];
  /** Parsed response body. */
  readonly body: unknown;
  readonly headers: Headers;
  /** The operation that failed. */
  readonly operation: Op;
  /** False when the SDK refused the input before sending it. */
  readonly sent: boolean;

  constructor(init: { status: number; code: string; body: unknown; headers?: Headers; operation: Op; sent?: boolean }) {
    super(`${init.status} ${init.code}`);
    this.status = init.status;
    this.code = init.code as ErrorMessages[Op];
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
    this.operation = init.operation;
    this.sent = init.sent ?? true;
  }

  override toJSON(): Record<string, unknown> {
    const { name, message, status, code, operation, body, sent } = this;
    return { name, message, status, code, operation, body, sent };
  }
}

export class BadRequestError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'BadRequestError';
}
export class AuthenticationError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'AuthenticationError';
}
export class PermissionDeniedError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'PermissionDeniedError';
}
export class NotFoundError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'NotFoundError';
}
export class MethodNotAllowedError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'MethodNotAllowedError';
}
export class ConflictError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'ConflictError';
}
export class PayloadTooLargeError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'PayloadTooLargeError';
}
export class InternalServerError<Op extends OperationId = OperationId> extends APIError<Op> {
  static override readonly kind: string = 'InternalServerError';
}

/** No response: DNS, refused connection, reset, CORS. */
export class APIConnectionError extends ScrubError {
  static override readonly kind: string = 'APIConnectionError';
}

/** No response within `timeout` (per attempt). */
export class APITimeoutError extends APIConnectionError {
  static override readonly kind: string = 'APITimeoutError';
}

/** The caller's `signal` aborted the request. */
export class APIUserAbortError extends ScrubError {
  static override readonly kind: string = 'APIUserAbortError';
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  409: ConflictError,
  413: PayloadTooLargeError,
};

/** The `APIError` subclass for a status. */
export function apiError<Op extends OperationId>(init: ConstructorParameters<typeof APIError<Op>>[0]): APIError<Op> {
  const Class = (BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : APIError)) as typeof APIError;
  return new Class(init) as APIError<Op>;
}

/** Narrows to an `APIError`, optionally of one operation, so `code` is that operation's message union. */
export function isAPIError<Op extends OperationId = OperationId>(
  value: unknown,
  operation?: Op,
): value is APIError<Op> {
  return value instanceof APIError && (operation === undefined || value.operation === operation);
}

export function isScrubError(value: unknown): value is ScrubError {
  return value instanceof ScrubError;
}
