import { z } from "zod";
import { createLinkIntent, LINK_INTENT_LIFETIME_MS } from "../auth/link-intent";
import { serverEnv } from "../env";
import { check, defineOperation } from "../operations/define-operation";
import { selfUser } from "./self-user";

/** The answer to a link request: which provider the browser goes to next, and until when the request holds. */
export const ZIdentityLinkIntent = z
  .strictObject({ provider: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: "IdentityLinkIntent" });

/**
 * Marks the next OpenID sign-in of this browser as "link to my account" (for 10 minutes): a signed note the route
 * sets as a cookie, which the OIDC callback reads (lib/auth/oidc.ts). Nothing is written until the identity comes back.
 */
export const startIdentityLink = defineOperation({
  name: "account.start-identity-link",
  input: z.strictObject({}),
  output: z.strictObject({ intent: z.string(), expiresAt: z.iso.datetime() }),
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (_tx, { loaded, now }) => ({
    intent: createLinkIntent(loaded.id, serverEnv().NEXTAUTH_SECRET ?? "", now.getTime()),
    expiresAt: new Date(now.getTime() + LINK_INTENT_LIFETIME_MS).toISOString(),
  }),
});
