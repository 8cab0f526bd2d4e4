import type { PrismaClient } from "@baton/db";

/** Something an audit entry names, as a person knows it, and where it opens in the app. */
export type TAuditName = { name: string; href?: string; title?: string };

type TKind = "user" | "connection" | "scenario" | "version" | "run" | "task";

/** What kind of thing an action's target is; a failed sign-in's is an email, named already. */
const targetKind = (action: string): TKind | undefined => {
  if (action === "auth.login" || action === "auth.logout" || action.startsWith("user.")) {
    return "user";
  }
  const [area] = action.split(".");
  return area === "connection" || area === "scenario" || area === "run" || area === "task"
    ? area
    : undefined;
};

/** Data keys that hold the id of something else, and what it is. */
const DATA_REFS: Record<string, TKind> = { versionId: "version", task: "task" };

type TEntry = { action: string; target: string | null; data: unknown };

const dataOf = (entry: TEntry): Record<string, unknown> =>
  typeof entry.data === "object" && entry.data !== null && !Array.isArray(entry.data)
    ? (entry.data as Record<string, unknown>)
    : {};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an entry names, by kind. */
const idsOf = (entry: TEntry): [TKind, string][] => {
  const kind = targetKind(entry.action);
  const ids: [TKind, string][] = kind && entry.target ? [[kind, entry.target]] : [];
  for (const [key, refKind] of Object.entries(DATA_REFS)) {
    const id = dataOf(entry)[key];
    if (typeof id === "string") ids.push([refKind, id]);
  }
  return ids.filter(([, id]) => UUID.test(id));
};

const runName = (run: { id: string; scenarioVersion: { scenario: { name: string } } }) =>
  `${run.scenarioVersion.scenario.name} · run ${run.id.slice(0, 8)}`;

/** Looks up, in one query per kind, the names of everything some entries point at. */
const loadNames = async (prisma: PrismaClient, wanted: Map<TKind, Set<string>>) => {
  const ids = (kind: TKind) => [...(wanted.get(kind) ?? [])];
  const names = new Map<string, TAuditName>();
  const put = (kind: TKind, id: string, name: TAuditName) => names.set(`${kind}:${id}`, name);
  const [users, connections, scenarios, versions, runs, tasks] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: ids("user") } },
      select: { id: true, name: true, email: true },
    }),
    prisma.connection.findMany({
      where: { id: { in: ids("connection") } },
      select: { id: true, name: true },
    }),
    prisma.scenario.findMany({
      where: { id: { in: ids("scenario") } },
      select: { id: true, name: true, slug: true },
    }),
    prisma.scenarioVersion.findMany({
      where: { id: { in: ids("version") } },
      select: { id: true, version: true, scenario: { select: { name: true, slug: true } } },
    }),
    prisma.run.findMany({
      where: { id: { in: ids("run") } },
      select: { id: true, scenarioVersion: { select: { scenario: { select: { name: true } } } } },
    }),
    prisma.manualTask.findMany({
      where: { id: { in: ids("task") } },
      select: {
        id: true,
        title: true,
        run: {
          select: {
            id: true,
            scenarioVersion: { select: { scenario: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  for (const u of users) put("user", u.id, { name: u.name, title: u.email });
  for (const c of connections) put("connection", c.id, { name: c.name, href: "/catalog" });
  for (const s of scenarios) put("scenario", s.id, { name: s.name, href: `/scenarios/${s.slug}` });
  for (const v of versions) {
    put("version", v.id, {
      name: `${v.scenario.name} v${v.version}`,
      href: `/scenarios/${v.scenario.slug}`,
    });
  }
  for (const r of runs) put("run", r.id, { name: runName(r), href: `/runs/${r.id}` });
  for (const t of tasks) {
    put("task", t.id, { name: t.title, href: `/tasks/${t.id}`, title: runName(t.run) });
  }
  return names;
};

/**
 * Audit entries with names for the ids they hold: the target (`subject`) and data that points
 * at something (`refs`, by data key), so the trail reads "Order with approval v2", not a UUID.
 * Something since removed keeps its id.
 */
export const nameAuditEntries = async <T extends TEntry>(prisma: PrismaClient, entries: T[]) => {
  const wanted = new Map<TKind, Set<string>>();
  for (const entry of entries) {
    for (const [kind, id] of idsOf(entry)) {
      const set = wanted.get(kind) ?? new Set();
      set.add(id);
      wanted.set(kind, set);
    }
  }
  const names = await loadNames(prisma, wanted);
  return entries.map((entry) => {
    const kind = targetKind(entry.action);
    const subject = kind && entry.target ? names.get(`${kind}:${entry.target}`) : undefined;
    const refs: Record<string, TAuditName> = {};
    for (const [key, refKind] of Object.entries(DATA_REFS)) {
      const id = dataOf(entry)[key];
      const name = typeof id === "string" ? names.get(`${refKind}:${id}`) : undefined;
      if (name) refs[key] = name;
    }
    return { ...entry, subject: subject ?? null, refs };
  });
};
