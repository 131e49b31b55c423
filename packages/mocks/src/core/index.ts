// The framework-free mock core: what an API area is, routing, the `Prefer` controls, the admin
// routes, documented errors from the spec's catalogue, and state built from a fixture. It imports no
// area: areas register through `createState(areas, fixture, options)`.
export type { ApiArea, GateResult, OperationRequest, SliceOf } from './area.js';
export { handleRequest } from './handle.js';
export { handleAdmin, isAdminPath, stateFor, SESSION_HEADER } from './admin.js';
export { ArmError, FAULTS, JOURNAL_LIMIT, type Arm, type ArmRequest, type DocumentedStatus, type Fault, type JournalEntry } from './control.js';
export { createRouter, type RouteMatch, type Router } from './router.js';
export { createState, SessionError, SESSION_LIMIT, type MockStateCore, type StateOf } from './state.js';
export type { MockOptions, MockOptionsResolved } from './options.js';
export { documentedError, exampleError } from './errors.js';
export { FixtureError } from './fixture-check.js';
export { toMockRequest, isFault, json, BODY_LIMIT, type MockRequest, type MockResponse, type MockResult } from './http.js';
