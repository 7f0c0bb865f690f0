// The production HTTP server: Next.js's request handler behind node:http, so that the socket's peer address reaches
// the app in a header no client can set (lib/http/request-client-address.ts). `npm start` and the tests run this.
import { createServer } from "node:http";
import next from "next";
import { PEER_ADDRESS_HEADER } from "../lib/http/request-client-address";
import { urlProblem } from "../lib/http/text-input";
import { REFUSED_PAGE_HEADERS, refusedPageHtml } from "../lib/http/refused-page";
import { databaseOutageRecent } from "../lib/db/database-outage";
import { DATABASE_RETRY_AFTER_SECONDS } from "../lib/db/database-unavailable";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

/** Requests being answered: SIGTERM lets them finish (bounded) before the process exits. */
const inFlight = new Set<import("node:http").ServerResponse>();
const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  // A path Next cannot decode (bad percent-encoding, bytes that are not UTF-8) would fail inside Next as a 500: it
  // names nothing, so 404 here, in the API's error shape or as a page.
  const problem = urlProblem(new URL(request.url ?? "/", "http://localhost"));
  if (problem?.status === 404) {
    const api = (request.url ?? "").startsWith("/api/");
    if (api) response.writeHead(404, { "Content-Type": "application/json", "Content-Security-Policy": "default-src 'none'" }).end(JSON.stringify({ error: "not_found", message: "Not found" }));
    else response.writeHead(404, REFUSED_PAGE_HEADERS).end(refusedPageHtml(404));
    return;
  }
  inFlight.add(response);
  response.once("close", () => inFlight.delete(response));
  // An answer sent before the request's body was read (413 for an oversized body, a refusal before reading): the
  // connection cannot carry another request until the rest of the body has gone by, so it is closed after this
  // answer instead of leaving a pipelined request waiting behind the unread bytes. The rest is drained (so closing
  // sends FIN, not a reset that could lose the answer), and cut off if it keeps coming.
  const writeHead = response.writeHead.bind(response);
  response.writeHead = ((...args: Parameters<typeof response.writeHead>) => {
    // A page that failed because the database is not answering: Next can only say 500; the truth is 503.
    if (args[0] === 500 && databaseOutageRecent()) {
      args[0] = 503;
      response.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    }
    if (!request.complete && !response.headersSent) {
      response.setHeader("Connection", "close");
      const socket = request.socket;
      request.resume();
      const cut = setTimeout(() => socket.destroy(), 5_000);
      cut.unref();
      let drained = 0;
      request.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > 4 * 1024 * 1024) socket.destroy();
      });
      // Node closes a "Connection: close" socket as soon as the answer is written; with the body's rest still unread
      // that close is a reset, and a reset can make the client lose the answer. So: end our side after the answer
      // (the client reads it to the end), and close once the rest of the body has gone by.
      socket.destroySoon = function destroySoonAfterBody(this: typeof socket) {
        if (this.writable) this.end();
        if (request.complete) {
          clearTimeout(cut);
          this.destroy();
        } else {
          request.once("end", () => {
            clearTimeout(cut);
            this.destroy();
          });
        }
      };
    }
    return writeHead(...args);
  }) as typeof response.writeHead;
  void handle(request, response);
});
// Longer than the idle timeout of load balancers and HTTP clients, so a reused keep-alive connection is not closed
// by us at the very moment a request arrives on it (ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => console.log(`marginalia: listening on http://${hostname}:${port}`));

const SHUTDOWN_GRACE_MS = 10_000;
let shuttingDown = false;

/**
 * Graceful shutdown (SIGTERM, SIGINT, npm start gone): stop accepting connections, let the requests in flight finish
 * (at most SHUTDOWN_GRACE_MS), stop the mail worker between two messages, close the database pools, exit 0.
 */
async function shutDown() {
  if (shuttingDown) return;
  shuttingDown = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  while (inFlight.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (inFlight.size) console.warn(`marginalia: shutdown: ${inFlight.size} request(s) still running after ${SHUTDOWN_GRACE_MS / 1000} s, cut off`);
  server.closeAllConnections();
  await closed;
  const app = globalThis as { marginaliaStopBackground?: () => Promise<void> };
  await app.marginaliaStopBackground?.().catch((error: unknown) => console.warn("marginalia: shutdown:", error));
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutDown());
// Started by npm start with an IPC channel: if npm start is killed (even with SIGKILL), the channel closes and the
// web server goes with it, so that the next npm start finds its port free. (The embedded database it leaves
// running is found and reused by the next npm start.)
if (process.send) process.once("disconnect", () => void shutDown());
