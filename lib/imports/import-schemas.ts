import { z } from "zod";

export const IMPORT_STATUSES = ["anchored", "moved", "orphaned", "refused", "duplicate"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** POST /api/documents/<slug>/imports?dryRun=1&visibility=… */
export const ZImportQuery = z.strictObject({
  dryRun: z.enum(["0", "1"], "dryRun is 0 or 1").default("0"),
  visibility: z
    .string()
    .regex(/^(private|public|keep|group:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, "private, public, keep or group:<id>")
    .default("private"),
  /** The page the annotations were made on elsewhere (e.g. the letter on marxists.org): treated as this letter. */
  sameAs: z.url({ protocol: /^https?$/, message: "An http or https address" }).max(2000).optional(),
});
export type TImportQuery = z.infer<typeof ZImportQuery>;

/** The answer, the same with and without dryRun: per annotation where it lands (or would), and the counts. */
export const ZImportReport = z.strictObject({
  source: z.enum(["marginalia", "w3c", "hypothesis", "recogito"]),
  dryRun: z.boolean(),
  items: z.array(
    z.strictObject({
      index: z.number().int().min(0),
      originalId: z.string().nullable(),
      kind: z.enum(["note", "reply", "unknown"]),
      status: z.enum(IMPORT_STATUSES),
      paragraph: z.string().optional(),
      reason: z.string().optional(),
      /** After a real import: the note made for it (or, for a duplicate, the one made before). */
      noteId: z.uuid().optional(),
    }),
  ),
  counts: z.strictObject(Object.fromEntries(IMPORT_STATUSES.map((status) => [status, z.number().int().min(0)])) as Record<ImportStatus, z.ZodNumber>),
  /**
   * The notes and replies that wait for review (an untrusted writer's public ones; a plain member's in a premoderated
   * group), as one entry per batch in the review queue; said before the import as after it.
   */
  review: z.strictObject({ items: z.number().int().min(0), batches: z.number().int().min(0) }),
});
export type ImportReport = z.infer<typeof ZImportReport>;
