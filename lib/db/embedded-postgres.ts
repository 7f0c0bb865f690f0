import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  /** A postgresql:// URL any client (pg, Prisma, psql) can use. */
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** A copy of the data directory, to start other instances from (see loadDataDir). */
  dumpDataDir: () => Promise<Blob>;
};

export type EmbeddedPostgresOptions = {
  /** Folder that keeps the data between runs; in memory when omitted. */
  dataDir?: string;
  /** 0 lets the operating system choose a free port. */
  port?: number;
  /** Starts from a copy of another instance's data directory (PGlite's dumpDataDir), e.g. a migrated template. */
  loadDataDir?: Blob;
  /** PGlite runs one backend; the socket server multiplexes this many client connections onto it. */
  maxConnections?: number;
};

/** Starts PGlite (PostgreSQL compiled to WebAssembly) in this process and serves it on 127.0.0.1 over the wire protocol. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
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
    dumpDataDir: () => db.dumpDataDir("none"),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
