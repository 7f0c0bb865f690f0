import { revokeAllSessions } from "../auth/sessions";
import { AppError } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { revokeAllAccessTokens } from "../tokens/token-operations";
import { ZAccountDeleted, ZDeleteAccount, ZOwnProfile, ZProfileUpdate } from "./account-schemas";
import { selfUser } from "./self-user";

export const updateProfile = defineOperation({
  name: "account.update-profile",
  input: ZProfileUpdate,
  output: ZOwnProfile,
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("profile:update", loaded),
  run: (tx, { input, loaded }) =>
    tx.user.update({
      where: { id: loaded.id },
      data: {
        displayName: input.displayName,
        affiliation: input.affiliation ?? null,
        bio: input.bio ?? null,
        orcid: input.orcid ?? null,
        showAffiliation: input.showAffiliation,
        showOrcid: input.showOrcid,
      },
      select: { displayName: true, affiliation: true, bio: true, orcid: true, showAffiliation: true, showOrcid: true },
    }),
});

/**
 * Deletes the account: the row stays, without email, password, name or profile, so that discussions keep their
 * shape and the audit log its references; every session and token ends and the address can sign up again. The
 * choice about notes is stored on the row (notesOnDeletion), which the annotations capability honours. Audited, as
 * the end of an account the admins' log otherwise only sees as a "deleted user".
 */
export const deleteAccount = defineOperation({
  name: "account.delete",
  input: ZDeleteAccount.pick({ notes: true }),
  output: ZAccountDeleted,
  load: async (db, actor) => {
    const self = selfUser(actor);
    const ownedGroups = actor.kind === "user" ? await db.membership.count({ where: { userId: actor.id, role: "owner" } }) : 0;
    return { self, ownedGroups };
  },
  authorise: ({ loaded }) => check("account:manage", loaded.self),
  refuse: ({ loaded: { ownedGroups } }) =>
    ownedGroups ? new AppError("conflict", `You own ${ownedGroups} group(s); transfer their ownership before deleting your account`) : null,
  run: async (tx, { input, loaded: { self }, clock, now }) => {
    await revokeAllSessions(tx, self.id, "account deleted", clock);
    await revokeAllAccessTokens(tx, self.id, clock);
    await tx.identity.deleteMany({ where: { userId: self.id } });
    await tx.membership.deleteMany({ where: { userId: self.id } });
    await tx.passwordResetToken.deleteMany({ where: { userId: self.id } });
    await tx.user.update({
      where: { id: self.id },
      data: {
        email: null,
        passwordHash: null,
        displayName: "deleted user",
        affiliation: null,
        orcid: null,
        bio: null,
        showAffiliation: false,
        showOrcid: false,
        deletedAt: now,
        notesOnDeletion: input.notes,
      },
    });
    return { deletedAt: now.toISOString(), notes: input.notes };
  },
  audit: ({ input, loaded: { self } }) => ({ action: "account.delete", subjectId: self.id, before: "active", after: "deleted", reason: `notes: ${input.notes}` }),
});
