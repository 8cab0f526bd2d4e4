import { Prisma, type PrismaClient } from "@baton/db";
import { BatonError, schemaProblems } from "@baton/model";
import type { FunctionAnnotation } from "@baton/providers";

/**
 * Stores a person's override of a function (or clears it with an empty one). Schemas
 * that cannot be used are refused with the reasons, so a typo never reaches the checks.
 */
export const annotateFunction = async (
  prisma: PrismaClient,
  id: string,
  annotation: FunctionAnnotation,
) => {
  const problems = [
    ...(annotation.inputSchema === undefined ? [] : schemaProblems(annotation.inputSchema)).map(
      (p) => `input schema: ${p}`,
    ),
    ...(annotation.outputSchema === undefined ? [] : schemaProblems(annotation.outputSchema)).map(
      (p) => `output schema: ${p}`,
    ),
  ];
  if (problems.length > 0) {
    throw new BatonError("BAD_INPUT", `The annotation is not usable: ${problems.join("; ")}`, {
      problems,
    });
  }
  const exists = await prisma.function.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new BatonError("NOT_FOUND", "The catalog has no such function.");
  const empty = Object.values(annotation).every((v) => v === undefined);
  await prisma.function.update({
    where: { id },
    data: { annotation: empty ? Prisma.DbNull : (annotation as Prisma.InputJsonValue) },
  });
};
