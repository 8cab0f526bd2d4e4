import { z } from "zod";
import { createScenario } from "../../scenarios/create-scenario.ts";
import { exportScenario } from "../../scenarios/export-scenario.ts";
import { getScenario } from "../../scenarios/get-scenario.ts";
import { getVersion } from "../../scenarios/get-version.ts";
import { importScenario } from "../../scenarios/import-scenario.ts";
import { listVersions } from "../../scenarios/list-versions.ts";
import { loadCatalog } from "../../scenarios/load-catalog.ts";
import { loadSignatures } from "../../scenarios/load-scenario-signatures.ts";
import { publishScenario } from "../../scenarios/publish-scenario.ts";
import { saveDraft } from "../../scenarios/save-draft.ts";
import {
  ZCreateScenarioInput,
  ZExportInput,
  ZImportInput,
  ZPublishInput,
  ZSaveDraftInput,
  ZScenarioKey,
  ZVersionKey,
} from "../../scenarios/scenario-inputs.ts";
import { ZVersionNumber } from "../input-bounds.ts";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { designProcedure, readProcedure, router } from "../trpc.ts";

export const scenariosRouter = router({
  list: readProcedure
    .input(ZPage.extend({ search: z.string().trim().max(200).optional() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.scenario.findMany({
        where: {
          archivedAt: null,
          ...(input.search ? { name: { contains: input.search, mode: "insensitive" } } : {}),
        },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          name: true,
          description: true,
          updatedAt: true,
          versions: {
            where: { test: false },
            orderBy: { version: "desc" },
            take: 1,
            select: {
              version: true,
              publishedAt: true,
              _count: { select: { runs: { where: { test: false } } } },
            },
          },
        },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  create: designProcedure
    .input(ZCreateScenarioInput)
    .mutation(({ ctx, input }) => createScenario(ctx.db.prisma, input)),

  get: readProcedure
    .input(ZScenarioKey)
    .query(({ ctx, input }) => getScenario(ctx.db.prisma, input)),

  saveDraft: designProcedure
    .input(ZSaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db.prisma, input)),

  /** Refused with PRECONDITION_FAILED (diagnostics in the error's details) when the check fails. */
  publish: designProcedure.input(ZPublishInput).mutation(async ({ ctx, input }) => {
    return publishScenario(ctx.db.prisma, input, {
      publishedById: ctx.user.id,
      limits: ctx.config.limits,
      audit: ({ scenarioId, versionId, version }) => ({
        actorId: ctx.user.id,
        action: "scenario.publish",
        target: scenarioId,
        data: { versionId, version },
      }),
    });
  }),

  versions: readProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ ctx, input }) => listVersions(ctx.db.prisma, input.id)),

  getVersion: readProcedure
    .input(ZVersionKey)
    .query(({ ctx, input }) => getVersion(ctx.db.prisma, input)),

  import: designProcedure
    .input(ZImportInput)
    .mutation(({ ctx, input }) =>
      importScenario(ctx.db.prisma, input, ctx.config.limits.jsonDepth),
    ),

  export: readProcedure
    .input(ZExportInput)
    .query(({ ctx, input }) => exportScenario(ctx.db.prisma, input)),

  /** What published versions take and give, so the designer checks subscenario steps as publish does. */
  signatures: readProcedure
    .input(
      z.strictObject({
        refs: z
          .array(z.strictObject({ slug: z.string().min(1).max(200), version: ZVersionNumber }))
          .max(200),
      }),
    )
    .query(({ ctx, input }) => loadSignatures(ctx.db.prisma, input.refs)),

  /** The function schemas the designer checks against: the same ones publish uses. */
  catalog: readProcedure.query(({ ctx }) => loadCatalog(ctx.db.prisma)),
});
