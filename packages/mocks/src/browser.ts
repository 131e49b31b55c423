// Browser entry point: an MSW `setupWorker` over a fresh mock state (serve `mockServiceWorker.js`
// with `npx msw init public/`).
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { MockOptions } from './core/options.js';
import { createHandlers, type HandlerOptions } from './msw/handlers.js';
import { createMockState, type MockState } from './state.js';

export * from './index.js';

export interface MockWorker {
  worker: SetupWorker;
  state: MockState;
}

/** `setupWorker` with the mock handlers over a fresh state seeded from `fixture` (default: built-in). */
export function createMockWorker(options: HandlerOptions & MockOptions & { fixture?: unknown } = {}): MockWorker {
  const state = createMockState(options.fixture, options);
  return { worker: setupWorker(...createHandlers(state, options)), state };
}
