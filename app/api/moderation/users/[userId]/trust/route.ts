import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { ZTrust, ZTrustResult } from "@/lib/moderation/moderation-schemas";
import { setTrusted } from "@/lib/moderation/trust-operations";

/** Reviewers and admins mark a user trusted (published without review) or take it back, with a reason. */
export const PUT = apiRoute(async (request, { params }: { params: Promise<{ userId: string }> }) => {
  const { userId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZTrust);
  return jsonResponse(ZTrustResult, await setTrusted(prisma(), actor, userId, input));
});
