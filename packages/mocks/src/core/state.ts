// A mock state: the registered areas, each with its live slice, built from a fixture. The core knows
// areas only through `ApiArea`; `toFixture()` turns the slices back into fixture JSON.
import type { OperationId } from '@scrub/spec';
import type { ApiArea, PartOf, SlicesOf } from './area.js';
import { type Arm, type ArmRequest, Control, type JournalEntry } from './control.js';
import { FixtureError, fail, isObject } from './fixture-check.js';
import { type MockOptions, type MockOptionsResolved, resolveOptions } from './options.js';
import { json, type MockResponse } from './response.js';
import { createRouter, type Router } from './router.js';

export interface MockStateCore {
  readonly options: MockOptionsResolved;
  /** The registered areas, in routing order. */
  readonly areas: readonly ApiArea[];
  /** The areas' routes, compiled once. */
  readonly router: Router;
  /** Each area's live slice, under the area's key (`load` and `reset` replace them all). */
  readonly slices: Readonly<Record<string, unknown>>;
  /**
   * Replaces the whole current state; throws `FixtureError` (and keeps the old state) when `fixture`
   * is malformed.
   */
  load(fixture: unknown): void;
  /** Back to the fixture the state was created with (`load` does not change it). */
  reset(): void;
  /** The whole state as fixture JSON. */
  toFixture(): Record<string, unknown>;
  /**
   * Arms a documented error, a fault or a delay for the next `times` requests of an operation (throws
   * `ArmError` when refused).
   */
  arm<Op extends OperationId>(arm: ArmRequest<Op>): Arm;
  /** Pending arms, oldest first. */
  readonly arms: Arm[];
  /** Drops every pending arm. */
  disarm(): void;
  /** The request journal, oldest first (the latest 1,000; credentials are never recorded). */
  requests(filter?: { operationId?: OperationId }): JournalEntry[];
  /** Empties the journal. */
  clearRequests(): void;
  /** The arms and journal behind the methods above (adapters consume and record through it). */
  readonly control: Control;
  /**
   * The state of a named session (`x-mock-session`): its own data seeded from this state's fixture
   * on first use, its own arms and journal. At most 100 are kept; one more drops the least recently used.
   * Throws `SessionError` for a malformed name.
   */
  session(name: string): MockStateCore;
}

/** A session name: 1-64 characters of `A-Z a-z 0-9 _ -` (docs/decisions.md "Sessions"). */
export const SESSION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** The request header that names a session. */
export const SESSION_HEADER = 'x-mock-session';
export const SESSION_LIMIT = 100;

export class SessionError extends Error {
  override name = 'SessionError';
}

/** A state over `Areas`: the core plus one live slice per area, under the area's key (also in `slices`). */
export type StateOf<Areas extends readonly ApiArea[]> = Omit<MockStateCore, 'toFixture' | 'slices'> &
  SlicesOf<Areas> & {
    readonly slices: SlicesOf<Areas>;
    toFixture(): { [A in Areas[number] as A['key']]: PartOf<A> };
  };

/** The state a request acts on: a session's when it names one, else `state`; a malformed name is a 400. */
export function stateFor(state: MockStateCore, session: string | undefined): MockStateCore | MockResponse {
  if (session === undefined) return state;
  try {
    return state.session(session);
  } catch (error) {
    if (error instanceof SessionError) return json(400, { message: error.message });
    throw error;
  }
}

const copy = <T>(value: T): T => {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new FixtureError(`fixture cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** Checks every area's part of `fixture`, then copies it (the caller's object is never kept). */
function accept(areas: readonly ApiArea[], fixture: unknown): Record<string, unknown> {
  if (!isObject(fixture)) fail('', 'object');
  const parts = fixture as Record<string, unknown>;
  for (const area of areas) {
    if (!Object.hasOwn(parts, area.key)) fail(area.key, 'a value (required)');
    area.check(parts[area.key], area.key);
  }
  return copy(parts);
}

/** Every area's slice built from an accepted fixture; anything but a `FixtureError` becomes one. */
function build(areas: readonly ApiArea[], fixture: Record<string, unknown>): Record<string, unknown> {
  const slices: Record<string, unknown> = {};
  try {
    for (const area of areas) slices[area.key] = area.load(fixture[area.key], area.key);
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw new FixtureError(`fixture cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
  return slices;
}

/** A fresh, isolated state of `areas` seeded from `fixture`. */
export function createState<const Areas extends readonly ApiArea[]>(
  areas: Areas,
  fixture: unknown,
  options: MockOptions = {},
): StateOf<Areas> {
  // the one place the typed shape is asserted: `createFrom` defines a getter per area key over `slices`
  return createFrom(areas, accept(areas, fixture), options, createRouter(areas)) as StateOf<Areas>;
}

function createFrom(
  areas: readonly ApiArea[],
  base: Record<string, unknown>,
  options: MockOptions,
  router: Router,
): MockStateCore {
  const control = new Control();
  const sessions = new Map<string, MockStateCore>();
  let slices = build(areas, base);
  const state: MockStateCore = {
    options: resolveOptions(options),
    areas,
    router,
    control,
    get slices() {
      return slices;
    },
    load(next) {
      slices = build(areas, accept(areas, next));
    },
    reset() {
      slices = build(areas, base);
      control.reset();
    },
    arm: (arm) => control.arm(arm),
    get arms() {
      return control.arms;
    },
    disarm: () => control.disarm(),
    requests: (filter) => control.requests(filter),
    clearRequests: () => control.clearRequests(),
    session(name) {
      if (typeof name !== 'string' || !SESSION_NAME.test(name))
        throw new SessionError(`${SESSION_HEADER} must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -`);
      let found = sessions.get(name);
      if (found) {
        sessions.delete(name); // re-inserted below: the map's order is least recently used first
      } else {
        found = createFrom(areas, base, options, router);
        if (sessions.size >= SESSION_LIMIT) sessions.delete(sessions.keys().next().value!);
      }
      sessions.set(name, found);
      return found;
    },
    toFixture() {
      const out: Record<string, unknown> = {};
      for (const area of areas) out[area.key] = area.dump(slices[area.key]);
      return out;
    },
  };
  // `state.idcheck` and the like: always the current slice, whatever `load` or `reset` put there
  for (const area of areas) Object.defineProperty(state, area.key, { get: () => slices[area.key], enumerable: true });
  return state;
}
