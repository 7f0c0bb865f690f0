import { z } from "zod";
import { confirmSignUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";

const ZConfirm = z.strictObject({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, "Not a confirmation token") });

/** Confirms a new account's address with the mailed token; a POST, so that link scanners opening the mail do not. */
export const POST = apiRoute(async (request) => {
  const { token } = await readJsonBody(request, ZConfirm);
  const { userId } = await confirmSignUp(prisma(), token);
  log.info("auth.sign_up_confirmed", { userId });
  return Response.json({ userId });
});
