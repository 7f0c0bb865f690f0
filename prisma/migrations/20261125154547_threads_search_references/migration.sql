-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "parentId" UUID,
ADD COLUMN     "referenceEntryId" TEXT,
ADD COLUMN     "replyCount" INTEGER NOT NULL DEFAULT 0,
-- Full-text search: a generated column Postgres keeps current on every insert and update (English stemming for the
-- body and the quoted passage; tags as whole words), searched through the GIN index below.
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "body"), 'A')
  || array_to_tsvector("tags")
  || setweight(to_tsvector('english'::regconfig, coalesce("quoteExact", '')), 'C')
) STORED,
ADD COLUMN     "threadId" UUID;

-- CreateTable
CREATE TABLE "ReferenceEntry" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ReferenceType" NOT NULL,
    "aliases" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "dates" TEXT,
    "wikidata" TEXT,
    "viaf" TEXT,
    "geonames" TEXT,
    "gnd" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceEntry_type_name_idx" ON "ReferenceEntry"("type", "name");

-- CreateIndex
CREATE INDEX "Note_documentId_createdAt_id_idx" ON "Note"("documentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Note_threadId_createdAt_idx" ON "Note"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_referenceEntryId_idx" ON "Note"("referenceEntryId");

-- CreateIndex
CREATE INDEX "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_referenceEntryId_fkey" FOREIGN KEY ("referenceEntryId") REFERENCES "ReferenceEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
