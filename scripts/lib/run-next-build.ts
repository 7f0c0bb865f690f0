import { spawn } from "node:child_process";
import { OperatorError } from "./fail";
import { isBuildCurrent, recordBuild, sourceFingerprint } from "./build-fingerprint";
import { bundleServer } from "./build-server";

const NEXT_BIN = "node_modules/next/dist/bin/next";

/** Builds the app for production unless the build in .next matches the sources. Returns whether it built. */
export async function ensureProductionBuild(): Promise<boolean> {
  const fingerprint = sourceFingerprint();
  // The server's bundle takes milliseconds: made every time, so it always matches scripts/serve.ts.
  if (isBuildCurrent(fingerprint)) {
    await bundleServer();
    return false;
  }
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", resolve);
  });
  if (code !== 0) throw new OperatorError("`next build` failed (see the output above)", "fix the reported error and run the command again");
  await bundleServer();
  recordBuild(fingerprint);
  return true;
}

export { NEXT_BIN };
/** Runs a TypeScript script with the project's tsx, without npx. */
export const TSX_CLI = "node_modules/tsx/dist/cli.mjs";
