// The HTTP `send` of `scrub-contract flows`: a step's request as the contract's own Req, sent by
// its http module through the real-target guard (a refused DELETE never leaves), the answer back
// as a FlowResponse.
import { send as httpSend } from '../http.js';
import type { Req, Res } from '../model.js';
import type { FlowGuard } from './guard.js';
import type { FlowRequest, FlowResponse, FlowSend } from './model.js';

/** A step's request as the contract sends it (and as its curl reproduction shows it). */
export function toReq(request: FlowRequest): Req {
  const [path, query] = request.path.split(/\?(.*)/s) as [string, string | undefined];
  const json = request.body !== undefined;
  return {
    method: request.method,
    path,
    ...(query ? { query } : {}),
    headers: { ...request.params.header, ...(json ? { 'content-type': 'application/json' } : {}) },
    ...(json ? { body: JSON.stringify(request.body) } : {}),
  };
}

/** An answer as a step sees it: lower-case headers, the JSON body (the text when it is not JSON, none when empty). */
export function toFlowResponse(res: Res): FlowResponse {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: res.status, headers, body: res.json !== undefined ? res.json : res.text || undefined };
}

/** A `send` to `target` through `guard` (refusals throw, so the step fails naming why). */
export function httpFlowSend(target: string, guard: FlowGuard): FlowSend {
  return async (request) => {
    const req = toReq(request);
    const refused = await guard.refusal(req);
    if (refused) throw new Error(`refused to send ${refused}`);
    const res = await httpSend(target, req);
    guard.record(req, res);
    return toFlowResponse(res);
  };
}
