-- AlterTable
ALTER TABLE "Function" ADD COLUMN     "undeclared" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "FunctionSample" (
    "id" UUID NOT NULL,
    "functionId" UUID NOT NULL,
    "input" JSONB NOT NULL,
    "output" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FunctionSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FunctionSample_functionId_createdAt_idx" ON "FunctionSample"("functionId", "createdAt");

-- AddForeignKey
ALTER TABLE "FunctionSample" ADD CONSTRAINT "FunctionSample_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Annotations take the row's own names (inputSchema, outputSchema), as the engine reads them;
-- rows written with the older input/output keys are renamed.
UPDATE "Function"
SET "annotation" = ("annotation" - 'input' - 'output')
  || CASE WHEN "annotation" ? 'input' THEN jsonb_build_object('inputSchema', "annotation"->'input') ELSE '{}'::jsonb END
  || CASE WHEN "annotation" ? 'output' THEN jsonb_build_object('outputSchema', "annotation"->'output') ELSE '{}'::jsonb END
WHERE jsonb_typeof("annotation") = 'object' AND ("annotation" ? 'input' OR "annotation" ? 'output');
