-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notesOnDeletion" TEXT;
