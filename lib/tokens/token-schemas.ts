import { z } from "zod";

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** POST /api/account/tokens. */
export const ZCreateAccessToken = z.strictObject({
  name: z.string().trim().min(1, "Name the token (what will use it?)").max(100, "At most 100 characters"),
  /** Days until it stops working; absent: until revoked. */
  expiresInDays: z.number().int("Whole days").min(1, "At least one day").max(3650, "At most ten years").optional(),
  scope: z.enum(TOKEN_SCOPES, "The scope is read or write").default("read"),
});
export type TCreateAccessToken = z.infer<typeof ZCreateAccessToken>;

/** A token as its owner's list shows it: never the token itself, only its hint. */
export const ZAccessTokenView = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    hint: z.string().describe("The prefix and first characters, to recognise it by"),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "AccessToken" });
export type AccessTokenView = z.infer<typeof ZAccessTokenView>;

/** The answer to a creation: the only time the token is shown. */
export const ZCreatedAccessToken = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    token: z.string().describe("The token itself, shown this once (send it as `Authorization: Bearer <token>`)"),
    scope: z.enum(TOKEN_SCOPES),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CreatedAccessToken" });

export const ZAccessTokenList = z.strictObject({ tokens: z.array(ZAccessTokenView) }).meta({ id: "AccessTokenList" });

/** A revoked token, as the operation answers it (the route itself answers 204 without a body). */
export const ZRevokedAccessToken = z.strictObject({ id: z.uuid(), revokedAt: z.iso.datetime() });
