import pg from "pg";

// The schema engine reads PostgreSQL's catalogs, whose columns such as pg_class.relkind and pg_constraint.contype
// have the internal one-byte type "char" (OID 18). @prisma/adapter-pg 7.10 knows no column type for that OID and
// rejects the whole result ("Column type 'char' could not be deserialized"). pg already returns those values as
// strings, so the pool reports them as text (OID 25), which the adapter accepts. Only the migration tooling uses
// this pool; the app's PrismaClient never reads catalog columns.
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };
type Queryable = { query: (...args: unknown[]) => unknown };

// Text is not quite enough: on some server versions (PostgreSQL 18 was seen) the engine reads pg_constraint.contype "as char" and panics
// on a text value. The adapter hands back pg's own rows array, so remembering which columns were "char" per rows
// array lets the migration adapter restore the exact column type (see charColumnsOf).
const charColumns = new WeakMap<object, number[]>();

/** Positions of the columns that were PostgreSQL "char" in the result whose `rows` array this is. */
export function charColumnsOf(rows: unknown[]): readonly number[] | undefined {
  return charColumns.get(rows);
}

function reportCharAsText<T>(result: T): T {
  // A simple-protocol query with several statements yields one result per statement.
  for (const each of (Array.isArray(result) ? result : [result]) as (QueryResultLike | undefined)[]) {
    const positions: number[] = [];
    each?.fields?.forEach((field, position) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      positions.push(position);
    });
    if (positions.length > 0 && each?.rows) charColumns.set(each.rows, positions);
  }
  return result;
}

function patchQuery(target: Queryable): void {
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    // Submittables (cursors, streams) deliver rows through their own events; nothing here reads them.
    if (typeof (args[0] as { submit?: unknown } | null)?.submit === "function") return original(...args);
    // pg-pool calls each client's query with a callback, the adapter calls the pool's without one.
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
      args[callbackAt] = (error: unknown, result: unknown) =>
        callback(error, error ? result : reportCharAsText(result));
      return original(...args);
    }
    return (original(...args) as Promise<unknown>).then(reportCharAsText);
  };
}

/**
 * A pg.Pool for the schema engine: results report "char" columns as text, both from `pool.query` and from the
 * clients it hands out (the adapter runs transactions on those).
 */
export function createPatchedPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  patchQuery(pool as unknown as Queryable);
  pool.on("connect", (client) => patchQuery(client as unknown as Queryable));
  return pool;
}
