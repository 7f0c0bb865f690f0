import { checkedOutput } from "@/lib/errors/checked-output";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { downloadResponse } from "@/lib/teaching/download-response";
import { classNotesCsv, classNotesForExport, exportFileName, ZClassNotesExport } from "@/lib/teaching/exports";
import { EXPORT_CLASS_NOTES } from "@/lib/teaching/teaching-endpoints";

/** A download, so the handler answers itself: CSV as it is, JSON through its schema (ZClassNotesExport). */
export const GET = endpoint(EXPORT_CLASS_NOTES, async ({ actor, params, query }) => {
  if (query.format === "csv") {
    const { csv, fileName } = await classNotesCsv(prisma(), actor, params.assignmentId);
    return downloadResponse(csv, fileName, "text/csv; charset=utf-8");
  }
  const exported = checkedOutput(ZClassNotesExport, await classNotesForExport(prisma(), actor, params.assignmentId), "the class notes export");
  return downloadResponse(JSON.stringify(exported, null, 2), exportFileName(exported.assignment.title, "notes", "json"), "application/json; charset=utf-8");
});
