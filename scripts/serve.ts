// The production HTTP server: Next.js's request handler behind node:http, so that the socket's peer address reaches
// the app in a header no client can set (lib/http/request-client-address.ts). `npm start` and the tests run this.
import { createServer } from "node:http";
import next from "next";
import { PEER_ADDRESS_HEADER } from "../lib/http/request-client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
// Longer than the idle timeout of load balancers and HTTP clients, so a reused keep-alive connection is not closed
// by us at the very moment a request arrives on it (ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => console.log(`marginalia: listening on http://${hostname}:${port}`));

function shutDown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, shutDown);
// Started by npm start with an IPC channel: if npm start is killed (even with SIGKILL), the channel closes and the
// web server goes with it, so that the next npm start finds its port free. (The embedded database it leaves
// running is found and reused by the next npm start.)
if (process.send) process.once("disconnect", shutDown);
