-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "bodyHtml" TEXT,
ADD COLUMN     "bodyHtmlVersion" INTEGER;
