// What an API area is to the core: the paths it claims, its generated routes, the answers around
// them (404, 405), its part of the fixture and state, the gate it applies before any operation
// (version, credentials, body size, in its spec's order), and its operations. Areas register with
// the core through `createState(areas, ...)`; the core imports none of them.
import type { OperationId } from '@scrub/spec';
import type { MockOptionsResolved } from './options.js';
import type { MockRequest } from './request.js';
import type { MockResponse } from './response.js';

/** What an operation (and the gate before it) is handed: the request, parsed once, and the area's state. */
export interface OperationRequest<Slice> {
  readonly request: MockRequest;
  readonly operationId: OperationId;
  /** Path parameters of the route, percent-decoded (`{ projectionId: 'abc' }`). */
  readonly params: Readonly<Record<string, string>>;
  /** The area's live state. */
  readonly slice: Slice;
  readonly options: MockOptionsResolved;
}

/**
 * The gate's verdict: refuse with a response, or let the operation run with what the gate found (e.g.
 * the project of a key).
 */
export type GateResult<Auth> = { ok: true; auth: Auth } | { ok: false; response: MockResponse };

/**
 * One operation of an area. Declared in method syntax (whose parameters TypeScript compares both
 * ways) so an area of its own slice and auth types is still an `ApiArea` to the core, which hands
 * each operation the slice and auth its own area produced.
 */
export type Operation<Slice, Auth> = {
  run(call: OperationRequest<Slice>, auth: Auth): MockResponse;
}['run'];

/**
 * An API area over its own `Slice` (live state), `Auth` (what its gate finds) and `Part` (fixture
 * JSON). The core sees every area as `ApiArea` (all three `unknown`) and only ever passes an area
 * what that same area produced.
 */
export interface ApiArea<Key extends string = string, Slice = unknown, Auth = unknown, Part = unknown> {
  /** Key of this area in fixture and state JSON (`idcheck`, `textAssessment`). */
  readonly key: Key;
  /** Path parameters handed to the gate as sent, not percent-decoded (text assessment's `version`). */
  readonly rawParams?: readonly string[];
  /** Method and path template of each operation (the generated `operationRoutes`). */
  readonly routes: Readonly<Record<string, { readonly method: string; readonly path: string }>>;
  /** True when a path belongs to this area, so that a path with no route still gets this area's 404. */
  claims(path: string): boolean;
  /** The answer to a claimed path with no route. */
  notFound(): MockResponse;
  /** The answer to a method no operation of the path serves, when none of them documents a 405. */
  methodNotAllowed(): MockResponse;
  /** Checks the shape of this area's part of a fixture; throws `FixtureError` naming the bad path (under `path`). */
  check(part: unknown, path: string): void;
  /** Live state from a checked part (copies what it keeps; cross-record rules throw `FixtureError`). */
  load(part: Part, path: string): Slice;
  /** The live state as fixture JSON. */
  dump(slice: Slice): Part;
  /** The checks before every operation, in the spec's order. */
  gate(call: OperationRequest<Slice>): GateResult<Auth>;
  /** The operations, by operation id. */
  readonly operations: Readonly<Record<string, Operation<Slice, Auth>>>;
}

/** The state slice of an area. */
export type SliceOf<A> = A extends ApiArea<string, infer Slice> ? Slice : never;
/** The fixture part of an area. */
export type PartOf<A> = A extends ApiArea<string, unknown, unknown, infer Part> ? Part : never;
/** Each area's slice under its key: what a state over `Areas` exposes. */
export type SlicesOf<Areas extends readonly ApiArea[]> = { [A in Areas[number] as A['key']]: SliceOf<A> };
