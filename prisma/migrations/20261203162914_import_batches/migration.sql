-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "importBatchId" UUID;

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "importerId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "visibility" "NoteVisibility" NOT NULL,
    "groupId" UUID,
    "noteCount" INTEGER NOT NULL,
    "replyCount" INTEGER NOT NULL,
    "anchored" INTEGER NOT NULL,
    "moved" INTEGER NOT NULL,
    "orphaned" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_importerId_idx" ON "ImportBatch"("importerId");

-- CreateIndex
CREATE INDEX "Note_importBatchId_idx" ON "Note"("importBatchId");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importerId_fkey" FOREIGN KEY ("importerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
