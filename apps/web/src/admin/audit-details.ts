const show = (value: unknown): string =>
  Array.isArray(value)
    ? value.join(", ") || "none"
    : value === null || value === undefined
      ? "—"
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);

/**
 * An audit entry's data as short "what: value" phrases; a change reads "field: before → after".
 */
export const describeAuditData = (data: unknown): string[] => {
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  const { before, after, ...rest } = data as Record<string, unknown>;
  const changes =
    before && after && typeof before === "object" && typeof after === "object"
      ? Object.keys(after).map(
          (key) =>
            `${key}: ${show((before as Record<string, unknown>)[key])} → ${show((after as Record<string, unknown>)[key])}`,
        )
      : [];
  return [
    ...Object.entries(rest)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => `${key}: ${show(value)}`),
    ...changes,
  ];
};

/** Where an entry's target opens in the app, when it is something with a page. */
export const auditTargetLink = (action: string, target: string | null): string | undefined => {
  if (!target) return undefined;
  if (action.startsWith("run.")) return `/runs/${target}`;
  if (action.startsWith("task.")) return `/tasks/${target}`;
  return undefined;
};
