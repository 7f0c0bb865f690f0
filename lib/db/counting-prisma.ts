import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

type Queryable = { query: (...args: unknown[]) => unknown };

/**
 * A Prisma client whose pool records every statement it sends (BEGIN and COMMIT included), as the database sees
 * them: the query budgets (tests/integration/query-budgets.test.ts) and `npm run bench` count these, not Prisma's
 * own notion of a query. Never used by the app itself.
 */
export function createCountingPrisma(connectionString: string) {
  const statements: string[] = [];
  const record = (target: Queryable) => {
    const original = target.query.bind(target);
    target.query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string } | undefined;
      statements.push(typeof first === "string" ? first : (first?.text ?? "?"));
      return original(...args);
    };
  };
  const pool = new pg.Pool({ connectionString, max: 5 });
  // The test database is dropped WITH (FORCE) at the end, which ends idle connections: expected, not an error.
  pool.on("error", () => {});
  // Every statement reaches a client: pool.query checks one out, transactions hold one. Counted there, once.
  pool.on("connect", (client) => record(client as unknown as Queryable));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    /** Runs `work` and answers the statements it sent. */
    async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const from = statements.length;
      const result = await work();
      return { result, statements: statements.slice(from) };
    },
    end: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
