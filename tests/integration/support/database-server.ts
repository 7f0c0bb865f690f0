/** The PostgreSQL server integration tests create their databases on, if any (else they use embedded PGlite). */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export type TestDatabaseContext =
  | { kind: "server"; serverUrl: string; template: string; prefix: string }
  | { kind: "embedded"; templateDump: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}
