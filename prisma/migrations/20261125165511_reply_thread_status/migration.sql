-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "threadStatus" "ModerationStatus";

-- Existing replies take their thread's current status.
UPDATE "Note" AS reply SET "threadStatus" = thread."moderationStatus"
FROM "Note" AS thread
WHERE reply."threadId" = thread."id";
