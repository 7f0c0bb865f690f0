import { REQUEST_PASSWORD_RESET } from "@/lib/accounts/account-endpoints";
import { requestPasswordReset } from "@/lib/accounts/password-operations";
import { prisma } from "@/lib/db/prisma";
import { appOrigin } from "@/lib/http/api-route";
import { endpoint } from "@/lib/http/endpoint";
import { requestClientAddress } from "@/lib/http/request-client-address";

/** Answers the same whether or not the address has an account. */
export const POST = endpoint(REQUEST_PASSWORD_RESET, async ({ request, actor, body }) => ({
  status: 202,
  body: await requestPasswordReset(
    prisma(),
    actor,
    { email: body.email, siteUrl: appOrigin() ?? new URL(request.url).origin },
    { clientAddress: requestClientAddress(request) },
  ),
}));
