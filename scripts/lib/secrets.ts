import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets for a local run, generated once into .data/ (git-ignored, mode 600) so sessions survive restarts.
 * A deployment sets them in its environment instead; the app refuses to start in production without them.
 */
export function localSecrets(dataFolder: string): { NEXTAUTH_SECRET: string } {
  const file = path.join(dataFolder, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  mkdirSync(dataFolder, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
