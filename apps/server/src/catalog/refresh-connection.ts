import type { Prisma, PrismaClient } from "@baton/db";
import type { ProviderRegistry } from "@baton/providers";
import { applySamples, type TSample } from "./apply-samples.ts";
import { diffSchemas, type TSchemaChange } from "./schema-diff.ts";

export type TRefreshReport = {
  connection: string;
  ok: boolean;
  error?: string;
  added: string[];
  /** what changed in each schema; an empty list means that side is unchanged */
  changed: { ref: string; input: TSchemaChange[]; output: TSchemaChange[] }[];
  missing: string[];
  unchanged: number;
  problems: string[];
};

type TConnectionRow = {
  id: string;
  name: string;
  provider: string;
  config: Prisma.JsonValue;
};

const asJson = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Discovers a connection's functions and brings the catalog in line: new ones are added,
 * changed ones updated (the user's annotation is kept), vanished ones marked missing but
 * never deleted, since scenarios may still use them. Schemas the provider does not declare
 * are inferred from the samples of earlier calls. An unreachable provider marks the
 * connection in error and leaves the last good catalog as it was.
 */
export const refreshConnection = async (
  prisma: PrismaClient,
  registry: ProviderRegistry,
  row: TConnectionRow,
  secret?: Record<string, unknown>,
): Promise<TRefreshReport> => {
  const report: TRefreshReport = {
    connection: row.name,
    ok: false,
    added: [],
    changed: [],
    missing: [],
    unchanged: 0,
    problems: [],
  };
  let discovery: Awaited<ReturnType<ProviderRegistry["discover"]>>;
  try {
    discovery = await registry.discover({
      name: row.name,
      provider: row.provider,
      config: (row.config ?? {}) as Record<string, unknown>,
      ...(secret ? { secret } : {}),
    });
  } catch (error) {
    report.error = (error as Error).message;
    await prisma.connection.update({
      where: { id: row.id },
      data: { status: "error", lastError: report.error },
    });
    return report;
  }
  report.problems = discovery.problems;
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const existing = await tx.function.findMany({ where: { connectionId: row.id } });
    const byRef = new Map(existing.map((f) => [f.ref, f]));
    const samples = await samplesOf(
      tx,
      existing.filter((f) => f.undeclared.length > 0).map((f) => f.id),
    );
    for (const fn of discovery.functions) {
      const before = byRef.get(fn.ref);
      const undeclared = fn.undeclared ?? [];
      const schemas = applySamples(fn, undeclared, (before && samples.get(before.id)) ?? []);
      const data = {
        name: fn.name,
        description: fn.description,
        tags: fn.tags,
        inputSchema: asJson(schemas.inputSchema),
        outputSchema: asJson(schemas.outputSchema),
        schemaSource: schemas.schemaSource,
        undeclared,
        costHints: asJson(fn.costHints),
        locator: asJson(fn.locator),
        status: "active" as const,
        lastSeenAt: now,
      };
      byRef.delete(fn.ref);
      if (!before) {
        await tx.function.create({ data: { ...data, ref: fn.ref, connectionId: row.id } });
        report.added.push(fn.ref);
        continue;
      }
      const input = diffSchemas(before.inputSchema, schemas.inputSchema);
      const output = diffSchemas(before.outputSchema, schemas.outputSchema);
      if (input.length > 0 || output.length > 0)
        report.changed.push({ ref: fn.ref, input, output });
      else report.unchanged += 1;
      await tx.function.update({ where: { id: before.id }, data });
    }
    const vanished = [...byRef.values()].filter((f) => f.status !== "missing");
    if (vanished.length) {
      await tx.function.updateMany({
        where: { id: { in: vanished.map((f) => f.id) } },
        data: { status: "missing" },
      });
      report.missing = vanished.map((f) => f.ref);
    }
    await tx.connection.update({
      where: { id: row.id },
      data: {
        status: "ok",
        lastError: discovery.problems.length ? discovery.problems.join("\n") : null,
        lastRefreshedAt: now,
      },
    });
  });
  report.ok = true;
  return report;
};

const samplesOf = async (
  tx: Prisma.TransactionClient,
  functionIds: string[],
): Promise<Map<string, TSample[]>> => {
  const bySample = new Map<string, TSample[]>();
  if (functionIds.length === 0) return bySample;
  const rows = await tx.functionSample.findMany({
    where: { functionId: { in: functionIds } },
    select: { functionId: true, input: true, output: true },
  });
  for (const row of rows) {
    const list = bySample.get(row.functionId) ?? [];
    list.push(row);
    bySample.set(row.functionId, list);
  }
  return bySample;
};
