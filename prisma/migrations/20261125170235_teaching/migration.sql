-- CreateEnum
CREATE TYPE "AssignmentState" AS ENUM ('draft', 'published', 'closed');

-- CreateEnum
CREATE TYPE "PeerVisibility" AS ENUM ('always', 'after-first-note', 'after-due');

-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "assignmentId" UUID;

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "fromOrdinal" INTEGER NOT NULL,
    "toOrdinal" INTEGER NOT NULL,
    "passages" JSONB NOT NULL DEFAULT '[]',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "minNotes" INTEGER NOT NULL DEFAULT 1,
    "minReplies" INTEGER NOT NULL DEFAULT 0,
    "requiredTypes" "ReferenceType"[],
    "peerVisibility" "PeerVisibility" NOT NULL DEFAULT 'always',
    "state" "AssignmentState" NOT NULL DEFAULT 'draft',
    "maxPoints" INTEGER,
    "rubric" JSONB NOT NULL DEFAULT '[]',
    "gradesReleasedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grade" (
    "assignmentId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "rubricScores" JSONB NOT NULL DEFAULT '[]',
    "comment" TEXT,
    "gradedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grade_pkey" PRIMARY KEY ("assignmentId","studentId")
);

-- CreateIndex
CREATE INDEX "Assignment_groupId_state_idx" ON "Assignment"("groupId", "state");

-- CreateIndex
CREATE INDEX "Feedback_noteId_idx" ON "Feedback"("noteId");

-- CreateIndex
CREATE INDEX "Feedback_assignmentId_idx" ON "Feedback"("assignmentId");

-- CreateIndex
CREATE INDEX "Note_assignmentId_authorId_idx" ON "Note"("assignmentId", "authorId");

-- CreateIndex
CREATE INDEX "Note_assignmentId_paragraphId_idx" ON "Note"("assignmentId", "paragraphId");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grade" ADD CONSTRAINT "Grade_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grade" ADD CONSTRAINT "Grade_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grade" ADD CONSTRAINT "Grade_gradedById_fkey" FOREIGN KEY ("gradedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
