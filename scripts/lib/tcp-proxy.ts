import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL for `npm run soak`, to cut the database off from the app without touching the
 * shared server: "pass" forwards; "refuse" resets every connection, open or new; "silent" accepts new connections
 * and keeps the open ones but forwards nothing either way (a database that hangs).
 */
export type ProxyMode = "pass" | "refuse" | "silent";

export type TcpProxy = { port: number; setMode: (mode: ProxyMode) => void; close: () => Promise<void> };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: ProxyMode = "pass";
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    client.on("error", () => undefined);
    if (mode === "refuse") return void client.resetAndDestroy();
    const upstream = net.connect(targetPort, targetHost);
    upstream.on("error", () => client.destroy());
    const pair = { client, upstream };
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) => from.on("data", (chunk) => mode === "pass" && to.write(chunk));
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end);
    upstream.on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    setMode(next) {
      const previous = mode;
      mode = next;
      // Connections that lost bytes while silent cannot carry PostgreSQL's protocol on: they end, as after a
      // partition, and the app opens new ones.
      if (next === "refuse" || previous === "silent") for (const pair of pairs) pair.client.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.client.destroy();
        server.close(() => resolve());
      }),
  };
}
