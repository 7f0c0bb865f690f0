import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "@/lib/env";

function issuesOf(env: Record<string, string>) {
  try {
    parseServerEnv(env);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.issues.map((issue) => issue.variable);
    throw error;
  }
}

describe("parseServerEnv", () => {
  it("accepts an empty environment with defaults", () => {
    expect(parseServerEnv({})).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DEMO_DATA: false, DB_CONNECT_TIMEOUT_MS: 1500 });
  });

  it("names each bad variable", () => {
    expect(issuesOf({ PORT: "eighty" })).toEqual(["PORT"]);
    expect(issuesOf({ DATABASE_URL: "mysql://x" })).toEqual(["DATABASE_URL"]);
    expect(issuesOf({ DEMO_DATA: "yes", LOG_LEVEL: "loud" }).sort()).toEqual(["DEMO_DATA", "LOG_LEVEL"]);
    expect(issuesOf({ NEXTAUTH_SECRET: "short" })).toEqual(["NEXTAUTH_SECRET"]);
  });

  it("requires the signing secret in production", () => {
    expect(issuesOf({ NODE_ENV: "production" })).toEqual(["NEXTAUTH_SECRET"]);
    expect(issuesOf({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it("treats an empty variable as unset", () => {
    expect(parseServerEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});
