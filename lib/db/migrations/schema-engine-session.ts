import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { loadSchemaEngine } from "./load-schema-engine";
import { createMigrationAdapterFactory } from "./migration-adapter-factory";
import { PRISMA_SCHEMA_PATH } from "./prisma-paths";

export type SchemaEngineSessionOptions = {
  connectionString: string;
  schemaPath?: string;
  /** Receives the engine's own log lines (JSON). */
  log?: (line: string) => void;
};

export type SchemaEngineSession = {
  engine: SchemaEngine;
  schema: { path: string; content: string };
};

/** Runs `work` with a schema engine bound to the database, and frees the engine and its connections afterwards. */
export async function withSchemaEngine<T>(
  options: SchemaEngineSessionOptions,
  work: (session: SchemaEngineSession) => Promise<T>,
): Promise<T> {
  const schemaPath = options.schemaPath ?? PRISMA_SCHEMA_PATH;
  const content = await readFile(schemaPath, "utf8");
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory({ connectionString: options.connectionString });
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, content]] },
    (line: string) => options.log?.(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work({ engine, schema: { path: schemaPath, content } });
  } finally {
    engine.free();
  }
}
