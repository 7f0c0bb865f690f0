import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  /** A postgresql:// URL any client (pg, Prisma, psql) can use. */
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Folder that keeps the data between runs; in memory when omitted. */
  dataDir?: string;
  /** 0 lets the operating system choose a free port. */
  port?: number;
  /** PGlite runs one backend; the socket server multiplexes this many client connections onto it. */
  maxConnections?: number;
};

/** Starts PGlite (PostgreSQL compiled to WebAssembly) in this process and serves it on 127.0.0.1 over the wire protocol. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const db = options.dataDir ? await PGlite.create({ dataDir: options.dataDir }) : await PGlite.create();
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 20,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(":").pop());
  let stopped = false;
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
