// `@scrub/mocks/handlers`: ready-made handlers over one shared state, created when this entry is
// imported (the one entry with import-time state; the others create nothing until called).
import { createHandlers } from './msw/handlers.js';
import { createMockState, type MockState } from './state.js';

export type { MockState };

/** The state behind `handlers`; call `mockState.reset()` between tests, or `mockState.load(fixture)`. */
export const mockState: MockState = createMockState();

/** Handlers over `mockState`, for `setupServer(...handlers)` / `setupWorker(...handlers)`. */
export const handlers = createHandlers(mockState);
