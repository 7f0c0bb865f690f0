import { z } from "zod";
import { revokeAllSessions, revokeSession } from "../auth/sessions";
import { ZRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { selfUser } from "./self-user";
import { ZSessionEnded, ZSessionsEnded } from "./session-schemas";

/** Sign out everywhere: every session of the user ends, this one included. */
export const signOutEverywhere = defineOperation({
  name: "account.sign-out-everywhere",
  input: z.strictObject({}),
  output: ZSessionsEnded,
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (tx, { loaded, clock }) => ({ ended: await revokeAllSessions(tx, loaded.id, "signed out everywhere", clock) }),
});

/** Signs one of the reader's own sessions out; someone else's is "no such session". */
export const signOutSession = defineOperation({
  name: "account.sign-out-session",
  input: z.strictObject({ sessionId: ZRowId }),
  output: ZSessionEnded,
  load: async (db, actor, input) => {
    const self = selfUser(actor);
    const session = actor.kind === "user" ? await db.session.findFirst({ where: { id: input.sessionId, userId: actor.id }, select: { id: true } }) : null;
    return { self, session };
  },
  authorise: ({ loaded }) => check("account:manage", loaded.self),
  refuse: ({ loaded }) => (loaded.session ? null : notFound("No such session")),
  run: async (tx, { actor, input, clock }) => {
    await revokeSession(tx, input.sessionId, "signed out from account page", clock);
    return { id: input.sessionId, current: actor.kind === "user" && actor.sessionId === input.sessionId };
  },
});
