import { z } from "zod";

export const ZPage = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid().nullish(),
});

/** Prisma cursor paging: ask for one row more than the page to know whether more exist. */
export const pageArgs = ({ limit, cursor }: z.infer<typeof ZPage>) => ({
  take: limit + 1,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
});

export const toPage = <T extends { id: string }>(rows: T[], limit: number) => ({
  items: rows.slice(0, limit),
  nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
});
