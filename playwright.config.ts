import { defineConfig, devices } from "@playwright/test";

// scripts/test-e2e.ts prepares the database and the production build, then runs this configuration.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // Two workers, the server and Chromium share two cores: generous limits keep CI from failing on load alone.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(text-corrections|shutdown)\.spec\.ts/ },
    // Corrections change the letter's text for every reader: they run after everything that reads the text.
    { name: "text-corrections", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /text-corrections\.spec\.ts/, dependencies: ["chromium"] },
    // A second server started and stopped with SIGTERM: last, alone.
    { name: "shutdown", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /shutdown\.spec\.ts/, dependencies: ["text-corrections"] },
  ],
  webServer: {
    // The bundled production server (npm run test:e2e builds it with the app: scripts/lib/build-server.ts).
    command: "node .next/marginalia-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_URL: baseURL, DEMO_DATA: "1", TRUSTED_PROXIES: "127.0.0.1" },
  },
});
