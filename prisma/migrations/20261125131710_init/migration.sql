-- CreateEnum
CREATE TYPE "ParagraphKind" AS ENUM ('salutation', 'body', 'blockquote', 'section-break', 'dateline', 'footnote');

-- CreateEnum
CREATE TYPE "RevisionSource" AS ENUM ('import', 'correction');

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "dateLine" TEXT,
    "writtenOn" DATE,
    "writtenText" TEXT,
    "place" TEXT,
    "translation" TEXT,
    "firstPublication" TEXT,
    "transcriptionCredit" TEXT,
    "licenceText" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "lastUpdatedText" TEXT,
    "lastUpdatedOn" DATE,
    "sourceHash" TEXT NOT NULL,
    "textRevision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "anchorId" TEXT,
    "kind" "ParagraphKind" NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParagraphRevision" (
    "id" UUID NOT NULL,
    "paragraphId" UUID NOT NULL,
    "oldText" TEXT NOT NULL,
    "newText" TEXT NOT NULL,
    "oldHash" TEXT NOT NULL,
    "newHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" "RevisionSource" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParagraphRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FootnoteRef" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "markParagraphId" UUID NOT NULL,
    "markOffset" INTEGER NOT NULL,
    "footnoteParagraphId" UUID NOT NULL,

    CONSTRAINT "FootnoteRef_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_anchorId_key" ON "Paragraph"("documentId", "anchorId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_ordinal_key" ON "Paragraph"("documentId", "ordinal");

-- CreateIndex
CREATE INDEX "ParagraphRevision_paragraphId_createdAt_idx" ON "ParagraphRevision"("paragraphId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FootnoteRef_documentId_label_key" ON "FootnoteRef"("documentId", "label");

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParagraphRevision" ADD CONSTRAINT "ParagraphRevision_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FootnoteRef" ADD CONSTRAINT "FootnoteRef_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FootnoteRef" ADD CONSTRAINT "FootnoteRef_markParagraphId_fkey" FOREIGN KEY ("markParagraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FootnoteRef" ADD CONSTRAINT "FootnoteRef_footnoteParagraphId_fkey" FOREIGN KEY ("footnoteParagraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;
