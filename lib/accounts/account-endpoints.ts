// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZSignUp } from "../auth/account-schemas";
import { ZConfirmSignUp, ZSignUpConfirmed } from "../auth/sign-up";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import {
  ZAccountDeleted,
  ZChangePassword,
  ZCompletePasswordReset,
  ZDeleteAccount,
  ZMailSent,
  ZOwnProfile,
  ZPasswordSet,
  ZProfileUpdate,
  ZRequestPasswordReset,
} from "./account-schemas";
import { ZIdentityLinkIntent } from "./identity-operations";
import { ZSessionEnded, ZSessionList, ZSessionsEnded } from "./session-schemas";

export const SIGN_UP = defineEndpoint({
  method: "POST",
  path: "/api/account/sign-up",
  operationId: "signUp",
  summary: "Ask for an account",
  description:
    "The same 202 for a new and a registered address; the mail says what happened (a link to confirm a new account, or how to sign in). 20 an hour per client address.",
  tag: "Account",
  security: "public",
  // Whoever asks gets the same answer: the session is never read (the link in the mail, or the token, is the proof).
  sameForEveryone: true,
  body: { schema: ZSignUp },
  responses: { 202: { description: "A mail is on its way", schema: ZMailSent } },
  errors: [400, 401, 403, 413, 415, 429],
});

export const CONFIRM_SIGN_UP = defineEndpoint({
  method: "POST",
  path: "/api/account/sign-up/confirm",
  operationId: "confirmSignUp",
  summary: "Confirm a new account's address with the mailed token",
  description: "A POST, so that link scanners opening the mail do not confirm it. The link works once, for a day; then 404.",
  tag: "Account",
  security: "public",
  // Whoever asks gets the same answer: the session is never read (the link in the mail, or the token, is the proof).
  sameForEveryone: true,
  body: { schema: ZConfirmSignUp },
  responses: { 200: { description: "The confirmed account", schema: ZSignUpConfirmed } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const CHANGE_PASSWORD = defineEndpoint({
  method: "POST",
  path: "/api/account/password",
  operationId: "changePassword",
  summary: "Change the password",
  description: "Needs the current password; ends the account's other sessions and keeps this one.",
  tag: "Account",
  security: "session",
  body: { schema: ZChangePassword },
  responses: { 200: { description: "The password is changed", schema: ZPasswordSet } },
  errors: [400, 401, 403, 413, 415],
});

export const REQUEST_PASSWORD_RESET = defineEndpoint({
  method: "POST",
  path: "/api/account/password-reset",
  operationId: "requestPasswordReset",
  summary: "Ask for a password-reset link",
  description:
    "The same 202 whether or not an account uses the address (the mail says which). 3 an hour per address and 20 an hour per client address.",
  tag: "Account",
  security: "public",
  // Whoever asks gets the same answer: the session is never read (the link in the mail, or the token, is the proof).
  sameForEveryone: true,
  body: { schema: ZRequestPasswordReset },
  responses: { 202: { description: "A mail is on its way", schema: ZMailSent } },
  errors: [400, 401, 403, 413, 415, 429],
});

export const COMPLETE_PASSWORD_RESET = defineEndpoint({
  method: "POST",
  path: "/api/account/password-reset/complete",
  operationId: "completePasswordReset",
  summary: "Set a new password with a reset link",
  description: "The link works once, for an hour (404 after); every session of the account ends.",
  tag: "Account",
  security: "public",
  // Whoever asks gets the same answer: the session is never read (the link in the mail, or the token, is the proof).
  sameForEveryone: true,
  body: { schema: ZCompletePasswordReset },
  responses: { 200: { description: "The password is set", schema: ZPasswordSet } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const UPDATE_PROFILE = defineEndpoint({
  method: "PATCH",
  path: "/api/account/profile",
  operationId: "updateProfile",
  summary: "Update the public profile",
  description: "Name, affiliation, bio and ORCID iD, and whether /people/{id} shows the affiliation and the iD.",
  tag: "Account",
  security: "token-or-session",
  body: { schema: ZProfileUpdate },
  responses: { 200: { description: "The profile as saved", schema: ZOwnProfile } },
  errors: [400, 401, 403, 413, 415],
});

export const DELETE_ACCOUNT = defineEndpoint({
  method: "DELETE",
  path: "/api/account",
  operationId: "deleteAccount",
  summary: "Delete the account",
  description:
    "Blanks the account (email, password, name, profile), ends every session and token, and keeps or deletes its notes as chosen. 409 while the account owns a group. Audited.",
  tag: "Account",
  security: "session",
  body: { schema: ZDeleteAccount },
  responses: { 200: { description: "The account is deleted", schema: ZAccountDeleted } },
  errors: [400, 401, 403, 409, 413, 415],
});

export const LIST_SESSIONS = defineEndpoint({
  method: "GET",
  path: "/api/account/sessions",
  operationId: "listSessions",
  summary: "The account's live sessions",
  tag: "Account",
  security: "session",
  responses: { 200: { description: "Most recently used first", schema: ZSessionList, headers: { "Cache-Control": "private, no-store" } } },
  errors: [401, 403],
});

export const SIGN_OUT_EVERYWHERE = defineEndpoint({
  method: "DELETE",
  path: "/api/account/sessions",
  operationId: "signOutEverywhere",
  summary: "Sign out everywhere",
  description: "Every session of the account ends, this one included.",
  tag: "Account",
  security: "session",
  responses: { 200: { description: "How many sessions ended", schema: ZSessionsEnded } },
  errors: [401, 403, 415],
});

export const SIGN_OUT_SESSION = defineEndpoint({
  method: "DELETE",
  path: "/api/account/sessions/{sessionId}",
  operationId: "signOutSession",
  summary: "Sign one session out",
  description: "One of the account's own sessions; any other id is 404.",
  tag: "Account",
  security: "session",
  params: z.strictObject({ sessionId: ZRowId }),
  responses: { 200: { description: "The session has ended", schema: ZSessionEnded } },
  errors: [401, 403, 404, 415],
});

export const LINK_OIDC = defineEndpoint({
  method: "POST",
  path: "/api/account/link-oidc",
  operationId: "linkOidcIdentity",
  summary: "Link an OpenID Connect identity: mark this browser's next OpenID sign-in",
  description:
    "Sets a signed, HTTP-only cookie valid for 10 minutes; the next OpenID sign-in of this browser then attaches its identity to this account. 404 when no OpenID provider is configured.",
  tag: "Account",
  security: "session",
  responses: { 200: { description: "The link is requested", schema: ZIdentityLinkIntent, headers: { "Set-Cookie": "The link request (HTTP-only, SameSite=Lax)" } } },
  errors: [401, 403, 404, 415],
});
