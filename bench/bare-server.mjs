// The floor: a bare node:http server answering a constant JSON body to every request.
import { createServer } from 'node:http';

const body = JSON.stringify({ items: [], message: 'Get projection list success' });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${server.address().port}`),
);
