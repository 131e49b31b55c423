// The mock state of both API areas: the core's state with the ID-check and text-assessment areas
// registered, in routing order. What `createMockState()` builds and every adapter answers from.

import type { Fixture } from '@scrub/spec';
import type { MockOptions } from './core/options.js';
import { createState, type StateOf } from './core/state.js';
import defaultFixtureJson from './fixtures/default.json' with { type: 'json' };
import { idcheckArea } from './idcheck/index.js';
import { textAssessmentArea } from './text-assessment/index.js';

/** The registered areas: ID check first (it claims `/v3/...`), then text assessment. */
export const areas = [idcheckArea, textAssessmentArea] as const;

/** A mock state: both areas' live data plus `load`, `reset`, `toFixture` and the options. */
export type MockState = StateOf<typeof areas>;

/**
 * Fixture / state JSON: what `--fixture`, `PUT /__mock/state` and `createMockState()` accept, and
 * `GET /__mock/state` returns (the format is `@scrub/spec`'s, shared with recordings). Extra keys are allowed.
 */
export type { Fixture };

/** The built-in fixture (see the root README for its keys and tokens). */
export const defaultFixture: Fixture = defaultFixtureJson as Fixture;

/**
 * A fresh, isolated state seeded from `fixture` (default: the built-in fixture); throws `FixtureError`
 * naming the bad path.
 */
export function createMockState(fixture: unknown = defaultFixture, options: MockOptions = {}): MockState {
  return createState(areas, fixture, options);
}

/** Checks the shape of a fixture; throws a `FixtureError` naming the first bad path. */
export function assertFixture(value: unknown): asserts value is Fixture {
  createState(areas, value);
}
