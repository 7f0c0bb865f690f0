import { z } from "zod";

const booleanFlag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");
const milliseconds = z.coerce.number().int().min(100).max(600_000);

/** Every environment variable the app reads. `.env.example` documents each; a test keeps the two in step. */
export const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** The address the server listens on: 127.0.0.1 on a workstation, 0.0.0.0 in a container. */
  HOST: z.string().min(1).default("127.0.0.1"),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  DEMO_DATA: booleanFlag.default(false),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: milliseconds.default(1500),
  // With the client's query_timeout half a second above it (2 s) and at most 1.5 s to get a connection, a database
  // that has gone silent fails a request (503) within 5 s even when it waited for a connection and then a query
  // (npm run soak measures it). Our slowest statement at 100,000 notes takes tens of milliseconds.
  DB_STATEMENT_TIMEOUT_MS: milliseconds.default(1500),
  /** The rate limiters' own small pool, per app process (their queries are tiny and must not queue behind pages). */
  DB_RATE_LIMIT_POOL_MAX: z.coerce.number().int().min(1).max(50).default(2),
  /** Where `npm start` keeps local state: the embedded PostgreSQL's data, its log, generated secrets. */
  MARGINALIA_DATA_DIR: z.string().min(1).default(".data"),
  /** A fixed port for the embedded PostgreSQL (e.g. to connect psql to it); unset, a free port is chosen and kept. */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1024).max(65_535).optional(),
  /** How long the embedded PostgreSQL may take to accept connections. */
  EMBEDDED_DB_START_TIMEOUT_MS: milliseconds.default(30_000),
  /** Benchmark only: a file whose bytes /bench/page-bytes serves, to compare the reading page with a route that reads no database. */
  BENCH_PAGE_FILE: z.string().min(1).optional(),
  /**
   * Benchmark only: a JSON file of requests captured from the notes API (each request's SQL statements with their
   * values, and its response body), which /api/bench/notes-sql replays through pg: "the same SQL through pg" in the same app.
   */
  BENCH_SQL_FILE: z.string().min(1).optional(),
  /** The public origin (NEXTAUTH_URL for next-auth); defaults to http://localhost:PORT under npm start. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** smtp(s)://user:pass@host:port — without it, mail goes to the development outbox (/dev/outbox) on demo instances. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).default("Marginalia <no-reply@marginalia.invalid>"),
  /** OpenID Connect sign-in (ORCID, an institution): all three switch it on. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).default("ORCID"),
  /** Comma-separated IPs or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(issues.map((issue) => `${issue.variable}: ${issue.message}`).join("; "));
    this.name = "EnvError";
  }
}

export function parseServerEnv(source: Record<string, string | undefined> = process.env): TServerEnv {
  // An empty variable means "unset", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZServerEnv.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })));
  }
  if (result.data.NODE_ENV === "production" && !result.data.NEXTAUTH_SECRET) {
    throw new EnvError([{ variable: "NEXTAUTH_SECRET", message: "is required in production" }]);
  }
  return result.data;
}

let cached: TServerEnv | undefined;
export function serverEnv(): TServerEnv {
  cached ??= parseServerEnv();
  return cached;
}
