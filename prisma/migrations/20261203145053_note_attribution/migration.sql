-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "attribution" TEXT;
