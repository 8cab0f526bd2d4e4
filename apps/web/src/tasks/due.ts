/** How a due time reads in the inbox, and whether it has passed. */
export const dueState = (
  dueAt: string | null,
  now: number,
): { overdue: boolean; soon: boolean } | undefined => {
  if (!dueAt) return undefined;
  const left = Date.parse(dueAt) - now;
  return { overdue: left < 0, soon: left >= 0 && left < 3_600_000 };
};
