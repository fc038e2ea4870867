/**
 * Production entry of the web server (`npm start`): the Node adapter's request handler on a
 * plain HTTP server.
 *
 * - The port is WEB_PORT (PORT, when set, wins), the host HOST (default all interfaces).
 * - Without ORIGIN the adapter assumes https, which breaks sign-in and every form when the
 *   site is served directly over http (cross-site check, Secure cookies). Then each request
 *   is marked as plain http here, and its origin is taken from its Host header. Behind a
 *   TLS-terminating proxy, set ORIGIN to the public URL.
 */
import http from 'node:http';

// Document uploads reach 10 MB; the adapter's default body limit is 512 kB.
process.env.BODY_SIZE_LIMIT ??= '11M';

const protocolHeader = 'x-exchange-web-protocol';
const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (direct) process.env.PROTOCOL_HEADER = protocolHeader;

const { handler } = await import('../build/handler.js');

const server = http.createServer((req, res) => {
  if (direct) req.headers[protocolHeader] = 'http';
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
});

const port = Number(process.env.PORT ?? process.env.WEB_PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  console.log(`Web listening on http://${host}:${port}${direct ? '' : ` (origin ${process.env.ORIGIN ?? 'from ' + process.env.PROTOCOL_HEADER})`}`);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
