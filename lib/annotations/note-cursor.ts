import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";

/** Opaque page cursors: base64url of "<ISO time>|<id>" of the last note on the page. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || !isRowId(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError("bad_request", "Invalid input", { fields: { cursor: ["Malformed cursor"] } });
  }
  return { createdAt, id };
}
