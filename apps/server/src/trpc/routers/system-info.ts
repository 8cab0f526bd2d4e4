import { z } from "zod";
import type { TAppServices } from "../trpc.ts";

export const ZSystemInfo = z.object({
  version: z.string(),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), location: z.string() }),
  startedAt: z.date(),
  /** whether POST /hooks/<slug> starts runs: only with a webhook token (BATON_HOOK_TOKEN) */
  webhooks: z.object({ enabled: z.boolean() }),
});

export type TSystemInfo = z.infer<typeof ZSystemInfo>;

/** What the web app may know about this server; never the webhook token itself. */
export const describeSystem = ({
  version,
  db,
  startedAt,
  config,
}: Pick<TAppServices, "version" | "db" | "startedAt" | "config">): TSystemInfo => ({
  version,
  database: { kind: db.kind, location: db.location },
  startedAt,
  webhooks: { enabled: config.hookToken !== undefined },
});
