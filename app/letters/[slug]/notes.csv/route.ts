import { prisma } from "@/lib/db/prisma";
import { isSharedChoice, ZNotesChoiceQuery } from "@/lib/export/notes-choice";
import { notesCsv } from "@/lib/export/notes-csv";
import { apiRoute } from "@/lib/http/api-route";
import { downloadHeaders } from "@/lib/http/download-headers";
import { pieceStream } from "@/lib/http/piece-stream";
import { currentRequestContext } from "@/lib/request/current-request-context";

/** The notes the reader may read, as CSV: ?notes=none|mine|public|group:<id> (default public), streamed. */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { notes } = ZNotesChoiceQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const body = await pieceStream(notesCsv(prisma(), await currentRequestContext(), slug, notes));
  return new Response(body, { headers: downloadHeaders("text/csv; charset=utf-8; header=present", `${slug}-notes.csv`, isSharedChoice(notes)) });
});
