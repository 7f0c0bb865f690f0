import { isStorableDate } from "../db/storable-date";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";

/**
 * The queue's keyset cursor: the last item's place in the chosen order (flag count, time it was queued, id), so a
 * page follows on from the previous one while items are decided and flagged in between.
 */
export type QueueCursor = { flags: number; queuedAt: Date; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(`${cursor.flags}|${cursor.queuedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

const malformed = () => new AppError("bad_request", "Invalid input", { fields: { cursor: ["Malformed cursor"] } });

export function decodeQueueCursor(text: string): QueueCursor {
  const [flags, time, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const queuedAt = new Date(time ?? "");
  if (!/^\d{1,9}$/.test(flags ?? "") || !id || !isRowId(id) || !isStorableDate(queuedAt)) throw malformed();
  return { flags: Number(flags), queuedAt, id };
}
