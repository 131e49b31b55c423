// SIGINT/SIGTERM for a command that stops gracefully: the first signal starts the stop, a later one
// cuts it short. A launcher that forwards signals (npx, bunx) gets the one a terminal or
// `kill -- -pgid` sends to the whole process group and passes it on: the process sees it twice within
// moments. That echo is one signal; only a second one later than `ECHO_MS` counts.
// See docs/decisions.md "The standalone server: start, log, shutdown".

export const ECHO_MS = 500;

/** Calls `first` on the first SIGINT/SIGTERM and `again` on a later one (an echo within `ECHO_MS` is ignored). */
export function onStopSignals(first: (signal: string) => void, again: (signal: string) => void): void {
  let stopping: number | undefined;
  const handle = (signal: string) => {
    if (stopping === undefined) {
      stopping = performance.now();
      first(signal);
    } else if (performance.now() - stopping >= ECHO_MS) again(signal);
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
