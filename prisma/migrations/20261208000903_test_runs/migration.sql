-- DropIndex
DROP INDEX "ScenarioVersion_scenarioId_version_key";

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ScenarioVersion" ADD COLUMN     "pinned" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StepPin" (
    "scenarioId" UUID NOT NULL,
    "nodeId" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "sourceStepRunId" UUID,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pinnedById" UUID,

    CONSTRAINT "StepPin_pkey" PRIMARY KEY ("scenarioId","nodeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioVersion_scenarioId_test_version_key" ON "ScenarioVersion"("scenarioId", "test", "version");

-- AddForeignKey
ALTER TABLE "StepPin" ADD CONSTRAINT "StepPin_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepPin" ADD CONSTRAINT "StepPin_pinnedById_fkey" FOREIGN KEY ("pinnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
