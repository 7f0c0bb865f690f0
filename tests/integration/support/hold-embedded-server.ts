// One "npm start" for embedded-server.test.ts, without the web server: run with `node --import tsx <folder>`. It
// opens the embedded server on the folder as npm start does, prints one JSON line { how, port, ownerPid, url },
// then waits: SIGTERM stops it in order (the server too, if it owns it); SIGKILL leaves the server running.
import { openEmbeddedServer } from "../../../lib/db/embedded-server/embedded-server";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: hold-embedded-server.ts <folder>");
  process.exit(2);
}
const server = await openEmbeddedServer({ folder });
console.log(JSON.stringify({ how: server.how, port: server.port, ownerPid: server.ownerPid, url: server.url() }));
process.on("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
