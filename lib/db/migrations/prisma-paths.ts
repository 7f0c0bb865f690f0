import path from "node:path";
import { fileURLToPath } from "node:url";

// Resolved from this file rather than the working directory, so tests and scripts find the schema wherever
// they are started from. Mirrors prisma.config.ts (schema, migrations.path).
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const PRISMA_SCHEMA_PATH = path.join(projectRoot, "prisma", "schema.prisma");
export const PRISMA_MIGRATIONS_DIR = path.join(projectRoot, "prisma", "migrations");
