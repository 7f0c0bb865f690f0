import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as schemaEngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

// The `prisma` CLI downloads a native schema-engine binary before every migrate command, which fails offline.
// Prisma's own engine also ships as WebAssembly in @prisma/schema-engine-wasm (docs/decisions.md, 2026-11-25).
// Its package entry point imports the .wasm file as an ES module, which Node 20 cannot do, so we instantiate the
// bytes ourselves and hand the instance to the wasm-bindgen glue, as that entry point would.

export type SchemaEngineModule = typeof schemaEngineBindings;

type PanicRegistry = { message: string; set_message: (message: string) => void };
type Holder = { [cacheKey]?: Promise<SchemaEngineModule>; PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

// Instantiating 5 MB of WebAssembly takes a moment; keep one per process even if this module is evaluated more
// than once (test runners re-import modules per file).
const cacheKey = Symbol.for("marginalia.schemaEngineWasm");
const holder = globalThis as unknown as Holder;

export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  holder[cacheKey] ??= instantiate().catch((error: unknown) => {
    delete holder[cacheKey];
    throw error;
  });
  return holder[cacheKey];
}

/**
 * A Rust panic surfaces as a bare WebAssembly "RuntimeError: unreachable"; the engine writes the real message to
 * a global registry first (the prisma CLI installs the same one). The instance is not trustworthy after a panic,
 * and the wasm-bindgen glue cannot be re-pointed at a fresh one, so a panic should end the process.
 */
export function takeSchemaEnginePanic(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "RuntimeError") return undefined;
  const message = holder.PRISMA_WASM_PANIC_REGISTRY?.message;
  if (holder.PRISMA_WASM_PANIC_REGISTRY) holder.PRISMA_WASM_PANIC_REGISTRY.message = "";
  return message || error.message;
}

async function instantiate(): Promise<SchemaEngineModule> {
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message) {
      this.message = message;
    },
  };
  const require = createRequire(import.meta.url);
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  const imports = { "./schema_engine_bg.js": withUnrefTimers(schemaEngineBindings) };
  const { instance } = await WebAssembly.instantiate(bytes, imports as WebAssembly.Imports);
  schemaEngineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return schemaEngineBindings;
}

/**
 * The engine races database work against timers (e.g. 10 s for the migration advisory lock) and never clears
 * them: the glue imports setTimeout but no clearTimeout. A pending one kept every CLI run alive 10 s after its
 * work was done. Unref'd, they no longer hold the process open; withSchemaEngine keeps it alive while a session runs.
 */
function withUnrefTimers(bindings: SchemaEngineModule): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const [name, value] of Object.entries(bindings)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (value as (...args: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  return imports;
}
