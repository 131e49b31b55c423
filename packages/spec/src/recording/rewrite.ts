// One exchange pseudonymised: URL, headers and bodies by the operation's rules, sealed bodies opened
// and sealed again, and (second pass) the safety net over every text. Also gives the plain JSON the
// fixture is built from.

import { errorRule, requestRules, successRules } from './bodies.js';
import { type Exchange, type Header, headerValue } from './exchange.js';
import { rewriteHeaders } from './headers.js';
import type { Net } from './net.js';
import type { Pseudonymise } from './pseudonyms.js';
import { type Route, routeOf } from './route.js';
import { open, type SealField, seal, sealedText } from './sealed.js';
import { parseUrl, rewriteUrl } from './url.js';
import { type Rule, walk } from './walk.js';

/** An exchange as written, with what the fixture needs from it. */
export interface Rewritten {
  exchange: Exchange;
  route: Route | undefined;
  /** The request's and the answer's plain JSON as written (opened when sealed); undefined when none or not JSON. */
  request: unknown;
  response: unknown;
  /** Whether a body was sealed with the project's key (the encryption option is on). */
  sealed: boolean;
}

interface Pass {
  p: Pseudonymise;
  /** The safety net (second pass only). */
  net: Net | undefined;
  note(text: string): void;
}

interface Body {
  text: string | undefined;
  json?: unknown;
  sealed: boolean;
}

const encoder = new TextEncoder();

function rewriteBody(
  text: string | undefined,
  rule: Rule,
  seal_: SealField | undefined,
  apiKey: string | undefined,
  pass: Pass,
  what: string,
): Body {
  if (text === undefined || text === '') return { text, sealed: false };
  const finish = (value: unknown) => (pass.net ? pass.net.scrubValue(value) : value);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    pass.note(`${what} is not JSON: pseudonymised as a whole`);
    return { text: finish(pass.p.personal('text', text)) as string, sealed: false };
  }
  const ciphertext = seal_ && apiKey !== undefined ? sealedText(value, seal_) : undefined;
  if (ciphertext === undefined) {
    const json = finish(walk(value, rule, pass.p));
    return { text: JSON.stringify(json), json, sealed: false };
  }
  const opened = open(apiKey!, ciphertext);
  if (!opened) {
    pass.note(`${what} is encrypted and does not decrypt with its key: left out`);
    return { text: undefined, sealed: false };
  }
  const json = finish(walk(opened.value, rule, pass.p));
  return { text: seal(pass.p.credential('api-key', apiKey!), seal_!, json), json, sealed: true };
}

function finishHeaders(headers: Header[], body: string | undefined, net: Net | undefined): Header[] {
  return headers.map(({ name, value }) => {
    if (name.toLowerCase() === 'content-length' && body !== undefined)
      return { name, value: String(encoder.encode(body).length) };
    return { name, value: net ? net.scrub(value) : value };
  });
}

/** `exchange` pseudonymised (`index` numbers the notes, from 1). */
export function rewriteExchange(exchange: Exchange, index: number, pass: Pass): Rewritten {
  const { request, response } = exchange;
  const route = routeOf(request.method, parseUrl(request.url).parsed.pathname);
  const op = route?.operationId;
  const what = op ?? (route ? `${request.method.toUpperCase()} ${route.area}` : 'neither API');
  const label = `exchange ${index + 1} (${what})`;
  if (!route) pass.note(`${label}: not a request of either API: pseudonymised as a whole`);
  const idcheck = route?.area === 'idcheck';
  const apiKey = (idcheck && headerValue(request.headers, 'x-api-key')?.trim()) || undefined;
  const ok = response.status >= 200 && response.status < 300;
  const requestRule: Rule = (op && requestRules[op]) ?? 'personal';
  const responseRule: Rule = route ? (ok ? ((op && successRules[op]) ?? 'personal') : errorRule) : 'personal';
  const req = rewriteBody(
    request.body,
    requestRule,
    idcheck ? 'body' : undefined,
    apiKey,
    pass,
    `${label}: the request body`,
  );
  const res = rewriteBody(
    response.body,
    responseRule,
    idcheck && ok ? 'data' : undefined,
    apiKey,
    pass,
    `${label}: the answer`,
  );
  const scrub = (text: string) => (pass.net ? pass.net.scrub(text) : text);
  // the exchange's own words, as they are
  pass.p.keep(request.method);
  pass.p.keep(response.statusText);
  const written: Exchange = {
    startedDateTime: scrub(exchange.startedDateTime),
    time: exchange.time,
    request: {
      method: request.method,
      url: scrub(rewriteUrl(request.url, route, pass.p)),
      headers: finishHeaders(rewriteHeaders(request.headers, pass.p), req.text, pass.net),
      ...(req.text !== undefined ? { body: req.text } : {}),
    },
    response: {
      status: response.status,
      statusText: scrub(response.statusText),
      headers: finishHeaders(rewriteHeaders(response.headers, pass.p), res.text, pass.net),
      ...(res.text !== undefined ? { body: res.text } : {}),
    },
  };
  // the fixture reads ids from the written URL: the route again, over pseudonymised segments
  const writtenRoute = routeOf(request.method, parseUrl(written.request.url).parsed.pathname);
  return {
    exchange: written,
    route: writtenRoute,
    request: req.json,
    response: res.json,
    sealed: req.sealed || res.sealed,
  };
}
