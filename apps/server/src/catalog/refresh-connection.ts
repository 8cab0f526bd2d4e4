import { isDeepStrictEqual } from "node:util";
import type { Prisma, PrismaClient } from "@baton/db";
import type { ProviderRegistry } from "@baton/providers";

export type TRefreshReport = {
  connection: string;
  ok: boolean;
  error?: string;
  added: string[];
  changed: { ref: string; input: boolean; output: boolean }[];
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
 * never deleted, since scenarios may still use them. An unreachable provider marks the
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
    for (const fn of discovery.functions) {
      const data = {
        name: fn.name,
        description: fn.description,
        tags: fn.tags,
        inputSchema: asJson(fn.inputSchema),
        outputSchema: asJson(fn.outputSchema),
        schemaSource: fn.schemaSource,
        costHints: asJson(fn.costHints),
        locator: asJson(fn.locator),
        status: "active" as const,
        lastSeenAt: now,
      };
      const before = byRef.get(fn.ref);
      byRef.delete(fn.ref);
      if (!before) {
        await tx.function.create({ data: { ...data, ref: fn.ref, connectionId: row.id } });
        report.added.push(fn.ref);
        continue;
      }
      const input = !isDeepStrictEqual(before.inputSchema, fn.inputSchema);
      const output = !isDeepStrictEqual(before.outputSchema, fn.outputSchema);
      if (input || output) report.changed.push({ ref: fn.ref, input, output });
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
