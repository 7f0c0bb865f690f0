import { z } from "zod";

const ZReason = z.string().trim().min(3, "Say why (at least 3 characters); the reason is kept in the audit log").max(500, "At most 500 characters");

export const ZUserSearch = z.object({ q: z.string().trim().max(100, "A search may be at most 100 characters").optional().default("") });
export const ZChangeSiteRole = z.strictObject({ siteRole: z.enum(["researcher", "reviewer", "admin"]), reason: ZReason });
export const ZSetSuspended = z.strictObject({ suspended: z.boolean(), reason: ZReason });

/** The answer of a role change or a suspension: false when the user already had that role or state (nothing written). */
export const ZAdminChange = z.strictObject({ changed: z.boolean() }).meta({ id: "AdminChange" });
