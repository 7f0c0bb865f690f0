-- AlterTable
ALTER TABLE "AuditRecord" ADD COLUMN     "groupId" UUID,
ADD COLUMN     "targetId" TEXT;

-- CreateIndex
CREATE INDEX "AuditRecord_groupId_createdAt_idx" ON "AuditRecord"("groupId", "createdAt");
