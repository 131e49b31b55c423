// The framework-free mock core: what an API area is, routing, the `Prefer` controls, the admin
// routes, documented errors from the spec's catalogue, and state built from a fixture. It imports no
// area: areas register through `createState(areas, fixture, options)`.

export { handleAdmin, isAdminPath, SESSION_HEADER, stateFor } from './admin.js';
export type { ApiArea, GateResult, OperationRequest, SliceOf } from './area.js';
export {
  type Arm,
  ArmError,
  type ArmRequest,
  type DocumentedStatus,
  FAULTS,
  type Fault,
  JOURNAL_LIMIT,
  type JournalEntry,
} from './control.js';
export { documentedError, exampleError } from './errors.js';
export { isFault, type MockResult } from './faults.js';
export { FixtureError } from './fixture-check.js';
export { handleRequest } from './handle.js';
export type { MockOptions, MockOptionsResolved } from './options.js';
export { BODY_LIMIT, type MockRequest, toMockRequest } from './request.js';
export { json, type MockResponse } from './response.js';
export { createRouter, type RouteMatch, type Router } from './router.js';
export { isTransportFault, type Served, serveRequest, type TransportFault } from './serve.js';
export { createState, type MockStateCore, SESSION_LIMIT, SessionError, type StateOf } from './state.js';
