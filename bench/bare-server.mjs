// The floor: a bare node:http server answering one constant JSON body to every request. The body has
// the byte size given (the mock's average answer for the mix being measured, so mock/bare compares
// like with like); without one, a short list answer.
// Usage: node bare-server.mjs <port> [body bytes]
import { createServer } from 'node:http';

const short = JSON.stringify({ items: [], message: 'Get projection list success' });
/** A JSON body of exactly `size` bytes (at least the short answer's size). */
function bodyOf(size) {
  const pad = size - Buffer.byteLength(JSON.stringify({ message: 'Get projection list success', pad: '' }));
  if (!(pad > 0)) return short;
  return JSON.stringify({ message: 'Get projection list success', pad: 'x'.repeat(pad) });
}
const body = process.argv[3] ? bodyOf(Number(process.argv[3])) : short;
const length = String(Buffer.byteLength(body));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': length });
    res.end(body);
  });
});
// a clean exit on SIGTERM, so `node --cpu-prof` writes the floor's profile too (`--only profile`)
process.on('SIGTERM', () => process.exit(0));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${server.address().port} (body ${length} bytes)`),
);
