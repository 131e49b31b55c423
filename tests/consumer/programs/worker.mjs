// The smoke inside a Cloudflare worker: `GET /?url=<mock url>&session=<name>` answers the result as JSON.
import * as sdk from '@scrub/sdk';
import { smoke } from './smoke.mjs';

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    try {
      return Response.json(await smoke(sdk, query.get('url'), query.get('session')));
    } catch (e) {
      return new Response(String(e?.stack ?? e), { status: 500 });
    }
  },
};
