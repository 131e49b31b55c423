// The server right for every single request and wrong across steps (@scrub/test-support's rewrite),
// in front of the mock with its admin routes passing through, so `scrub-contract flows` can seed it.
import { wrongAcrossSteps } from '@scrub/test-support/wrong-across-steps';
import { type Running, startProxy } from './servers.js';

export function startWrongAcrossStepsServer(mockUrl: string): Promise<Running> {
  const rewrite = wrongAcrossSteps();
  return startProxy(mockUrl, async (_x, forward) => rewrite(await forward()));
}
