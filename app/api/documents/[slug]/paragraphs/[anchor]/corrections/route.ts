import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { correctParagraph } from "@/lib/corrections/correct-paragraph";
import { paragraphHistory } from "@/lib/corrections/paragraph-revisions";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ slug: string; anchor: string }> };

/** Old and new text of a long paragraph, in a script of two or three bytes a character, exceed the default 64 KB. */
const MAX_CORRECTION_BYTES = 256 * 1024;

/** The paragraph's current text and every change it went through: public, like the text itself. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { slug, anchor } = await params;
  const history = await paragraphHistory(prisma(), await currentActor(), slug, anchor);
  return Response.json(history, { headers: { "Cache-Control": "no-store" } });
});

/** Records a correction (admins): { oldText, newText, reason } → the new revision and what became of the notes. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { slug, anchor } = await params;
  const actor = await currentActor();
  // Validated by the domain after the permission check, so a non-admin learns nothing from field messages.
  const input = await readJsonBody(request, z.unknown(), MAX_CORRECTION_BYTES);
  const result = await correctParagraph(prisma(), actor, slug, anchor, input);
  return Response.json(result, { status: 201 });
});
