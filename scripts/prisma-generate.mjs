// Runs `prisma generate` after npm install. Prisma's CLI first tries to download its schema-engine binary, which
// fails offline; generate does not need it, so point it at any existing file (see docs/decisions.md).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
if (result.status !== 0) {
  console.error("marginalia: `prisma generate` failed; the app cannot run without the generated client.");
  process.exit(result.status ?? 1);
}
