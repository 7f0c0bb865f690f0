/** The PostgreSQL server the tests were told to use, if any (else global-setup starts a throw-away embedded one). */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Where this run's databases live: a server (named or embedded), the migrated template, the prefix of every name. */
export type TestDatabaseContext = { serverUrl: string; template: string; prefix: string; embedded: boolean };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}
