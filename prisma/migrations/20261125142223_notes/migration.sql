-- CreateEnum
CREATE TYPE "NoteVisibility" AS ENUM ('private', 'group', 'public');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('approved', 'pending', 'hidden', 'spam');

-- CreateEnum
CREATE TYPE "ReferenceType" AS ENUM ('person', 'organisation', 'place', 'event', 'work', 'concept', 'law', 'other');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('anchored', 'orphan');

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "paragraphId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "visibility" "NoteVisibility" NOT NULL,
    "groupId" UUID,
    "quoteExact" TEXT,
    "quotePrefix" TEXT,
    "quoteSuffix" TEXT,
    "positionStart" INTEGER,
    "positionEnd" INTEGER,
    "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'anchored',
    "referenceType" "ReferenceType" NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "sources" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "moderationStatus" "ModerationStatus" NOT NULL DEFAULT 'approved',
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteRevision" (
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "referenceType" "ReferenceType" NOT NULL,
    "editedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Note_documentId_paragraphId_idx" ON "Note"("documentId", "paragraphId");

-- CreateIndex
CREATE INDEX "Note_authorId_idx" ON "Note"("authorId");

-- CreateIndex
CREATE INDEX "Note_groupId_idx" ON "Note"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "NoteRevision_noteId_version_key" ON "NoteRevision"("noteId", "version");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteRevision" ADD CONSTRAINT "NoteRevision_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;
