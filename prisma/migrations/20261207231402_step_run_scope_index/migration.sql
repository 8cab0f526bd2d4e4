-- DropIndex
DROP INDEX "StepRun_runId_status_idx";

-- CreateIndex
CREATE INDEX "StepRun_runId_scope_status_idx" ON "StepRun"("runId", "scope", "status");
