import { BatonError } from "@baton/model";
import { connectionForms, effectiveEntry } from "@baton/providers";
import { z } from "zod";
import { audited } from "../../audit/record-audit.ts";
import {
  connectionRowSelect,
  toConnectionView,
} from "../../catalog/connections/connection-view.ts";
import { connectionUsers, removeConnection } from "../../catalog/connections/remove-connection.ts";
import { createConnection, updateConnection } from "../../catalog/connections/save-connection.ts";
import { testConnection } from "../../catalog/connections/test-connection.ts";
import { annotateFunction } from "../../catalog/functions/annotate-function.ts";
import { getFunction } from "../../catalog/functions/get-function.ts";
import { functionIdsWithTag, listTags } from "../../catalog/functions/tag-queries.ts";
import { tryFunction } from "../../catalog/functions/try-function.ts";
import { refreshStoredConnection } from "../../catalog/refresh-stored.ts";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { adminProcedure, designProcedure, readProcedure, router } from "../trpc.ts";

const ZId = z.object({ id: z.uuid() });

// Form text, field by field; the provider's form says what each means (parsed on the server).
const ZSettings = z.record(z.string().max(100), z.string().max(20_000));
// Per credential: a new value, or null to remove it; credentials left out are kept.
const ZSecretChanges = z.record(z.string().min(1).max(100), z.string().max(20_000).nullable());

const ZConnectionName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/,
    "a name is 1–60 letters, digits, '-' or '_', starting with a letter or digit",
  );

const ZProvider = z.string().min(1).max(50);

const ZSchema = z.union([z.boolean(), z.record(z.string(), z.unknown())]);

export const catalogRouter = router({
  functions: readProcedure
    .input(
      ZPage.extend({
        search: z.string().trim().max(200).optional(),
        connectionId: z.uuid().optional(),
        provider: z.string().max(50).optional(),
        tag: z.string().max(100).optional(),
        includeMissing: z.boolean().default(false),
      }),
    )
    .query(async ({ ctx, input }) => {
      const tagged = input.tag ? await functionIdsWithTag(ctx.db.prisma, input.tag) : undefined;
      const rows = await ctx.db.prisma.function.findMany({
        where: {
          ...(input.includeMissing ? {} : { status: "active" }),
          ...(input.connectionId ? { connectionId: input.connectionId } : {}),
          ...(input.provider ? { connection: { provider: input.provider } } : {}),
          ...(tagged ? { id: { in: tagged } } : {}),
          ...(input.search
            ? {
                OR: [
                  { name: { contains: input.search, mode: "insensitive" } },
                  { description: { contains: input.search, mode: "insensitive" } },
                  { ref: { contains: input.search, mode: "insensitive" } },
                ],
              }
            : {}),
        },
        orderBy: [{ ref: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ref: true,
          name: true,
          description: true,
          tags: true,
          inputSchema: true,
          outputSchema: true,
          schemaSource: true,
          annotation: true,
          status: true,
          costHints: true,
          lastSeenAt: true,
          connection: { select: { id: true, name: true, provider: true } },
        },
        ...pageArgs(input),
      });
      const items = rows.map(({ inputSchema, outputSchema, annotation, ...row }) => {
        const effective = effectiveEntry({ ...row, inputSchema, outputSchema, annotation });
        return {
          ...row,
          description: effective.description,
          tags: effective.tags,
          schemaSource: effective.schemaSource,
        };
      });
      return toPage(items, input.limit);
    }),

  /** Every tag in the catalog, for the filter. */
  tags: readProcedure.query(({ ctx }) => listTags(ctx.db.prisma)),

  function: readProcedure
    .input(ZId)
    .query(({ ctx, input }) => getFunction(ctx.db.prisma, input.id)),

  // calls the real function: whoever builds scenarios tries what they wire
  tryFunction: designProcedure
    .input(ZId.extend({ input: z.unknown() }))
    .mutation(({ ctx, input }) =>
      tryFunction(
        { prisma: ctx.db.prisma, providers: ctx.providers, secrets: ctx.secrets },
        input.id,
        input.input,
      ),
    ),

  annotateFunction: designProcedure
    .input(
      ZId.extend({
        annotation: z.strictObject({
          description: z.string().max(2_000).optional(),
          tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
          inputSchema: ZSchema.optional(),
          outputSchema: ZSchema.optional(),
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await annotateFunction(ctx.db.prisma, input.id, input.annotation);
      return getFunction(ctx.db.prisma, input.id);
    }),

  /** The kinds of connection there are and what their forms ask for. */
  providerForms: readProcedure.query(({ ctx }) => {
    const registered = new Set(ctx.providers.kinds());
    return connectionForms.filter((form) => registered.has(form.kind));
  }),

  connections: readProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.prisma.connection.findMany({
      orderBy: { name: "asc" },
      select: connectionRowSelect,
    });
    return rows.map((row) => toConnectionView(ctx.secrets, row));
  }),

  connection: readProcedure.input(ZId).query(async ({ ctx, input }) => {
    const row = await ctx.db.prisma.connection.findUnique({
      where: { id: input.id },
      select: connectionRowSelect,
    });
    if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
    return {
      ...toConnectionView(ctx.secrets, row),
      usedBy: await connectionUsers(ctx.db.prisma, row.id),
    };
  }),

  testConnection: adminProcedure
    .input(
      z.object({
        id: z.uuid().optional(),
        name: ZConnectionName,
        provider: ZProvider,
        settings: ZSettings,
        secretChanges: ZSecretChanges.default({}),
      }),
    )
    .mutation(({ ctx, input }) => testConnection(ctx.db.prisma, ctx.providers, ctx.secrets, input)),

  /** Saves a new connection and discovers its functions right away. */
  createConnection: adminProcedure
    .input(
      z.object({
        name: ZConnectionName,
        provider: ZProvider,
        settings: ZSettings,
        secretChanges: ZSecretChanges.default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await audited(
        ctx.db.prisma,
        (tx) => createConnection(tx, ctx.secrets, input),
        ({ id }) => ({
          actorId: ctx.user.id,
          action: "connection.create",
          target: id,
          // credential names only: their values never leave the server, not even here
          data: {
            name: input.name,
            provider: input.provider,
            credentials: Object.keys(input.secretChanges).sort(),
          },
        }),
      );
      const refresh = await refreshStoredConnection(
        { prisma: ctx.db.prisma, providers: ctx.providers, secrets: ctx.secrets },
        row.id,
      );
      return { id: row.id, refresh };
    }),

  updateConnection: adminProcedure
    .input(ZId.extend({ settings: ZSettings, secretChanges: ZSecretChanges.default({}) }))
    .mutation(async ({ ctx, input }) => {
      const row = await audited(
        ctx.db.prisma,
        (tx) => updateConnection(tx, ctx.secrets, input),
        ({ id }) => ({
          actorId: ctx.user.id,
          action: "connection.update",
          target: id,
          data: {
            settings: Object.keys(input.settings).sort(),
            credentialsSet: Object.entries(input.secretChanges)
              .filter(([, value]) => value !== null)
              .map(([key]) => key)
              .sort(),
            credentialsRemoved: Object.entries(input.secretChanges)
              .filter(([, value]) => value === null)
              .map(([key]) => key)
              .sort(),
          },
        }),
      );
      const refresh = await refreshStoredConnection(
        { prisma: ctx.db.prisma, providers: ctx.providers, secrets: ctx.secrets },
        row.id,
      );
      return { id: row.id, refresh };
    }),

  refreshConnection: adminProcedure
    .input(ZId)
    .mutation(({ ctx, input }) =>
      refreshStoredConnection(
        { prisma: ctx.db.prisma, providers: ctx.providers, secrets: ctx.secrets },
        input.id,
      ),
    ),

  removeConnection: adminProcedure.input(ZId).mutation(async ({ ctx, input }) => {
    return audited(
      ctx.db.prisma,
      (tx) => removeConnection(tx, input.id),
      (removed) => ({
        actorId: ctx.user.id,
        action: "connection.delete",
        target: input.id,
        data: removed,
      }),
    );
  }),
});
