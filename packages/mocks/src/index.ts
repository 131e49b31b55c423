// @scrub/mocks: the mock core plus MSW handlers, for `msw/node` and `msw/browser` alike.
export * from './core/index.js';
export { createHandlers, handlers, mockState, type HandlerOptions } from './msw/handlers.js';
