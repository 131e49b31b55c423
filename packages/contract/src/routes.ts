// Which operation a request path names, read off `@scrub/spec`'s route table (one pattern per
// documented path, built once here), with the values of its `{parameters}`.
import { type Area, type OperationId, operationRoutes } from '@scrub/spec';

export interface RouteMatch {
  operationId: OperationId;
  method: string;
  area: Area;
  /** The path's `{parameters}`, percent-decoded (as sent when a value cannot be decoded). */
  params: Record<string, string>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** A pattern of a documented path: each `{name}` one segment, captured under its name. */
function compile(template: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return { re: new RegExp(`${source}$`), names };
}

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const ROUTES = (Object.keys(operationRoutes) as OperationId[]).map((operationId) => ({
  operationId,
  ...operationRoutes[operationId],
  ...compile(operationRoutes[operationId].path),
}));

/**
 * Every operation documented on `pathname`, whatever its method. With `basePath`, a prefix before
 * the documented path is allowed (a deployment under `/api`, a recording through a proxy).
 */
export function routesOn(pathname: string, options: { basePath?: boolean } = {}): RouteMatch[] {
  const found: RouteMatch[] = [];
  for (const route of ROUTES) {
    const m = route.re.exec(pathname);
    if (!m) continue;
    const prefix = pathname.slice(0, m.index);
    if (prefix && !(options.basePath && prefix.startsWith('/'))) continue;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decode(m[i + 1]!)]));
    found.push({ operationId: route.operationId, method: route.method, area: route.area, params });
  }
  return found;
}

/** The operation `method` on `pathname` names, if any. */
export function routeOf(method: string, pathname: string, options: { basePath?: boolean } = {}) {
  return routesOn(pathname, options).find((r) => r.method === method.toUpperCase());
}
