import { UPDATE_PROFILE } from "@/lib/accounts/account-endpoints";
import { updateProfile } from "@/lib/accounts/account-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const PATCH = endpoint(UPDATE_PROFILE, async ({ actor, body }) => ({
  status: 200,
  body: await updateProfile(prisma(), actor, body),
}));
