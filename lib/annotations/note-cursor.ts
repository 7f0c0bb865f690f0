import { isStorableDate } from "../db/storable-date";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";

/**
 * Opaque page cursors. In creation order (oldest first) a cursor is the last note's creation time and id (keyset:
 * stable while notes are added); in the other orders it is the number of notes already shown.
 */
export type NoteCursor = { kind: "after"; createdAt: Date; id: string } | { kind: "offset"; offset: number };

export function encodeCursor(cursor: NoteCursor): string {
  const text = cursor.kind === "after" ? `${cursor.createdAt.toISOString()}|${cursor.id}` : `+${cursor.offset}`;
  return Buffer.from(text).toString("base64url");
}

export const malformedCursor = () => new AppError("bad_request", "Invalid input", { fields: { cursor: ["Malformed cursor"] } });

export function decodeCursor(cursor: string): NoteCursor {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (text.startsWith("+")) {
    const offset = Number(text.slice(1));
    if (!Number.isSafeInteger(offset) || offset < 1 || !/^\+\d+$/.test(text)) throw malformedCursor();
    return { kind: "offset", offset };
  }
  const [time, id] = text.split("|");
  const createdAt = new Date(time ?? "");
  if (!id || !isRowId(id) || !isStorableDate(createdAt)) throw malformedCursor();
  return { kind: "after", createdAt, id };
}

/**
 * Rows after a keyset cursor in (createdAt, id) order. The redundant `createdAt >= …` lets PostgreSQL start the
 * index range at the cursor (an OR alone made it scan from the first row: quadratic over a long export).
 */
export function afterKeyset(cursor: { createdAt: Date; id: string }) {
  return {
    AND: [{ createdAt: { gte: cursor.createdAt } }, { OR: [{ createdAt: { gt: cursor.createdAt } }, { id: { gt: cursor.id } }] }],
  };
}

/** Rows before a keyset cursor in (createdAt, id) order (read newest first, then reversed by the caller). */
export function beforeKeyset(cursor: { createdAt: Date; id: string }) {
  return {
    AND: [{ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }],
  };
}
