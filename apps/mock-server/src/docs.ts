// `/docs`: the API reference pages built into dist/docs, read once at start-up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MockResponse } from '@scrub/mocks/core';

export function docsRoutes(): (method: string, path: string) => MockResponse | undefined {
  const dir = fileURLToPath(new URL('./docs/', import.meta.url));
  const pages = new Map<string, string>();
  if (existsSync(dir))
    for (const file of readdirSync(dir)) if (file.endsWith('.html')) pages.set(file, readFileSync(dir + file, 'utf8'));
  return (method, path): MockResponse | undefined => {
    if (path !== '/docs' && !path.startsWith('/docs/')) return undefined;
    if (method !== 'GET' && method !== 'HEAD')
      return { status: 405, headers: { 'content-type': 'application/json' }, body: '{"message":"Method Not Allowed"}' };
    if (path === '/docs') return { status: 301, headers: { location: '/docs/' }, body: undefined };
    const file = path === '/docs/' ? 'index.html' : path.slice('/docs/'.length);
    const page = pages.get(file);
    if (page === undefined)
      return {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: pages.size ? 'Not Found' : 'API reference not built (run the build)' }),
      };
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
  };
}
