import type { Prisma, PrismaClient } from "@baton/db";
import type { JsonSchema, JsonValue } from "@baton/providers";
import { applySamples, samplesKept } from "../apply-samples.ts";

const asJson = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Keeps the input and output of a successful call of a function that declares no schema
 * for one side, and infers that side again from the newest samples.
 */
export const recordSample = async (
  prisma: PrismaClient,
  functionId: string,
  input: JsonValue,
  output: JsonValue,
) =>
  prisma.$transaction(async (tx) => {
    const row = await tx.function.findUnique({ where: { id: functionId } });
    if (!row || row.undeclared.length === 0) return;
    await tx.functionSample.create({
      data: { functionId, input: asJson(input), output: asJson(output ?? null) },
    });
    const samples = await tx.functionSample.findMany({
      where: { functionId },
      orderBy: { createdAt: "desc" },
      select: { id: true, input: true, output: true },
    });
    const stale = samples.slice(samplesKept).map((s) => s.id);
    if (stale.length > 0) await tx.functionSample.deleteMany({ where: { id: { in: stale } } });
    const schemas = applySamples(
      {
        inputSchema: row.inputSchema as JsonSchema,
        outputSchema: row.outputSchema as JsonSchema,
        schemaSource: row.schemaSource,
      },
      row.undeclared,
      samples.slice(0, samplesKept),
    );
    await tx.function.update({
      where: { id: functionId },
      data: {
        inputSchema: asJson(schemas.inputSchema),
        outputSchema: asJson(schemas.outputSchema),
        schemaSource: schemas.schemaSource,
      },
    });
  });
