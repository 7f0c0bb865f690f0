import { correctParagraph } from "@/lib/corrections/correct-paragraph";
import { CORRECT_PARAGRAPH, GET_PARAGRAPH_HISTORY } from "@/lib/corrections/correction-endpoints";
import { paragraphHistory } from "@/lib/corrections/paragraph-revisions";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const GET = endpoint(GET_PARAGRAPH_HISTORY, async ({ actor, params }) => ({
  status: 200,
  body: await paragraphHistory(prisma(), actor, params.slug, params.anchor),
  headers: { "Cache-Control": "no-store" },
}));

export const POST = endpoint(CORRECT_PARAGRAPH, async ({ actor, params, body }) => ({
  status: 201,
  body: await correctParagraph(prisma(), actor, { ...body, ...params }),
}));
