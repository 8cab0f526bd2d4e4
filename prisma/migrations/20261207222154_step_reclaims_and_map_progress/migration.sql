-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "itemsDone" INTEGER,
ADD COLUMN     "itemsStarted" INTEGER,
ADD COLUMN     "reclaims" INTEGER NOT NULL DEFAULT 0;
