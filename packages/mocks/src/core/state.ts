// A mock state: the registered areas, each with its live slice, built from a fixture. The core knows
// areas only through `ApiArea`; `toFixture()` turns the slices back into fixture JSON.
import type { ApiArea, PartOf, SliceOf } from './area.js';
import { fail, FixtureError, isObject } from './fixture-check.js';
import { resolveOptions, type MockOptions, type MockOptionsResolved } from './options.js';
import { createRouter, type Router } from './router.js';

export interface MockStateCore {
  readonly options: MockOptionsResolved;
  /** The registered areas, in routing order. */
  readonly areas: readonly ApiArea[];
  /** The areas' routes, compiled once. */
  readonly router: Router;
  /** Replaces the whole current state; throws `FixtureError` (and keeps the old state) when `fixture` is malformed. */
  load(fixture: unknown): void;
  /** Back to the fixture the state was created with (`load` does not change it). */
  reset(): void;
  /** The whole state as fixture JSON. */
  toFixture(): Record<string, unknown>;
}

/** A state over `Areas`: the core plus one live slice per area, under the area's key. */
export type StateOf<Areas extends readonly ApiArea[]> = Omit<MockStateCore, 'toFixture'> & { [A in Areas[number] as A['key']]: SliceOf<A> } & {
  toFixture(): { [A in Areas[number] as A['key']]: PartOf<A> };
};

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
export function createState<const Areas extends readonly ApiArea[]>(areas: Areas, fixture: unknown, options: MockOptions = {}): StateOf<Areas> {
  const base = accept(areas, fixture);
  const state: MockStateCore = {
    options: resolveOptions(options),
    areas,
    router: createRouter(areas),
    load(next) {
      Object.assign(state, build(areas, accept(areas, next)));
    },
    reset() {
      Object.assign(state, build(areas, base));
    },
    toFixture() {
      const out: Record<string, unknown> = {};
      for (const area of areas) out[area.key] = area.dump((state as unknown as Record<string, unknown>)[area.key]);
      return out;
    },
  };
  Object.assign(state, build(areas, base));
  return state as unknown as StateOf<Areas>;
}
