import { execFile } from "node:child_process";
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/openapi/endpoint-registry";
import { openApiDocument } from "@/lib/openapi/openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** next-auth's catch-all route is next-auth's own (the document says so in info.description). */
const NOT_DESCRIBED = new Set(["/api/auth/{...nextauth}"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** The OpenAPI path of a route file: `[groupId]` becomes `{groupId}`. */
function pathOf(file: string): string {
  const relative = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
  return "/" + relative.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/");
}

/** The HTTP methods a route file exports, and whether each is bound to a contract with endpoint(...). */
function exportsOf(source: string): { method: string; bound: boolean }[] {
  const found: { method: string; bound: boolean }[] = [];
  for (const match of source.matchAll(/export\s+(?:const|async function|function)\s+([A-Z]+)\b(\s*=\s*endpoint\()?/g)) {
    if (METHODS.includes(match[1])) found.push({ method: match[1], bound: Boolean(match[2]) });
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!)) {
      if (METHODS.includes(name)) found.push({ method: name, bound: true });
    }
  }
  return found;
}

const files = routeFiles(API_DIR).map((file) => ({ file: path.relative(ROOT, file), path: pathOf(file), exports: exportsOf(readFileSync(file, "utf8")) }));
const served = files.filter((route) => !NOT_DESCRIBED.has(route.path)).flatMap((route) => route.exports.map(({ method }) => `${method} ${route.path}`));
const described = ENDPOINTS.map((contract) => `${contract.method} ${contract.path}`);

describe("the OpenAPI document covers the API", () => {
  it("has an entry for every method of every route file under app/api, and none without one", () => {
    expect(files.length).toBeGreaterThan(40);
    expect({ withoutEntry: served.filter((key) => !described.includes(key)).sort() }).toEqual({ withoutEntry: [] });
    expect({ withoutRoute: described.filter((key) => !served.includes(key)).sort() }).toEqual({ withoutRoute: [] });
  });

  it("binds every route's handlers to their contract (so the answers go through its schemas)", () => {
    const unbound = files.filter((route) => !NOT_DESCRIBED.has(route.path)).flatMap((route) => route.exports.filter((entry) => !entry.bound).map((entry) => `${entry.method} ${route.file}`));
    expect(unbound).toEqual([]);
  });

  it("names each operation once and declares exactly the path's parameters", () => {
    const ids = ENDPOINTS.map((contract) => contract.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const contract of ENDPOINTS) {
      const inPath = [...contract.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = Object.keys(contract.params?.shape ?? {}).sort();
      expect({ operation: contract.operationId, params: declared }).toEqual({ operation: contract.operationId, params: inPath });
    }
  });

  it("passes Redocly's linter (recommended rules) with no errors and no warnings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "openapi-"));
    const file = path.join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(openApiDocument("https://marginalia.readthedocs.local")));
    const bin = path.join(ROOT, "node_modules/.bin/redocly");
    const run = promisify(execFile);
    const result = await run(bin, ["lint", file, "--format", "json"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: error.stderr ?? "" }));
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
