/** Something an entry names, as the server names it: its name, and where it opens. */
export type TAuditName = { name: string; href?: string | undefined; title?: string | undefined };

/** One phrase of an entry's details; a phrase about something named links to it. */
export type TAuditPhrase = { text: string; link?: TAuditName };

const show = (value: unknown): string =>
  Array.isArray(value)
    ? value.join(", ") || "none"
    : value === null || value === undefined
      ? "—"
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);

/** "versionId" reads "version" once the id is a name. */
const refLabel = (key: string): string => key.replace(/Id$/, "");

/**
 * An audit entry's data as short "what: value" phrases; a change reads "field: before → after";
 * an id the server named (`refs`, by data key) reads as that name.
 */
export const describeAuditData = (
  data: unknown,
  refs: Readonly<Record<string, TAuditName>> = {},
): TAuditPhrase[] => {
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  const { before, after, ...rest } = data as Record<string, unknown>;
  const named = new Set(Object.keys(refs).map(refLabel));
  const changes =
    before && after && typeof before === "object" && typeof after === "object"
      ? Object.keys(after).map((key) => ({
          text: `${key}: ${show((before as Record<string, unknown>)[key])} → ${show((after as Record<string, unknown>)[key])}`,
        }))
      : [];
  return [
    ...Object.entries(rest)
      .filter(
        ([key, value]) => value !== null && value !== undefined && (key in refs || !named.has(key)),
      )
      .map(([key, value]) => {
        const ref = refs[key];
        return ref
          ? { text: `${refLabel(key)}: ${ref.name}`, link: ref }
          : { text: `${key}: ${show(value)}` };
      }),
    ...changes,
  ];
};
