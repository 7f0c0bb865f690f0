import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";

/**
 * Opaque page cursors for results ordered by rank, then id: base64url of "<rank>|<id>" of the last result on the page.
 * The rank is a float4 printed in its shortest exact form, so it compares equal when cast back to real.
 */
export function encodeSearchCursor(rank: number, id: string): string {
  return Buffer.from(`${rank}|${id}`).toString("base64url");
}

export function decodeSearchCursor(cursor: string): { rank: number; id: string } {
  const [rankText, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const rank = Number(rankText);
  // The rank is compared as PostgreSQL's real: a value it cannot hold (1e300, 1e-50) would be a 500, not a cursor.
  const fitsReal = rank === 0 || (rank >= 1e-37 && rank <= 3.4e38);
  if (!rankText || !id || !isRowId(id) || !Number.isFinite(rank) || !fitsReal) {
    throw new AppError("bad_request", "Invalid input", { fields: { cursor: ["Malformed cursor"] } });
  }
  return { rank, id };
}
