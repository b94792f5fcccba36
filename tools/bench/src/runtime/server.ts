// Loopback HTTP server for the runtime-overhead measurement: every request gets the same small JSON body.
// Runs as its own process so serving does not share the measured client's event loop.
// Prints {"port": N} on stdout once listening; exits when stdin closes.
import { createServer } from 'node:http';
import { responseBody } from './server-body.js';

const body = Buffer.from(JSON.stringify(responseBody));

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.on('close', () => process.exit(0));
