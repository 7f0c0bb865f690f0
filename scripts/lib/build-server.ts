import { build } from "esbuild";

/**
 * The production HTTP server (scripts/serve.ts and what it imports from lib/) bundled into one plain JavaScript file,
 * packages left as imports. The server then runs on node alone: without tsx's loader thread and transform caches,
 * which cost about 80 MB of resident memory (measured 298 → 219 MB idle on 2026-12-03; docs/decisions.md).
 */
export const SERVER_ENTRY = ".next/marginalia-server.mjs";

export async function bundleServer(): Promise<void> {
  await build({
    entryPoints: ["scripts/serve.ts"],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    banner: { js: "// Built by scripts/lib/build-server.ts from scripts/serve.ts: edit that, not this." },
  });
}
