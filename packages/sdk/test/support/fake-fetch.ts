// A `fetch` that answers from a script and records every call, for transport tests.
export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  at: number;
}

type Step = Response | Error | ((request: Request) => Response | Promise<Response>) | 'hang';

export function fakeFetch(...steps: Step[]) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input as RequestInfo, init);
    calls.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body ? await request.clone().text() : undefined,
      at: performance.now(),
    });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step === 'hang')
      return new Promise((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }),
      );
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(request);
    return step.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
