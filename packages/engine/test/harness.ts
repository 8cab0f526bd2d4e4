import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Prisma, type TDatabase } from "@baton/db";
import { createTestDatabase } from "@baton/db/testing";
import { type TScenario, ZRunEventData } from "@baton/model";
import {
  createLocalProvider,
  createProviderRegistry,
  type ProviderRegistry,
} from "@baton/providers";
import { createEngine, type TEngine, type TEngineLimitsOption } from "../src/index.ts";

export const functionsDir = fileURLToPath(new URL("./functions", import.meta.url));

export type THarness = {
  db: TDatabase;
  engine: TEngine;
  providers: ProviderRegistry;
  publish(
    scenario: Omit<TScenario, "format" | "slug" | "name"> & { slug?: string },
  ): Promise<string>;
  /** Publishes the next version of the scenario `publish` made with this slug. */
  publishNext(slug: string, scenario: Omit<TScenario, "format" | "slug" | "name">): Promise<string>;
  waitForRun(
    runId: string,
    timeoutMs?: number,
  ): Promise<{ status: string; output: unknown; error: unknown }>;
  waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

/** Every engine rule holds on both: the integration tests' global setup provides PostgreSQL. */
export const databases = [{ kind: "pglite" as const }, { kind: "postgres" as const }];

let slugs = 0;

/** A database, the test functions in its catalog, and an engine with workers on it. */
export const openHarness = async (
  kind: "pglite" | "postgres",
  options: { concurrency?: number; serverUrl?: string; limits?: TEngineLimitsOption } = {},
): Promise<THarness> => {
  const dir = await mkdtemp(path.join(tmpdir(), "baton-engine-"));
  const server = kind === "postgres" ? await createTestDatabase(options.serverUrl) : undefined;
  const db = await openDatabase({ dataDir: dir, databaseUrl: server?.url });
  const providers = createProviderRegistry([createLocalProvider({ poolSize: 2 })]);
  const connection = await db.prisma.connection.create({
    data: { name: "t", provider: "local", config: { folder: functionsDir } },
  });
  const { functions } = await providers.discover({
    name: "t",
    provider: "local",
    config: { folder: functionsDir },
  });
  await db.prisma.function.createMany({
    data: functions.map((f) => ({
      connectionId: connection.id,
      ref: f.ref,
      name: f.name,
      inputSchema: f.inputSchema as Prisma.InputJsonValue,
      outputSchema: f.outputSchema as Prisma.InputJsonValue,
      locator: f.locator as Prisma.InputJsonValue,
    })),
  });
  const engine = await createEngine({
    db,
    providers,
    concurrency: options.concurrency ?? 8,
    ...(options.limits ? { limits: options.limits } : {}),
    defaultTimeoutMs: 5_000,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });

  const waitFor = async <T>(
    probe: () => Promise<T | undefined>,
    timeoutMs = 20_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error("timed out waiting");
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    db,
    engine,
    providers,
    waitFor,
    publish: async (scenario) => {
      const slug = scenario.slug ?? `s${++slugs}-${Date.now()}`;
      const definition = { format: "baton.scenario/v1", name: slug, ...scenario, slug };
      const row = await db.prisma.scenario.create({
        data: {
          slug,
          name: slug,
          draft: definition as Prisma.InputJsonValue,
          versions: { create: { version: 1, definition: definition as Prisma.InputJsonValue } },
        },
        select: { versions: { select: { id: true } } },
      });
      return row.versions[0]!.id;
    },
    publishNext: async (slug, scenario) => {
      const { id, versions } = await db.prisma.scenario.findUniqueOrThrow({
        where: { slug },
        select: { id: true, versions: { select: { version: true } } },
      });
      const definition = { format: "baton.scenario/v1", name: slug, ...scenario, slug };
      const row = await db.prisma.scenarioVersion.create({
        data: {
          scenarioId: id,
          version: Math.max(...versions.map((v) => v.version)) + 1,
          definition: definition as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      return row.id;
    },
    waitForRun: (runId, timeoutMs) =>
      waitFor(async () => {
        const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
        return ["succeeded", "failed", "cancelled"].includes(run.status) ? run : undefined;
      }, timeoutMs),
    close: async () => {
      await engine.stop();
      // every event a test made the engine write must be one of the run events of @baton/model
      const events = await db.prisma.runEvent.findMany({ select: { type: true, data: true } });
      const unknown = events.filter((event) => !ZRunEventData.safeParse(event).success);
      await providers.close();
      await db.close();
      await server?.drop();
      await rm(dir, { recursive: true, force: true });
      if (unknown.length) {
        throw new Error(
          `the engine wrote events the run-event union lacks: ${JSON.stringify(unknown.slice(0, 5))}`,
        );
      }
    },
  };
};

/** The most of these step runs that were running at one moment. */
export const mostAtOnce = (steps: { startedAt: Date | null; endedAt: Date | null }[]): number => {
  const edges = steps.flatMap((s) => [
    { t: s.startedAt!.getTime(), d: 1 },
    { t: s.endedAt!.getTime(), d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let inside = 0;
  let most = 0;
  for (const e of edges) {
    inside += e.d;
    most = Math.max(most, inside);
  }
  return most;
};

export { branch, end, errorEdge, fn, manual, next, start } from "./scenario-builders.ts";
