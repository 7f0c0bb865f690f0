import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRETS_FILE = path.join(".data", "secrets.json");

/**
 * Secrets for a local run, generated once into .data/ (git-ignored, mode 600) so sessions survive restarts.
 * A deployment sets them in its environment instead; the app refuses to start in production without them.
 */
export function localSecrets(): { NEXTAUTH_SECRET: string } {
  if (existsSync(SECRETS_FILE)) return JSON.parse(readFileSync(SECRETS_FILE, "utf8"));
  const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  mkdirSync(".data", { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
