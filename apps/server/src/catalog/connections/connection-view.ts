import type { Prisma } from "@baton/db";
import { connectionSettingsText } from "@baton/providers";
import { openConnectionSecret } from "../secrets/connection-secret.ts";
import type { TSecretBox } from "../secrets/secret-box.ts";

export const connectionRowSelect = {
  id: true,
  name: true,
  provider: true,
  config: true,
  secret: true,
  status: true,
  lastError: true,
  lastRefreshedAt: true,
  createdAt: true,
  _count: { select: { functions: true } },
} satisfies Prisma.ConnectionSelect;

type TConnectionRow = Prisma.ConnectionGetPayload<{ select: typeof connectionRowSelect }>;

/**
 * A connection as the browser sees it: its settings as form text and the *names* of the
 * credentials that are set. Secret values never leave the server.
 */
export const toConnectionView = (box: TSecretBox, row: TConnectionRow) => {
  let secretKeys: string[] = [];
  let secretProblem: string | null = null;
  try {
    secretKeys = Object.keys(openConnectionSecret(box, row) ?? {}).sort();
  } catch (error) {
    secretProblem = (error as Error).message;
  }
  let settings: Record<string, string> = {};
  try {
    settings = connectionSettingsText(row.provider, row.config);
  } catch {
    // a provider this build does not know: no form to fill, the rest still shows
  }
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    status: row.status,
    lastError: row.lastError,
    lastRefreshedAt: row.lastRefreshedAt,
    createdAt: row.createdAt,
    functionCount: row._count.functions,
    settings,
    secretKeys,
    secretProblem,
  };
};

export type TConnectionView = ReturnType<typeof toConnectionView>;
