import { Prisma } from "../../db/generated/client";

// A tiny predicate language over the columns of "Note", in which each note condition of the policy states its query
// form once (conditions.ts). Both query forms a read path needs are derived from it: a Prisma `where` (lists,
// counts, pages) and an SQL fragment over an alias (search, the margin, aggregates). Nothing is written twice.

/** The columns the visibility rules read, with the PostgreSQL type a bound value is cast to. */
const COLUMNS = {
  authorId: "uuid",
  visibility: '"NoteVisibility"',
  groupId: "uuid",
  moderationStatus: '"ModerationStatus"',
  threadId: "uuid",
  threadStatus: '"ModerationStatus"',
  assignmentId: "uuid",
  paragraphId: "uuid",
  deletedAt: "timestamp",
  replyCount: "int",
} as const;
export type NoteColumn = keyof typeof COLUMNS;

export type NotePredicate =
  | { op: "true" }
  | { op: "false" }
  | { op: "eq"; column: NoteColumn; value: string }
  | { op: "ne"; column: NoteColumn; value: string }
  | { op: "in"; column: NoteColumn; values: readonly string[] }
  | { op: "null"; column: NoteColumn }
  | { op: "positive"; column: NoteColumn }
  | { op: "and"; of: readonly NotePredicate[] }
  | { op: "or"; of: readonly NotePredicate[] };

export const TRUE: NotePredicate = { op: "true" };
export const FALSE: NotePredicate = { op: "false" };
export const eq = (column: NoteColumn, value: string): NotePredicate => ({ op: "eq", column, value });
export const ne = (column: NoteColumn, value: string): NotePredicate => ({ op: "ne", column, value });
export const isIn = (column: NoteColumn, values: readonly string[]): NotePredicate => (values.length ? { op: "in", column, values } : FALSE);
export const isNull = (column: NoteColumn): NotePredicate => ({ op: "null", column });
export const positive = (column: NoteColumn): NotePredicate => ({ op: "positive", column });

/**
 * AND or OR of the parts, flattened, with constants folded: the operator's identity (TRUE for AND, FALSE for OR)
 * drops out, its absorbing constant (FALSE for AND, TRUE for OR) decides the whole.
 */
function combine(op: "and" | "or", parts: NotePredicate[]): NotePredicate {
  const [identity, absorbing] = op === "and" ? [TRUE, FALSE] : [FALSE, TRUE];
  const kept: NotePredicate[] = [];
  for (const part of parts.flatMap((each) => (each.op === op ? (each as { of: readonly NotePredicate[] }).of : [each]))) {
    if (part.op === absorbing.op) return absorbing;
    if (part.op !== identity.op) kept.push(part);
  }
  return kept.length === 0 ? identity : kept.length === 1 ? kept[0] : { op, of: kept };
}

export const and = (...parts: NotePredicate[]): NotePredicate => combine("and", parts);
export const or = (...parts: NotePredicate[]): NotePredicate => combine("or", parts);

/** The predicate as a Prisma filter on Note. */
export function toNoteWhere(predicate: NotePredicate): Prisma.NoteWhereInput {
  switch (predicate.op) {
    case "true":
      return {};
    case "false":
      // Prisma has no literal false: an empty OR matches nothing.
      return { OR: [] };
    case "eq":
      return { [predicate.column]: predicate.value };
    case "ne":
      // SQL's <> is false on NULL, and so is Prisma's `not`: the two forms agree on nullable columns.
      return { [predicate.column]: { not: predicate.value } };
    case "in":
      return { [predicate.column]: { in: [...predicate.values] } };
    case "null":
      return { [predicate.column]: null };
    case "positive":
      return { [predicate.column]: { gt: 0 } };
    case "and":
      return { AND: predicate.of.map(toNoteWhere) };
    case "or":
      return { OR: predicate.of.map(toNoteWhere) };
  }
}

function columnSql(alias: string, column: NoteColumn): Prisma.Sql {
  return Prisma.raw(`${alias}."${column}"`);
}

function valueSql(column: NoteColumn, value: string): Prisma.Sql {
  return Prisma.sql`${value}::${Prisma.raw(COLUMNS[column])}`;
}

/** The predicate as an SQL boolean over the note alias `alias`; every value is a bound parameter. */
export function toNoteSql(predicate: NotePredicate, alias = "n"): Prisma.Sql {
  switch (predicate.op) {
    case "true":
      return Prisma.sql`TRUE`;
    case "false":
      return Prisma.sql`FALSE`;
    case "eq":
      return Prisma.sql`${columnSql(alias, predicate.column)} = ${valueSql(predicate.column, predicate.value)}`;
    case "ne":
      return Prisma.sql`${columnSql(alias, predicate.column)} <> ${valueSql(predicate.column, predicate.value)}`;
    case "in":
      return Prisma.sql`${columnSql(alias, predicate.column)} IN (${Prisma.join(predicate.values.map((value) => valueSql(predicate.column, value)))})`;
    case "null":
      return Prisma.sql`${columnSql(alias, predicate.column)} IS NULL`;
    case "positive":
      return Prisma.sql`${columnSql(alias, predicate.column)} > 0`;
    case "and":
      return Prisma.sql`(${Prisma.join(predicate.of.map((part) => toNoteSql(part, alias)), " AND ")})`;
    case "or":
      return Prisma.sql`(${Prisma.join(predicate.of.map((part) => toNoteSql(part, alias)), " OR ")})`;
  }
}
