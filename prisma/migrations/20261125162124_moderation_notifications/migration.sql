-- CreateEnum
CREATE TYPE "GroupModerationMode" AS ENUM ('open', 'premoderated');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('inaccurate', 'offensive', 'spam', 'copyright', 'off-topic', 'other');

-- CreateEnum
CREATE TYPE "ModerationAction" AS ENUM ('flag', 'approve', 'hide', 'restore', 'spam', 'lock', 'unlock', 'trust', 'untrust', 'suspend', 'group-mode');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('reply', 'mention', 'decision', 'flag-resolved', 'queue');

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "moderationMode" "GroupModerationMode" NOT NULL DEFAULT 'open';

-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "moderationReason" TEXT,
ADD COLUMN     "moderationRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openFlagCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "queuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "trusted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Flag" (
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "flaggerId" UUID NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "resolution" TEXT,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationRecord" (
    "id" UUID NOT NULL,
    "action" "ModerationAction" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "noteId" UUID,
    "subjectUserId" UUID,
    "groupId" UUID,
    "previousStatus" TEXT,
    "newStatus" TEXT,
    "reason" TEXT,
    "queuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "noteId" UUID,
    "text" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Flag_noteId_resolvedAt_idx" ON "Flag"("noteId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Flag_flaggerId_idx" ON "Flag"("flaggerId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_noteId_flaggerId_key" ON "Flag"("noteId", "flaggerId");

-- CreateIndex
CREATE INDEX "ModerationRecord_createdAt_idx" ON "ModerationRecord"("createdAt");

-- CreateIndex
CREATE INDEX "ModerationRecord_noteId_createdAt_idx" ON "ModerationRecord"("noteId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationRecord_subjectUserId_createdAt_idx" ON "ModerationRecord"("subjectUserId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationRecord_action_createdAt_idx" ON "ModerationRecord"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Note_queuedAt_idx" ON "Note"("queuedAt");

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_flaggerId_fkey" FOREIGN KEY ("flaggerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The moderation trail is append-only, like the account audit: the same refusing function, row and statement level.
CREATE TRIGGER "ModerationRecord_append_only"
  BEFORE UPDATE OR DELETE ON "ModerationRecord"
  FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "ModerationRecord_no_truncate"
  BEFORE TRUNCATE ON "ModerationRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
