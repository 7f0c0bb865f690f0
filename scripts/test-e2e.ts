// npm run test:e2e: production build + a scratch database with the letter, then Playwright in Chromium.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { exitWithError, OperatorError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { ensureProductionBuild } from "./lib/run-next-build";
import { createScratchDatabase } from "./lib/scratch-database";
import { seedDatabase } from "./lib/seed";
import { freePort } from "./lib/free-port";
import { startOidcTestProvider } from "./lib/oidc-test-provider";

async function main() {
  loadDotEnv();
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new OperatorError(`Chromium is not at ${chromium}`, "install it (apt-get install -y chromium) or set CHROMIUM_PATH");
  }
  step((await ensureProductionBuild()) ? "e2e: production build done" : "e2e: production build is current");
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const database = await createScratchDatabase("me2e", serverUrl);
  step(`e2e: ${database.description}`);
  try {
    await seedDatabase(database.url, { demo: true });
    const port = await freePort();
    const oidc = await startOidcTestProvider(await freePort(), `http://127.0.0.1:${port}`);
    step(`e2e: OpenID Connect test provider at ${oidc.issuer}`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: {
          ...process.env,
          E2E_PORT: String(port),
          DATABASE_URL: database.url,
          NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
          CHROMIUM_PATH: chromium,
          OIDC_ISSUER: oidc.issuer,
          OIDC_CLIENT_ID: oidc.clientId,
          OIDC_CLIENT_SECRET: oidc.clientSecret,
          OIDC_NAME: "Test IdP",
        },
      });
      child.on("exit", resolve);
    });
    process.exitCode = code ?? 1;
    await oidc.stop();
  } finally {
    await database.drop();
  }
}

main().catch(exitWithError);
