import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { OperatorError } from "../../errors/operator-error";
import { applyMigrations } from "../migrations/apply-migrations";
import { readMigrations } from "../migrations/read-migrations";

// Copies the data of an earlier release's embedded PGlite folder (.data/pglite) into a database on a PostgreSQL
// server. PGlite is opened in this process, read-only in effect (nothing is written to it). The target schema is
// first built from exactly the migrations the PGlite database had, the rows are copied table by table, then the
// newer migrations run over the copied data, as they would have run on the old database.

type Pglite = {
  query: <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;
  close: () => Promise<void>;
};

export type CopiedTable = { table: string; rows: number };

const PAGE = 1000;

async function openPglite(folder: string): Promise<Pglite> {
  // PGlite would initialise a new, empty cluster in a folder without one: never write into what we were given.
  if (!existsSync(path.join(folder, "PG_VERSION"))) {
    throw new OperatorError(`${folder} holds no Marginalia database (no PGlite data folder)`, "check the folder; nothing was copied");
  }
  const { PGlite } = await import("@electric-sql/pglite");
  return (await PGlite.create({ dataDir: folder })) as unknown as Pglite;
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

async function appliedMigrations(source: Pglite, folder: string): Promise<string[]> {
  try {
    const { rows } = await source.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return rows.map((row) => row.migration_name);
  } catch {
    throw new OperatorError(`${folder} holds no Marginalia database (no _prisma_migrations table)`, "check the folder; nothing was copied");
  }
}

async function tablesOf(source: Pglite): Promise<{ table: string; columns: string[] }[]> {
  const { rows } = await source.query<{ table_name: string; columns: string[] }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
        AND c.is_generated = 'NEVER'
      GROUP BY c.table_name ORDER BY c.table_name`,
  );
  return rows.map((row) => ({ table: row.table_name, columns: row.columns }));
}

/**
 * Copies every table of the PGlite folder into `targetUrl`, a new empty database, and answers the row counts
 * (checked equal on both sides). Foreign keys and triggers are off while copying (session_replication_role, as
 * pg_restore does), so the order of the tables does not matter; the append-only triggers only refuse changes.
 */
export async function copyPgliteData(options: { folder: string; targetUrl: string; log?: (line: string) => void }): Promise<CopiedTable[]> {
  const log = options.log ?? (() => {});
  const source = await openPglite(options.folder);
  try {
    const applied = await appliedMigrations(source, options.folder);
    const known = new Set((await readMigrations()).migrationDirectories.map((each) => each.path));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length) {
      throw new OperatorError(`${options.folder} was migrated by a newer release (${unknown.join(", ")})`, "import it with that release; nothing was copied");
    }
    log(`PGlite data at migration ${applied.at(-1) ?? "(none)"}; building the same schema`);
    await applyMigrations({ connectionString: options.targetUrl, only: (name) => applied.includes(name) });

    const target = new pg.Client({ connectionString: options.targetUrl });
    await target.connect();
    const copied: CopiedTable[] = [];
    try {
      await target.query("BEGIN");
      await target.query("SET LOCAL session_replication_role = replica");
      for (const { table, columns } of await tablesOf(source)) {
        const list = columns.map(quoted).join(", ");
        let rows = 0;
        for (let offset = 0; ; offset += PAGE) {
          const page = await source.query<{ row: string }>(
            `SELECT row_to_json(t)::text AS row FROM ${quoted(table)} t ORDER BY ctid LIMIT ${PAGE} OFFSET ${offset}`,
          );
          if (page.rows.length === 0) break;
          const json = `[${page.rows.map((each) => each.row).join(",")}]`;
          await target.query(
            `INSERT INTO ${quoted(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`,
            [json],
          );
          rows += page.rows.length;
          if (page.rows.length < PAGE) break;
        }
        copied.push({ table, rows });
      }
      // Serial and identity columns continue after the copied rows.
      const { rows: serials } = await target.query<{ seq: string; table_name: string; column_name: string }>(
        `SELECT pg_get_serial_sequence(format('%I', table_name), column_name) AS seq, table_name, column_name
           FROM information_schema.columns
          WHERE table_schema = 'public' AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`,
      );
      for (const { seq, table_name, column_name } of serials) {
        const column = quoted(column_name);
        await target.query(`SELECT setval($1, COALESCE(max(${column}), 1), max(${column}) IS NOT NULL) FROM ${quoted(table_name)}`, [seq]);
      }
      for (const { table, rows } of copied) {
        const { rows: counted } = await target.query<{ count: string }>(`SELECT count(*) FROM ${quoted(table)}`);
        if (Number(counted[0].count) !== rows) throw new Error(`after copying, ${table} holds ${counted[0].count} rows instead of ${rows}`);
      }
      await target.query("COMMIT");
    } catch (error) {
      await target.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await target.end();
    }

    const { applied: newer } = await applyMigrations({ connectionString: options.targetUrl });
    if (newer.length) log(`applied the ${newer.length} newer migration(s) over the copied data`);
    return copied;
  } finally {
    await source.close();
  }
}
