import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { decide } from "@/lib/moderation/decision-operations";
import { DECIDE_ON_NOTE } from "@/lib/moderation/moderation-endpoints";

export const POST = endpoint(DECIDE_ON_NOTE, async ({ actor, params, body }) => ({
  status: 200,
  body: { note: await decide(prisma(), actor, { ...body, noteId: params.noteId }) },
  headers: { "Cache-Control": "private, no-store" },
}));
