import { z } from "zod";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { baseProcedure, router } from "../trpc.ts";

export const scenariosRouter = router({
  list: baseProcedure
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
            orderBy: { version: "desc" },
            take: 1,
            select: { version: true, publishedAt: true, _count: { select: { runs: true } } },
          },
        },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),
});
