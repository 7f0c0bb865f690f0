import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";
import { loadSchemaEngine } from "./load-schema-engine";
import { createMigrationAdapterFactory } from "./migration-adapter-factory";
import { PRISMA_SCHEMA_PATH } from "./prisma-paths";

export type SchemaEngineSessionOptions = {
  /** Every engine command asks the database for its version first, even a diff between schema files. */
  connectionString: string;
  /** Defaults to prisma/schema.prisma. */
  schemaPath?: string;
  /** Receives the engine's own log lines (JSON). */
  log?: (line: string) => void;
};

export type SchemaEngineSession = { engine: SchemaEngine; schema: SchemaContainer };

/** Runs `work` with a schema engine bound to the database, then frees the engine and closes its connections. */
export async function withSchemaEngine<T>(
  options: SchemaEngineSessionOptions,
  work: (session: SchemaEngineSession) => Promise<T>,
): Promise<T> {
  const schemaPath = options.schemaPath ?? PRISMA_SCHEMA_PATH;
  const content = await readFile(schemaPath, "utf8");
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory({ connectionString: options.connectionString });
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, content]] },
    (line: string) => options.log?.(line),
    bound,
  );
  // The engine's own timers do not hold the process open (load-schema-engine.ts); this does, while it works.
  const keepAlive = setInterval(() => {}, 60_000);
  let result: T;
  try {
    result = await work({ engine, schema: { path: schemaPath, content } });
  } catch (error) {
    // The work's failure is the one worth reporting; a cleanup failure after it would only hide it.
    engine.free();
    await factory.dispose().catch(() => {});
    throw recoverAdapterError(error, bound.errorRegistry);
  } finally {
    clearInterval(keepAlive);
  }
  engine.free();
  await factory.dispose();
  return result;
}

/**
 * An error thrown by our adapter code (not a database error) reaches the engine only as a number, and comes back
 * as "External error id#N"; the original, with its real message, waits in the registry.
 */
function recoverAdapterError(error: unknown, registry: ErrorRegistry): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  return original ?? error;
}
