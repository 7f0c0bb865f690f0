import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { charColumnsOf, createPatchedPgPool } from "./patched-pg-pool";

export type MigrationAdapterOptions = {
  connectionString: string;
  /** pg waits forever for an unreachable host by default; a CLI should fail within seconds. */
  connectTimeoutMs?: number;
};

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Releases every connection and shadow database still open; the engine does not dispose its main adapter. */
  dispose(): Promise<void>;
};

/**
 * The driver adapter the WASM schema engine uses for migrations. PrismaPg 7.10 alone is not enough: its results
 * cannot carry the catalogs' "char" columns (patched-pg-pool.ts), and its shadow database, given a connection
 * string, connects back to the main database and is then dropped while its pool is still connected.
 */
export function createMigrationAdapterFactory(options: MigrationAdapterOptions): MigrationAdapterFactory {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose;
    adapter.dispose = () => {
      open.delete(adapter);
      return dispose();
    };
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => track(await connectMigrationAdapter(options.connectionString, connectTimeoutMs)),
    connectToShadowDb: async () => track(await connectServerShadow(options.connectionString, connectTimeoutMs)),
    dispose: async () => {
      const results = await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      const failure = results.find((result) => result.status === "rejected");
      if (failure) throw failure.reason;
    },
  };
}

async function connectMigrationAdapter(
  connectionString: string,
  connectTimeoutMs: number,
  afterDispose?: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  const pool = createPatchedPgPool({ connectionString, max: 4, connectionTimeoutMillis: connectTimeoutMs });
  const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    // PrismaPg splits scripts at every ";", which breaks on a semicolon inside a comment, a string or a function
    // body. A query without parameters goes over the simple protocol, which takes the whole script at once and
    // runs it as one implicit transaction: what the native engine (and so `prisma migrate deploy`) does.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (isolationLevel) => restoreCharColumnsIn(await inner.startTransaction(isolationLevel)),
    dispose: async () => {
      try {
        await inner.dispose();
      } finally {
        await afterDispose?.();
      }
    },
  };
  if (inner.getConnectionInfo) adapter.getConnectionInfo = () => inner.getConnectionInfo!();
  return adapter;
}

/** The pool reported "char" columns as text for the adapter's sake; the engine needs them as characters. */
function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const position of charColumnsOf(result.rows) ?? []) result.columnTypes[position] = ColumnTypeEnum.Character;
  return result;
}

function restoreCharColumnsIn(transaction: Transaction): Transaction {
  const queryRaw = transaction.queryRaw.bind(transaction);
  transaction.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  return transaction;
}

async function withClient<T>(
  connectionString: string,
  connectTimeoutMs: number,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs });
  // A connection lost between queries surfaces through the next query; unheard, it would crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function connectServerShadow(connectionString: string, connectTimeoutMs: number): Promise<SqlDriverAdapter> {
  const database = `marginalia_shadow_${randomBytes(6).toString("hex")}`;
  try {
    await withClient(connectionString, connectTimeoutMs, (client) => client.query(`CREATE DATABASE "${database}"`));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not create the shadow database ${database}: ${reason}`, { cause: error });
  }
  // FORCE: a connection the engine left open must not keep the scratch database alive.
  const drop = () =>
    withClient(connectionString, connectTimeoutMs, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    ).then(() => undefined);
  try {
    // Ending the shadow pool first (inside dispose) lets the drop succeed without terminating anyone.
    return await connectMigrationAdapter(withDatabase(connectionString, database), connectTimeoutMs, drop);
  } catch (error) {
    await drop();
    throw error;
  }
}

/** pg lets a connection string override a separate `database` option, so the name is changed in the URL itself. */
function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
