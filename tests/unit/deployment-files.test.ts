import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ZServerEnv } from "@/lib/env";

// No Docker engine runs here, so these checks read the deployment files against the app's real start-up steps.
const dockerfile = readFileSync("Dockerfile", "utf8");
const compose = parse(readFileSync("docker-compose.yml", "utf8"));
const envExample = readFileSync(".env.example", "utf8");
const scripts: Record<string, string> = JSON.parse(readFileSync("package.json", "utf8")).scripts;
const documented = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));

function npmCommands(text: string): string[] {
  const commands = [...text.matchAll(/npm(?:",\s*"|\s+)(run\s+|"run",\s*")?([a-z][\w:-]*)/g)].map((match) => match[2]);
  return commands.filter((command) => !["ci", "install", "prune"].includes(command));
}

describe("Dockerfile and docker-compose.yml", () => {
  it("call only npm scripts that package.json defines", () => {
    const used = [...npmCommands(dockerfile), ...npmCommands(JSON.stringify(compose))];
    expect(used).toContain("build");
    expect(used).toContain("start");
    for (const command of used) expect(scripts, `npm script "${command}"`).toHaveProperty(command);
  });

  it("copy only files that exist", () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)].flatMap((match) => match[1].split(/\s+/));
    for (const source of sources) expect(existsSync(source), source).toBe(true);
  });

  it("use only environment variables that .env.example documents", () => {
    const fromDockerfile = [...dockerfile.matchAll(/^ENV (.+)$/gm)].flatMap((match) =>
      match[1].split(/\s+/).map((pair) => pair.split("=")[0]),
    );
    const fromCompose = Object.values(compose.services as Record<string, { environment?: Record<string, string> }>)
      .filter((service) => service !== compose.services.db)
      .flatMap((service) => Object.keys(service.environment ?? {}));
    const interpolated = [...readFileSync("docker-compose.yml", "utf8").matchAll(/\$\{([A-Z0-9_]+)/g)].map((match) => match[1]);
    for (const variable of [...fromDockerfile, ...fromCompose, ...interpolated]) {
      if (variable === "NODE_ENV" || variable === "NEXT_TELEMETRY_DISABLED") continue;
      expect(documented, variable).toContain(variable);
    }
  });

  it("run PostgreSQL 15 with a health check, and start the app only once it is healthy", () => {
    expect(compose.services.db.image).toBe("postgres:15");
    expect(compose.services.db.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(compose.services.app.depends_on.db.condition).toBe("service_healthy");
    expect(compose.services.app.environment.DATABASE_URL).toMatch(/@db:5432\//);
  });

  it("has a multi-stage Dockerfile whose runtime starts the app through npm start (migrations at start-up)", () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
    expect(scripts.start).toContain("scripts/start.ts");
    expect(readFileSync("scripts/start.ts", "utf8")).toContain("applyMigrations(");
  });
});

describe(".env.example", () => {
  it("documents every variable the app's environment schema reads", () => {
    for (const variable of Object.keys(ZServerEnv.shape)) {
      if (variable === "NODE_ENV") continue;
      expect(documented, variable).toContain(variable);
    }
  });

  it("holds only values the schema accepts", () => {
    const values = Object.fromEntries(
      [...envExample.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1], match[2]]),
    );
    expect(ZServerEnv.safeParse(values).success).toBe(true);
  });
});
