import { z } from "zod";
import { ZRowId } from "../db/row-id";

/** One of the reader's live sessions, as the account page lists them. */
export const ZSessionView = z
  .strictObject({
    id: ZRowId,
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    userAgent: z.string().nullable(),
    method: z.string().describe("How it signed in: password or oidc"),
    current: z.boolean().describe("This browser's own session"),
  })
  .meta({ id: "Session" });
export const ZSessionList = z.strictObject({ sessions: z.array(ZSessionView) }).meta({ id: "SessionList" });

/** Signing out everywhere: how many sessions ended, this one included. */
export const ZSessionsEnded = z.strictObject({ ended: z.number().int().min(0) }).meta({ id: "SessionsEnded" });
/** One session signed out; `current` when it was this browser's. */
export const ZSessionEnded = z.strictObject({ id: ZRowId, current: z.boolean() }).meta({ id: "SessionEnded" });
