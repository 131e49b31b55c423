// `client.raw`: openapi-fetch's typed client (`{ data, error, response }` style) over the same exchange
// as the methods (retries, time limits, redirects policy, failures mapped).
import type { Client } from 'openapi-fetch';
import type { Exchange } from './exchange.js';
import type { CallOptions } from './options.js';

export interface RawClientConfig {
  baseUrl: string;
  headers: Record<string, string>;
  exchange: Exchange;
  /** The ky options of the exchange of a request openapi-fetch built. */
  options: (request: Request) => CallOptions;
}

/** openapi-fetch's client over the exchange, loaded on first use. */
export function rawClient<Paths extends {}>(config: RawClientConfig): Client<Paths> {
  const { exchange, options } = config;
  /** openapi-fetch's `fetch`: the exchange, its body handed back in a fresh `Response`. */
  async function rawFetch(request: Request): Promise<Response> {
    const { response, body } = await exchange(request, options(request));
    return new Response(body.byteLength ? body : null, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  return lazyClient<Paths>(() =>
    import('openapi-fetch').then((module) =>
      createClientOf(module)<Paths>({
        baseUrl: config.baseUrl,
        headers: config.headers,
        querySerializer: { array: { style: 'form', explode: false } },
        fetch: rawFetch,
      }),
    ),
  );
}

type OpenApiFetch = typeof import('openapi-fetch');

/**
 * openapi-fetch's `createClient`, whichever way the module was loaded. Its CommonJS file sets
 * `exports.default` without `__esModule`, so under the CommonJS build's `require()` the default
 * import is the whole `exports` object, whose own `default` is the function.
 */
function createClientOf(module: OpenApiFetch): OpenApiFetch['default'] {
  const loaded: unknown = module.default;
  return typeof loaded === 'function'
    ? (loaded as OpenApiFetch['default'])
    : (loaded as { default: OpenApiFetch['default'] }).default;
}

const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'] as const;

/**
 * openapi-fetch's client, loaded on first use: every request method of it is async anyway, and most
 * users never touch `raw`, so its code stays out of the bundle an `import` loads. Middleware added
 * before it loads is applied when it does.
 */
function lazyClient<Paths extends {}>(create: () => Promise<Client<Paths>>): Client<Paths> {
  let client: Client<Paths> | undefined;
  let loading: Promise<Client<Paths>> | undefined;
  const pending: ['use' | 'eject', unknown[]][] = [];
  const load = () =>
    (loading ??= create().then(
      (created) => {
        for (const [op, middleware] of pending) (created[op] as (...m: unknown[]) => void)(...middleware);
        client = created;
        return created;
      },
      (error: unknown) => {
        loading = undefined; // a failed load (a chunk that did not arrive) is tried again on the next call
        throw error;
      },
    ));
  const facade: Record<string, unknown> = {
    use: (...middleware: unknown[]) =>
      client ? (client.use as (...m: unknown[]) => void)(...middleware) : void pending.push(['use', middleware]),
    eject: (...middleware: unknown[]) =>
      client ? (client.eject as (...m: unknown[]) => void)(...middleware) : void pending.push(['eject', middleware]),
  };
  for (const method of RAW_METHODS)
    facade[method] = (...args: unknown[]) => load().then((c) => (c[method] as (...a: unknown[]) => unknown)(...args));
  return facade as unknown as Client<Paths>;
}
