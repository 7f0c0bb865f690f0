import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { downloadResponse } from "@/lib/teaching/download-response";
import { classNotesCsv, classNotesForExport, exportFileName } from "@/lib/teaching/exports";

type Context = { params: Promise<{ assignmentId: string }> };
const ZQuery = z.object({ format: z.enum(["csv", "json"], "Choose csv or json").default("csv") });

/** The class's notes and replies on the assignment, ?format=csv (default) or json, as a download (teachers only). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { assignmentId } = await params;
  const { format } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await currentActor();
  if (format === "csv") {
    const { csv, fileName } = await classNotesCsv(prisma(), actor, assignmentId);
    return downloadResponse(csv, fileName, "text/csv; charset=utf-8");
  }
  const exported = await classNotesForExport(prisma(), actor, assignmentId);
  return downloadResponse(JSON.stringify(exported, null, 2), exportFileName(exported.assignment.title, "notes", "json"), "application/json; charset=utf-8");
});
