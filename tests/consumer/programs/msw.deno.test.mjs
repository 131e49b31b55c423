// `deno test -A msw.deno.test.mjs`: the MSW cases under Deno's test runner, its resource and op
// sanitizers on (the default).
import { cases, start } from './msw-cases.mjs';

for (const [name, run] of cases)
  Deno.test(name, async () => {
    const stop = start();
    try {
      await run();
    } finally {
      stop();
    }
  });
