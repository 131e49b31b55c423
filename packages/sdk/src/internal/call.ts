// One API call as a client method describes it: the operation id, its path parameters, query and body.
// Method, path template and success body are the spec's (`operationRoutes`, `SuccessBody`), looked up
// by the operation id: a method cannot pair an operation with another's path, method or result. The
// routes are read from each area's table, which the catalogue's `operationRoutes` merges: those keep
// method and path as literal types (the path parameters are read off the template).
import type { OperationId, Operations, SuccessBody } from '@scrub/spec';
import { type components, operationRoutes as idcheckRoutes } from '@scrub/spec/idcheck';
import { operationRoutes as textAssessmentRoutes } from '@scrub/spec/text-assessment';
import { ScrubError } from '../errors.js';

const routes = { ...idcheckRoutes, ...textAssessmentRoutes };

/** Method and path template of an operation, as literal types (`{ method: 'GET'; path: '/v3/...' }`). */
export type Route<Op extends OperationId> = (typeof routes)[Op];

/** The `{name}` placeholders of a path template. */
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** The path parameters an operation's route holds, by their names in the spec (unencoded values). */
export type PathParams<Op extends OperationId> = { readonly [Name in ParamNames<Route<Op>['path']>]: string };

type QueryOf<Op extends OperationId> = NonNullable<Operations[Op]['parameters']['query']>;
/** The query parameters the spec gives an operation, each value as it is to be sent (unencoded). */
export type Query<Op extends OperationId> = [QueryOf<Op>] extends [never]
  ? never
  : { readonly [Name in keyof QueryOf<Op>]?: string | undefined };

/** The JSON request body the spec gives an operation. */
export type RequestBody<Op extends OperationId> = Operations[Op] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

type Sealed = components['schemas']['EncryptedResponseBody'];
/** A success body as a call resolves to it: a body sealed by the encryption option is opened first. */
type Opened<Body> = Body extends Sealed ? (Sealed extends Body ? never : Body) : Body;
/** What a call of an operation resolves to: its success body as the spec gives it, never sealed. */
export type Result<Op extends OperationId> = Opened<SuccessBody<Op>>;

/** One API call: what only the caller knows; the rest comes from the operation's route. */
export type Call<Op extends OperationId = OperationId> = {
  operation: Op;
  /** Values are percent-encoded when sent; undefined ones are left out. */
  query?: Query<Op>;
  body?: RequestBody<Op>;
} & ([ParamNames<Route<Op>['path']>] extends [never] ? { params?: never } : { params: PathParams<Op> });

/** The HTTP method of an operation. */
export const methodOf = (operation: OperationId): string => routes[operation].method;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The URL of a call below `baseUrl`: the route's path with its parameters filled in, then the query. */
export function urlOf<Op extends OperationId>(baseUrl: string, call: Call<Op>): string {
  const params = call.params as Readonly<Record<string, string>> | undefined;
  const path = routes[call.operation].path.replace(PLACEHOLDER, (_, name: string) => encode(params![name]!, name));
  const search = call.query ? query(call.query) : '';
  return search ? `${baseUrl}${path}?${search}` : baseUrl + path;
}

/**
 * A path segment or query value, percent-encoded; a string that is not well-formed UTF-16 is refused,
 * naming `what`.
 */
export function encode(value: string, what: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new ScrubError(`\`${what}\` is not a well-formed string (it holds a lone surrogate).`);
  }
}

/** `a=1&b=2` from the defined entries, each value percent-encoded (names are plain). */
function query(params: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const name in params) {
    const value = params[name];
    if (value !== undefined) out += `${out ? '&' : ''}${name}=${encode(value, name)}`;
  }
  return out;
}
