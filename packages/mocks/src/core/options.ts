// Options of a mock state, with their defaults resolved once.

export interface MockOptions {
  /** Text assessment: polls of a text's results answered with `results_not_ready` before the results (default 1). */
  resultsNotReadyPolls?: number;
  /** Clock used for timestamps (default `() => new Date()`). */
  now?: () => Date;
  /** Called with a short note when a request carries something the mock ignores (unknown `Prefer` values). */
  onWarning?: (message: string) => void;
}

export type MockOptionsResolved = Required<Omit<MockOptions, 'onWarning'>> & Pick<MockOptions, 'onWarning'>;

export function resolveOptions(options: MockOptions): MockOptionsResolved {
  return {
    resultsNotReadyPolls: options.resultsNotReadyPolls ?? 1,
    now: options.now ?? (() => new Date()),
    onWarning: options.onWarning ?? ((message) => console.warn(`[@scrub/mocks] ${message}`)),
  };
}
