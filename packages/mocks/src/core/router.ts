// The routes of every registered area, compiled once from the generated route tables: a request's
// path and method resolve to an operation (with its path parameters), a 404 or a 405 in one pass.
import { type DocumentedError, errorMessages, type OperationId } from '@scrub/spec';
import type { ApiArea } from './area.js';
import { errorJson, type MockResponse } from './response.js';

/** One path template of an area and the operation per method on it. */
interface CompiledRoute {
  /** Literal segments as strings; parameters as `{ param, raw }` (`raw`: handed over undecoded). */
  segments: (string | { param: string; raw: boolean })[];
  operations: Record<string, OperationId>;
  /** The 405 answer: a 405 one of the path's operations documents, else the area's. */
  methodNotAllowed: MockResponse;
}

/** Where a request lands: an operation with its parameters, or the answer of a routing error. */
export type RouteMatch =
  | { area: ApiArea; operationId: OperationId; params: Record<string, string> }
  | { area: ApiArea; operationId?: undefined; response: MockResponse };

export interface Router {
  /** The match of a path and method, or `undefined` when no area claims the path. */
  match(method: string, path: string): RouteMatch | undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as sent and fails the operation's own rules
  }
}

export function createRouter(areas: readonly ApiArea[]): Router {
  const compiled = areas.map((area) => {
    const byPath = new Map<string, CompiledRoute>();
    for (const [operationId, route] of Object.entries(area.routes)) {
      let entry = byPath.get(route.path);
      if (!entry) {
        const segments = route.path
          .split('/')
          .map((s) =>
            /^\{[^}]+\}$/.test(s)
              ? { param: s.slice(1, -1), raw: area.rawParams?.includes(s.slice(1, -1)) ?? false }
              : s,
          );
        entry = { segments, operations: {}, methodNotAllowed: area.methodNotAllowed() };
        byPath.set(route.path, entry);
      }
      entry.operations[route.method] = operationId as OperationId;
    }
    for (const entry of byPath.values()) {
      const documented = Object.values(entry.operations)
        .flatMap((id) => errorMessages[id] as readonly DocumentedError[])
        .find((e) => e.status === 405);
      if (documented) entry.methodNotAllowed = errorJson(405, documented.example);
    }
    return { area, routes: [...byPath.values()], notFound: area.notFound() };
  });

  return {
    match(method, path) {
      for (const { area, routes, notFound } of compiled) {
        if (!area.claims(path)) continue;
        const segments = path.split('/');
        for (const route of routes) {
          if (route.segments.length !== segments.length) continue;
          let params: Record<string, string> | undefined = {};
          for (let i = 0; i < segments.length; i++) {
            const want = route.segments[i]!;
            const got = segments[i]!;
            if (typeof want === 'string') {
              if (want !== got) {
                params = undefined;
                break;
              }
            } else if (got === '') {
              params = undefined;
              break;
            } else params[want.param] = want.raw ? got : decode(got);
          }
          if (!params) continue;
          const operationId = route.operations[method];
          return operationId ? { area, operationId, params } : { area, response: route.methodNotAllowed };
        }
        return { area, response: notFound };
      }
      return undefined;
    },
  };
}
