import { z } from "zod";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { baseProcedure, router } from "../trpc.ts";

export const catalogRouter = router({
  functions: baseProcedure
    .input(
      ZPage.extend({
        search: z.string().trim().max(200).optional(),
        connectionId: z.string().uuid().optional(),
        provider: z.string().max(50).optional(),
        tag: z.string().max(100).optional(),
        includeMissing: z.boolean().default(false),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.function.findMany({
        where: {
          ...(input.includeMissing ? {} : { status: "active" }),
          ...(input.connectionId ? { connectionId: input.connectionId } : {}),
          ...(input.provider ? { connection: { provider: input.provider } } : {}),
          ...(input.tag ? { tags: { has: input.tag } } : {}),
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
          schemaSource: true,
          status: true,
          costHints: true,
          lastSeenAt: true,
          connection: { select: { id: true, name: true, provider: true } },
        },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  connections: baseProcedure.query(({ ctx }) =>
    ctx.db.prisma.connection.findMany({
      orderBy: { name: "asc" },
      // never `secret`: credentials stay on the server
      select: {
        id: true,
        name: true,
        provider: true,
        status: true,
        lastError: true,
        lastRefreshedAt: true,
        _count: { select: { functions: true } },
      },
    }),
  ),
});
