// Builders the cases of both areas share: request parts (JSON bodies, credentials, the Prefer
// header), the one-request case, the over-1-MiB case, and the comparison a `check` reports with.
import type { DocumentedMessage, OperationId } from '@scrub/spec';
import type { Case, Ctx, Need, Outcome, Req } from '../model.js';
import { redactPersonal } from '../redact.js';

/** `headers` plus a JSON content type, and `body` as JSON text. */
export const json = (headers: Record<string, string>, body: unknown) => ({
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export type ApiKeyName = 'apiKey' | 'limitApiKey' | 'orphanApiKey' | 'sealedApiKey';

/** The ID-check key header of one of the run's keys. */
export const key = (ctx: Ctx, which: ApiKeyName = 'apiKey') => ({ 'x-api-key': ctx.creds[which]! });

/** The text-assessment token header (the run's token unless another is given). */
export const auth = (ctx: Ctx, token = ctx.creds.token!) => ({ authorization: `Token token=${token}` });

/** A text-assessment path under the run's account. */
export const ta = (ctx: Ctx, rest: string, version = ctx.creds.version) =>
  `/${version}/account/${encodeURIComponent(ctx.creds.accountId!)}${rest}`;

/** The mock's control header (`code=500` arms a server failure). */
export const prefer = (value: string) => ({ prefer: value });

/** A body just over the 1 MiB both APIs accept. */
export const BIG = 'x'.repeat(1024 * 1024 + 16);

/** A problem when `actual` differs; shown with personal values redacted (a real deployment's data). */
export const expectEqual = (actual: unknown, expected: unknown, what: string): string[] =>
  JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${what}: expected ${JSON.stringify(redactPersonal(expected))}, got ${JSON.stringify(redactPersonal(actual))}`];

/** A case with its extra data typed from `run` to `check`. */
export const defineCase = <Extra>(c: Case<Extra>): Case<Extra> => c;

/** The outcome of a case that has nothing to hand `check` besides the answer. */
export const withoutExtra = async (res: Outcome['res'] | Promise<Outcome['res']>): Promise<Outcome> => ({
  res: await res,
  extra: undefined,
});

/** A case that sends one request. */
export function one(c: Omit<Case<undefined>, 'run'> & { request(ctx: Ctx): Req }): Case<undefined> {
  const { request, ...rest } = c;
  return { ...rest, run: (ctx) => withoutExtra(ctx.send(request(ctx))) };
}

/**
 * A request the mock answers with the operation's documented 500 because it asks to (`Prefer:
 * code=500`); a server without the controls is skipped (need `controls`).
 */
export function serverError<Op extends OperationId>(
  operationId: Op,
  documented: DocumentedMessage<Op>,
  needs: Need[],
  request: (ctx: Ctx) => Req,
): Case<undefined> {
  return one({
    operationId,
    title: 'failing on the server (Prefer: code=500)',
    status: 500,
    documented,
    message: documented,
    needs: [...needs, 'controls'],
    request: (ctx) => {
      const req = request(ctx);
      return { ...req, headers: { ...req.headers, ...prefer('code=500') } };
    },
  });
}

/** Operations whose 413 case sends a body on a request that has none. */
export type BodylessOperation =
  | 'partialDeleteSubmission'
  | 'getSubmission'
  | 'listProjections'
  | 'getProjection'
  | 'deleteProjection'
  | 'deleteAuthorSubmissions'
  | 'getTextResults';

/** A request carrying a body over 1 MiB (on GET too: the size check runs before anything else). */
export function tooLarge<Op extends BodylessOperation>(
  operationId: Op,
  documented: DocumentedMessage<Op>,
  needs: Need[],
  request: (ctx: Ctx) => Omit<Req, 'body'>,
): Case<undefined> {
  return one({
    operationId,
    title: 'with a body over 1 MiB',
    status: 413,
    documented,
    message: documented,
    needs,
    invalid: true,
    request: (ctx) => {
      const req = request(ctx);
      return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: BIG };
    },
  });
}
